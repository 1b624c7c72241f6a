using System.Net;
using Dapper;
using Joblog.Web.Database;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Shouldly;
using Xunit;

namespace Joblog.Web.Tests.Infrastructure;

public sealed class TestDatabaseTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_database_from_the_template_has_every_migration_applied_once()
    {
        await using var connection = new NpgsqlConnection(await server.CreateDatabaseAsync());

        var versions = (await connection.QueryAsync<string>("select version from schema_migrations order by version")).ToList();

        versions.ShouldBe(Migrator.Migrations.Select(m => m.Version).ToList());
        versions.ShouldContain("0001_platform");
        (await connection.ExecuteScalarAsync<int>("select count(*) from pg_extension where extname in ('pg_trgm', 'unaccent')")).ShouldBe(2);
    }

    [Fact]
    public async Task Two_migrators_starting_together_on_an_empty_database_apply_each_migration_exactly_once()
    {
        var connectionString = await server.CreateEmptyDatabaseAsync();
        var logs = new InMemoryLoggerProvider();
        var logger = logs.CreateLogger("Migrator");
        await using var first = NpgsqlDataSource.Create(connectionString);
        await using var second = NpgsqlDataSource.Create(connectionString);

        await Task.WhenAll(Migrator.MigrateAsync(first, logger, Ct), Migrator.MigrateAsync(second, logger, Ct));

        await using var connection = await first.OpenConnectionAsync(Ct);
        (await connection.ExecuteScalarAsync<int>("select count(*) from schema_migrations")).ShouldBe(Migrator.Migrations.Count);
        logs.Lines.Count(l => l.Contains("Applied database migration", StringComparison.Ordinal)).ShouldBe(Migrator.Migrations.Count);
    }

    [Fact]
    public async Task Data_protection_keys_are_kept_in_the_database_and_shared_by_app_instances()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var first = new JoblogApp(connectionString);
        await using var second = new JoblogApp(connectionString);

        var secret = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("hello");

        await using var connection = new NpgsqlConnection(connectionString);
        (await connection.ExecuteScalarAsync<int>("select count(*) from data_protection_keys")).ShouldBeGreaterThan(0);
        second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(secret).ShouldBe("hello");
    }

    [Fact]
    public async Task The_app_answers_health_in_process_and_uses_the_given_database()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var app = new JoblogApp(connectionString);

        var response = await app.CreateClient().GetAsync(new Uri("/health", UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var database = new NpgsqlConnectionStringBuilder(app.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString).Database;
        database.ShouldBe(new NpgsqlConnectionStringBuilder(connectionString).Database);
        app.LogLines.ShouldContain(l => l.StartsWith("Debug Npgsql", StringComparison.Ordinal)); // the sink sees Debug
        if (new NpgsqlConnectionStringBuilder(connectionString).Password is { Length: > 0 } password)
            app.LogLines.ShouldNotContain(l => l.Contains(password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_app_on_kestrel_answers_health_on_a_real_port()
    {
        await using var app = JoblogApp.StartOnKestrel(await server.CreateDatabaseAsync());
        using var outside = new HttpClient();

        var response = await outside.GetAsync(new Uri(app.BaseAddress!, "/health"), Ct);

        app.BaseAddress!.Host.ShouldBe("127.0.0.1");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe("Healthy");
    }

    [Fact]
    public async Task Two_databases_from_the_template_are_independent()
    {
        await using var first = new NpgsqlConnection(await server.CreateDatabaseAsync());
        await using var second = new NpgsqlConnection(await server.CreateDatabaseAsync());

        await first.ExecuteAsync("create table only_here (id int); insert into only_here values (1);");

        (await second.ExecuteScalarAsync<bool>("select to_regclass('only_here') is null")).ShouldBeTrue();
        (await first.ExecuteScalarAsync<int>("select count(*) from only_here")).ShouldBe(1);
    }
}
