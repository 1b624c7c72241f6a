using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Joblog.Web.Access;
using Joblog.Web.Database;
using Joblog.Web.Features.Demo;
using Joblog.Web.ReferenceData;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit;

[assembly: AssemblyFixture(typeof(Joblog.Web.Tests.Infrastructure.PostgresServer))]

namespace Joblog.Web.Tests.Infrastructure;

/// <summary>
/// One PostgreSQL server for the whole test run: <c>JOBLOG_TEST_CONNECTION</c> (an admin connection string) if set,
/// else a private cluster in a temp folder. Hands out fresh databases cloned from a migrated template.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const long TemplateLockKey = 0x6A6F626C6F6754; // "joblogT"
    private readonly ConcurrentBag<string> createdDatabases = [];
    private readonly Lazy<Task<string>> template;
    private LocalPostgres? local;
    private FileStream? folderLock;

    private readonly Lazy<Task<string>> demoTemplate;

    public PostgresServer()
    {
        template = new(CreateTemplateAsync);
        demoTemplate = new(CreateDemoTemplateAsync);
    }

    public string AdminConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("JOBLOG_TEST_CONNECTION") is { Length: > 0 } external)
        {
            AdminConnectionString = external;
            return;
        }
        await TestClusterFolders.CleanUpAbandonedAsync();
        (var folder, folderLock) = TestClusterFolders.Create();
        local = await LocalPostgres.StartAsync(folder, NullLogger.Instance);
        AdminConnectionString = local.AdminConnectionString;
    }

    /// <summary>A new database with all migrations applied (cloned from the template); returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync() => CloneAsync(template.Value);

    /// <summary>
    /// A new database as the app leaves it after its first start in demo mode: migrations, the shipped reference data and
    /// the demo world with its few hundred background citizens (cloned from a template built once per run, so each test
    /// class does not generate them again; the app's start-up then only re-anchors the personas). Returns its connection string.
    /// </summary>
    public Task<string> CreateDemoDatabaseAsync() => CloneAsync(demoTemplate.Value);

    private async Task<string> CloneAsync(Task<string> templateTask)
    {
        var templateName = await templateTask;
        var name = NewName();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync(AdminConnectionString, $"create database {name} template {templateName}");
                break;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                await Task.Delay(100 * attempt); // someone is briefly connected to the template
            }
        }
        return ConnectionString(name);
    }

    /// <summary>A new, empty database (no migrations); returns its connection string.</summary>
    public async Task<string> CreateEmptyDatabaseAsync()
    {
        var name = NewName();
        await ExecuteAsync(AdminConnectionString, $"create database {name}");
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (local is not null)
        {
            await local.StopAsync();
            Directory.Delete(local.Folder.Root, recursive: true);
            await folderLock!.DisposeAsync();
            return;
        }
        foreach (var name in createdDatabases)
            await ExecuteAsync(AdminConnectionString, $"drop database if exists {name} with (force)");
    }

    private string NewName()
    {
        var name = $"joblog_test_{Guid.NewGuid().ToString("N")[..12]}";
        createdDatabases.Add(name);
        return name;
    }

    private string ConnectionString(string database, bool pooling = true) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, Pooling = pooling }.ConnectionString;

    /// <summary>
    /// Builds <c>joblog_template_&lt;hash of the migrations&gt;</c> once, under an advisory lock (other test runs may
    /// share the server). It is built under a temporary name and renamed when complete, so it is never seen half-made.
    /// </summary>
    private Task<string> CreateTemplateAsync()
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(Migrator.Migrations.Select(m => m.Version + m.Sql))));
        return BuildTemplateAsync($"joblog_template_{Convert.ToHexStringLower(hash)[..12]}", dataSource => Migrator.MigrateAsync(dataSource));
    }

    /// <summary>Named by this build of the app and today's date: the demo world depends on both.</summary>
    private Task<string> CreateDemoTemplateAsync()
    {
        var build = typeof(DemoLoader).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];
        var name = $"joblog_demo_{build}_{TimeProvider.System.Today():yyyyMMdd}";
        return BuildTemplateAsync(name, async dataSource =>
        {
            DapperTypes.Register();
            await Migrator.MigrateAsync(dataSource);
            await ReferenceDataImporter.ImportShippedAsync(dataSource, CancellationToken.None);
            var gate = new CitizenGate(dataSource, TimeProvider.System, [], [], new LookCommit(Durable: true), NullLogger<CitizenGate>.Instance);
            await new DemoLoader(dataSource, TimeProvider.System, gate, NullLogger<DemoLoader>.Instance).LoadAsync(CancellationToken.None);
        });
    }

    /// <summary>
    /// Builds a template database once, under an advisory lock (other test runs may share the server). It is built under
    /// a temporary name and renamed when complete, so it is never seen half-made.
    /// </summary>
    private async Task<string> BuildTemplateAsync(string name, Func<NpgsqlDataSource, Task> build)
    {
        await using var admin = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false }.ConnectionString);
        await admin.OpenAsync();
        await ExecuteAsync(admin, $"select pg_advisory_lock({TemplateLockKey})");
        try
        {
            await using var exists = new NpgsqlCommand($"select 1 from pg_database where datname = '{name}'", admin);
            if (await exists.ExecuteScalarAsync() is not null) return name;
            await ExecuteAsync(admin, $"drop database if exists {name}_building with (force)");
            await ExecuteAsync(admin, $"create database {name}_building");
            await using (var dataSource = NpgsqlDataSource.Create(ConnectionString($"{name}_building", pooling: false)))
                await build(dataSource);
            await ExecuteAsync(admin, $"alter database {name}_building rename to {name}");
            return name;
        }
        finally
        {
            await ExecuteAsync(admin, $"select pg_advisory_unlock({TemplateLockKey})");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, sql);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
