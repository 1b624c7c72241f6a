using Joblog.Web.Database;
using Joblog.Web.Features.Demo;
using Joblog.Web.ReferenceData;
using Npgsql;

namespace Joblog.Bench.Gate;

/// <summary>
/// The fallback when there is no national-scale world: a fresh private cluster in a folder of the benchmark's own,
/// set up as the app sets up its database in demo mode (migrations, the shipped reference data, the demo world with
/// its background citizens); stopped and deleted at the end.
/// </summary>
internal static class DemoWorld
{
    public static async Task<BenchServer> CreateAsync(string folder, ILogger logger, Action<string> progress, CancellationToken ct)
    {
        progress($"creating a fresh cluster with the demo world in {folder}");
        var cluster = await LocalPostgres.StartAsync(folder, logger, ct);
        var server = BenchServer.Throwaway(cluster, DatabaseSetup.LocalDatabaseName, folder,
            $"a fresh private cluster in {folder} on 127.0.0.1:{cluster.Port}, deleted afterwards");
        try
        {
            await cluster.EnsureDatabaseAsync(DatabaseSetup.LocalDatabaseName, ct);
            await using var app = await AppServices.BuildAsync(server.ConnectionString);
            var db = app.Services.GetRequiredService<NpgsqlDataSource>();
            await Migrator.MigrateAsync(db, logger, ct);
            await ReferenceDataImporter.ImportShippedAsync(db, ct);
            await app.Services.GetRequiredService<DemoLoader>().LoadAsync(ct);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }
}
