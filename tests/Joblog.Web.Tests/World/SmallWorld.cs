using Joblog.Web.Database;
using Joblog.Web.ReferenceData;
using Joblog.Web.Tests.Infrastructure;
using Joblog.Web.World;
using Npgsql;

namespace Joblog.Web.Tests.World;

/// <summary>
/// A small generated world (3,000 citizens, about 250,000 logs, fixed seed and today), bulk-loaded once into a fresh
/// database and shared by the distribution tests of the <see cref="SmallWorldCollection"/>.
/// </summary>
public sealed class SmallWorld(PostgresServer server) : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2026, 6, 15);
    public static readonly DateOnly Yesterday = Today.AddDays(-1);

    public static readonly WorldSpec Spec = new() { Citizens = 3000, Logs = 250_000, Seed = 42, Today = Today };

    public PostgresConnection Db { get; private set; } = null!;
    public GeneratedWorld World { get; private set; } = null!;
    public WorldWriteResult Result { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        DapperTypes.Register();
        var connectionString = await server.CreateDatabaseAsync();
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
            await ReferenceDataImporter.ImportShippedAsync(dataSource, CancellationToken.None);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        World = GeneratedWorld.Generate(Spec, await WorldReference.LoadAsync(connection, null, CancellationToken.None));
        Result = await WorldWriter.WriteAsync(connection, null, World, WriteMode.Bulk);
        Db = new PostgresConnection(connectionString);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>A tolerance of four standard deviations of a share <paramref name="p"/> measured on <paramref name="n"/> independent draws.</summary>
    public static double FourSigma(double p, int n) => 4 * Math.Sqrt(p * (1 - p) / n);
}

[CollectionDefinition(nameof(SmallWorldCollection))]
public sealed class SmallWorldCollection : ICollectionFixture<SmallWorld>;
