using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Npgsql;

namespace Joblog.Web.Database;

/// <summary>Wires PostgreSQL: the connection (or a private local cluster), the data source, data-protection keys and migrations.</summary>
public static class DatabaseSetup
{
    public const string ConnectionStringName = "Joblog";
    public const string LocalDatabaseName = "joblog";

    /// <summary>The app's database in the private cluster: <c>Joblog:LocalDatabase</c>, default <c>joblog</c>.</summary>
    public static string LocalDatabase(IConfiguration config) =>
        config["Joblog:LocalDatabase"] is { Length: > 0 } name ? name : LocalDatabaseName;

    /// <summary>
    /// Uses <c>ConnectionStrings:Joblog</c> if set; otherwise starts the private cluster (see <see cref="LocalPostgres"/>)
    /// and puts its connection string into configuration: database <c>Joblog:LocalDatabase</c>, default <c>joblog</c>
    /// (e.g. <c>joblog_world</c>, made by <c>generate-world</c>).
    /// </summary>
    public static async Task AddJoblogDatabaseAsync(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(ConnectionStringName)))
        {
            using var loggerFactory = LoggerFactory.Create(logging => logging
                .AddConfiguration(builder.Configuration.GetSection("Logging"))
                .AddSimpleConsole(o => o.SingleLine = true));
            var logger = loggerFactory.CreateLogger<LocalPostgres>();
            var local = await LocalPostgres.StartAsync(LocalDataFolder.DefaultPath(), logger);
            // Fallbacks for when the host never starts or stops (e.g. the port is taken, a migration fails).
            AppDomain.CurrentDomain.ProcessExit += (_, _) => local.StopAsync().GetAwaiter().GetResult();
            AppDomain.CurrentDomain.UnhandledException += (_, _) => local.StopAsync().GetAwaiter().GetResult();
            var database = DatabaseSetup.LocalDatabase(builder.Configuration);
            await local.EnsureDatabaseAsync(database);
            builder.Configuration.AddInMemoryCollection(
                [new($"ConnectionStrings:{ConnectionStringName}", local.ConnectionString(database))]);
            builder.Services.AddSingleton(local);
            builder.Services.AddHostedService<LocalPostgresStopper>();
        }

        // Npgsql logs every command at Information; keep that out of the log unless configured (parameters are never logged).
        if (builder.Configuration["Logging:LogLevel:Npgsql"] is null) builder.Logging.AddFilter("Npgsql", LogLevel.Warning);

        builder.Services.AddSingleton(services =>
        {
            var connectionString = services.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName);
            var dataSource = new NpgsqlDataSourceBuilder(connectionString)
                .UseLoggerFactory(services.GetRequiredService<ILoggerFactory>());
            ApplyDefaults(dataSource.ConnectionStringBuilder, connectionString!);
            return dataSource.Build();
        });

        builder.Services.AddDataProtection().SetApplicationName("Joblog");
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<NpgsqlDataSource>((options, dataSource) => options.XmlRepository = new PostgresXmlRepository(dataSource));
    }

    /// <summary>Applies pending migrations (see <see cref="Migrator"/>).</summary>
    public static async Task MigrateJoblogDatabaseAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Migrator).FullName!);
        await Migrator.MigrateAsync(app.Services.GetRequiredService<NpgsqlDataSource>(), logger, app.Lifetime.ApplicationStopping);
        await ReferenceData.ReferenceDataImporter.ImportShippedAsync(app.Services.GetRequiredService<NpgsqlDataSource>(), app.Lifetime.ApplicationStopping);
    }

    /// <summary>Stops the private cluster once the app has stopped (only if this process started it).</summary>
    private sealed class LocalPostgresStopper(LocalPostgres local, IHostApplicationLifetime lifetime, ILogger<LocalPostgres> logger)
        : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.ApplicationStopped.Register(() => local.StopAsync(logger).GetAwaiter().GetResult());
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>
    /// Settings that pay on every request, unless the connection string says otherwise: statements
    /// used twice are prepared (PostgreSQL plans them once per connection), and a connection
    /// returned to the pool is not reset (the app sets no session state).
    /// </summary>
    private static void ApplyDefaults(NpgsqlConnectionStringBuilder settings, string given)
    {
        bool Given(string keyword) => given.Contains(keyword, StringComparison.OrdinalIgnoreCase);
        if (!Given("Max Auto Prepare")) settings.MaxAutoPrepare = 64;
        if (!Given("Auto Prepare Min Usages")) settings.AutoPrepareMinUsages = 2;
        if (!Given("No Reset On Close")) settings.NoResetOnClose = true;
    }
}
