using Dapper;
using Joblog.Web.Database;
using Joblog.Web.Features.Demo;
using Joblog.Web.Tests.Infrastructure;
using Joblog.Web.World;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;

namespace Joblog.Web.Tests.World;

/// <summary>Append mode: a few background citizens added to a database in use (the demo world), in the caller's transaction.</summary>
public sealed class WorldAppendTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly WorldSpec Background = new()
    {
        MunicipalityCounts = new Dictionary<string, int> { ["0751"] = 30, ["0101"] = 20, ["0746"] = 10 },
        Logs = 3000, Seed = 11, Versions = true, Today = new(2026, 11, 21),
        CprNamespace = 2, // the demo world's own background citizens are namespace 1
    };

    [Fact]
    public async Task Appending_to_the_demo_world_adds_exactly_the_requested_citizens_with_their_logs_and_history()
    {
        var connectionString = await DemoDatabaseAsync();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        var before = await CountsAsync(connection);

        await using (var transaction = await connection.BeginTransactionAsync(Ct))
        {
            var world = GeneratedWorld.Generate(Background, await WorldReference.LoadAsync(connection, transaction, Ct));
            var result = await WorldWriter.WriteAsync(connection, transaction, world, WriteMode.Append, null, Ct);
            result.RowsOf("citizens").ShouldBe(60);
            await transaction.CommitAsync(Ct);
        }

        var after = await CountsAsync(connection);
        (after.Citizens - before.Citizens).ShouldBe(60);
        var added = (await connection.QueryAsync<(string Code, int Citizens)>(
                "select municipality_code, count(*)::int from citizens where substr(cpr, 8, 2) in ('12', '22', '32', '42', '92') group by 1"))
            .ToDictionary(x => x.Code, x => x.Citizens);
        added.OrderBy(x => x.Key).ShouldBe([new("0101", 20), new("0746", 10), new("0751", 30)]);
        (after.Logs - before.Logs).ShouldBeInRange(2700, 3300); // ±10 %: 3,000 Poisson counts have a standard deviation of 55
        // One version row per version of every new log, the first always 'created' by the citizen.
        (await connection.ExecuteScalarAsync<long>("""
            select count(*) from logs l join citizens c on c.id = l.citizen_id
            where substr(c.cpr, 9, 1) = '2' and (select count(*) from log_versions v where v.log_id = l.id) <> l.version
            """)).ShouldBe(0);
        (await connection.ExecuteScalarAsync<long>(
            "select count(*) from log_versions where version = 1 and (change <> 'created' or actor_kind <> 'citizen')")).ShouldBe(0);
        // The demo personas are untouched.
        foreach (var persona in Personas.Citizens)
            (await connection.ExecuteScalarAsync<string>("select name from citizens where cpr = @Cpr", persona)).ShouldBe(persona.Name);
    }

    [Fact]
    public async Task An_append_in_a_transaction_that_is_rolled_back_leaves_nothing()
    {
        await using var connection = new NpgsqlConnection(await DemoDatabaseAsync());
        await connection.OpenAsync(Ct);
        var before = await CountsAsync(connection);

        await using (var transaction = await connection.BeginTransactionAsync(Ct))
        {
            var world = GeneratedWorld.Generate(Background, await WorldReference.LoadAsync(connection, transaction, Ct));
            await WorldWriter.WriteAsync(connection, transaction, world, WriteMode.Append, null, Ct);
            await transaction.RollbackAsync(Ct);
        }

        (await CountsAsync(connection)).ShouldBe(before);
    }

    [Fact]
    public async Task A_bulk_load_refuses_a_database_that_already_has_citizens()
    {
        await using var connection = new NpgsqlConnection(await DemoDatabaseAsync());
        await connection.OpenAsync(Ct);
        var world = GeneratedWorld.Generate(Background, await WorldReference.LoadAsync(connection, null, Ct));
        const string LogIndexes = "select count(*) from pg_indexes where tablename = 'logs'";
        var indexes = await connection.ExecuteScalarAsync<long>(LogIndexes);

        var refused = await Should.ThrowAsync<InvalidOperationException>(() => WorldWriter.WriteAsync(connection, null, world, WriteMode.Bulk, null, Ct));

        refused.Message.ShouldContain("not empty");
        indexes.ShouldBeGreaterThanOrEqualTo(2);
        (await connection.ExecuteScalarAsync<long>(LogIndexes)).ShouldBe(indexes); // nothing dropped
    }

    /// <summary>A fresh database with the demo world (personas and background), started by the app once.</summary>
    private async Task<string> DemoDatabaseAsync()
    {
        var connectionString = await server.CreateDemoDatabaseAsync();
        await using var app = new JoblogApp(connectionString);
        _ = app.Services.GetRequiredService<NpgsqlDataSource>(); // starts the app
        return connectionString;
    }

    private static async Task<(long Citizens, long Logs, long Versions, long Periods)> CountsAsync(NpgsqlConnection connection) =>
        await connection.QuerySingleAsync<(long, long, long, long)>("""
            select (select count(*) from citizens), (select count(*) from logs), (select count(*) from log_versions),
                   (select count(*) from target_group_periods)
            """);
}
