using System.Security.Cryptography;
using System.Text;
using Joblog.Core.Logs;
using Joblog.Web.ReferenceData;
using Joblog.Web.Tests.Infrastructure;
using Joblog.Web.World;
using Npgsql;
using Shouldly;

namespace Joblog.Web.Tests.World;

/// <summary>The reference data of a fresh database, for generating worlds without writing them.</summary>
public sealed class ReferenceFixture(PostgresServer server) : IAsyncLifetime
{
    public WorldReference Reference { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
            await ReferenceDataImporter.ImportShippedAsync(dataSource, CancellationToken.None);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        Reference = await WorldReference.LoadAsync(connection, null, CancellationToken.None);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>Generation alone (no database writes): determinism, valid content, the spec's municipalities.</summary>
public sealed class WorldGenerationTests(ReferenceFixture fixture) : IClassFixture<ReferenceFixture>
{
    private static readonly WorldSpec Small = new() { Citizens = 300, Logs = 30_000, Seed = 7, Today = new(2026, 3, 29) };

    [Fact]
    public void The_same_spec_and_seed_give_the_same_rows_and_another_seed_other_rows()
    {
        var first = Checksum(GeneratedWorld.Generate(Small, fixture.Reference));
        var again = Checksum(GeneratedWorld.Generate(Small, fixture.Reference));
        var otherSeed = Checksum(GeneratedWorld.Generate(Small with { Seed = 8 }, fixture.Reference));

        again.ShouldBe(first);
        otherSeed.ShouldNotBe(first);
    }

    [Fact]
    public void Every_generated_log_and_its_first_version_keep_the_rules_of_a_log()
    {
        var world = GeneratedWorld.Generate(Small, fixture.Reference);
        var count = 0;
        foreach (var log in new LogGenerator(world).Generate())
        {
            count++;
            LogRules.Validate(log.Content(), Small.Today).ShouldBeEmpty();
            LogRules.Validate(log.FirstContent(), Small.Today).ShouldBeEmpty();
            if (log.Version == 2) LogChange.Classify(log.FirstContent(), log.Content()).ShouldNotBeNull();
            log.CreatedAt.ShouldBeLessThanOrEqualTo(log.UpdatedAt);
        }
        count.ShouldBeInRange(29_700, 30_300); // ±1 %: Poisson counts, standard deviation about 170
    }

    [Fact]
    public void A_world_of_30000_citizens_has_citizens_in_all_98_municipalities()
    {
        // The smallest, Læsø (1,750 of 5.9 million), expects 9 citizens at this size: missing it has a chance of 1 in 8,000.
        var world = GeneratedWorld.Generate(Small with { Citizens = 30_000 }, fixture.Reference);

        world.Citizens.Select(c => c.Municipality).Distinct().Count().ShouldBe(98);
        fixture.Reference.Municipalities.Length.ShouldBe(98);
    }

    [Fact]
    public void Explicit_counts_give_exactly_those_citizens_and_weights_only_those_municipalities()
    {
        var counted = GeneratedWorld.Generate(Small with { MunicipalityCounts = new Dictionary<string, int> { ["0751"] = 40, ["0746"] = 10 } }, fixture.Reference);
        var weighted = GeneratedWorld.Generate(Small with { MunicipalityWeights = new Dictionary<string, double> { ["0101"] = 3, ["0147"] = 1 } }, fixture.Reference);

        Codes(counted).OrderBy(x => x.Key).ShouldBe([new("0746", 10), new("0751", 40)]);
        Codes(weighted).Keys.Order().ShouldBe(["0101", "0147"]);
        Codes(weighted)["0101"].ShouldBeGreaterThan(Codes(weighted)["0147"]); // 225 against 75 expected
        Should.Throw<ArgumentException>(() => GeneratedWorld.Generate(Small with { MunicipalityCounts = new Dictionary<string, int> { ["9999"] = 1 } }, fixture.Reference));

        Dictionary<string, int> Codes(GeneratedWorld w) => w.Citizens.GroupBy(c => fixture.Reference.Municipalities[c.Municipality].Code)
            .ToDictionary(g => g.Key, g => g.Count());
    }

    [Fact]
    public void Different_CPR_namespaces_never_share_a_number()
    {
        var zero = GeneratedWorld.Generate(Small with { Citizens = 2000 }, fixture.Reference).Citizens.Select(c => c.Cpr);
        var one = GeneratedWorld.Generate(Small with { Citizens = 2000, CprNamespace = 1 }, fixture.Reference).Citizens.Select(c => c.Cpr);

        zero.Intersect(one).ShouldBeEmpty();
        one.ShouldAllBe(c => c[8] == '1');
    }

    /// <summary>SHA-256 over every citizen row and every log row the world generates.</summary>
    private static string Checksum(GeneratedWorld world)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string line) => hash.AppendData(Encoding.UTF8.GetBytes(line + "\n"));
        foreach (var c in world.Citizens)
        {
            Add($"{c.Id}|{c.Cpr}|{c.Name}|{c.Municipality}|{c.PostalCode}|{c.Akasse}|{c.CreatedAt:O}");
            foreach (var p in c.Periods) Add(p.ToString());
            foreach (var e in c.Exemptions) Add(e.ToString());
            foreach (var g in c.Goals) Add(g.ToString());
        }
        foreach (var log in new LogGenerator(world).Generate())
            Add($"{log.Id}|{log.Citizen.Id}|{log.Content()}|{log.CreatedAt:O}|{log.UpdatedAt:O}|{log.Channel}|{log.Version}");
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
