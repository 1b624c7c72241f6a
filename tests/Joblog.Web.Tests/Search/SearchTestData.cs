using System.Net.Http.Json;
using System.Text.Json;
using Joblog.Web.Access;
using Joblog.Web.Auth;
using Joblog.Web.Tests.Infrastructure;
using Shouldly;

namespace Joblog.Web.Tests.Search;

/// <summary>
/// Citizens of one municipality that no demo citizen lives in, written straight to the tables (as a bulk load would),
/// their aggregates rebuilt, and a jobcenter case-system key for that municipality: a search over them finds only them.
/// </summary>
internal sealed class SearchTestData(JoblogApp app, string municipality)
{
    private static int serial = 5000;

    public static readonly DateOnly Today = TimeProvider.System.Today();

    /// <summary>The first day of this month, <paramref name="monthsBack"/> months back.</summary>
    public static DateOnly Month(int monthsBack) => new DateOnly(Today.Year, Today.Month, 1).AddMonths(-monthsBack);

    public static string MonthText(int monthsBack) => Month(monthsBack).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public PostgresConnection Db { get; } = new(app.ConnectionString);

    private readonly List<Guid> citizens = [];

    public string OrganisationId => "jc-test-" + municipality;

    public async Task<string> HomeAsync() =>
        await Db.ScalarAsync<string>("select min(number) from postal_codes where municipality_code = @municipality", new { municipality });

    /// <summary>A citizen with the given target-group periods (from, to; to null: open) and a home in the municipality.</summary>
    public async Task<Guid> CitizenAsync(string name, params (string Group, DateOnly From, DateOnly? To)[] periods)
    {
        var id = Guid.NewGuid();
        var n = Interlocked.Increment(ref serial);
        await Db.ExecuteAsync(
            "insert into citizens (id, cpr, name, municipality_code, postal_code) values (@id, @cpr, @name, @municipality, @home)",
            new { id, cpr = $"{61 + n % 28:00}0190-{n:0000}", name, municipality, home = await HomeAsync() });
        foreach (var (group, from, to) in periods)
            await Db.ExecuteAsync(
                "insert into target_group_periods (id, citizen_id, target_group, starts_on, ends_on) values (@pid, @id, @group, @from, @to)",
                new { pid = Guid.NewGuid(), id, group, from, to });
        citizens.Add(id);
        return id;
    }

    public Task<Guid> DagpengeAsync(string name) => CitizenAsync(name, ("dagpenge", Today.AddYears(-2), null));

    /// <summary>A job-search log created on the day applied (or <paramref name="createdOn"/>).</summary>
    public Task LogAsync(Guid citizen, string title, DateOnly? appliedOn, string status = "applied", string? postalCode = null, DateOnly? createdOn = null)
    {
        var created = DanishClock.Instant(createdOn ?? appliedOn ?? Today, new TimeOnly(10, 0));
        return Db.ExecuteAsync(
            """
            insert into logs (id, citizen_id, kind, status, job_title, employer_name, employer_postal_code, applied_on, created_at, updated_at, channel, version)
            values (@id, @citizen, 'jobSearch', @status, @title, 'Firma A/S', @postalCode, @appliedOn, @created, @created, 'jobnet', 1)
            """, new { id = Guid.NewGuid(), citizen, status, title, postalCode, appliedOn, created });
    }

    public Task ExemptAsync(Guid citizen, DateOnly from, DateOnly? to) =>
        Db.ExecuteAsync(
            "insert into exemptions (id, citizen_id, starts_on, ends_on, reason, granted_by) values (@id, @citizen, @from, @to, 'Test', 'test')",
            new { id = Guid.NewGuid(), citizen, from, to });

    /// <summary>Builds the aggregates of the citizens made here, as after a bulk load.</summary>
    public Task RebuildAsync() => Db.ExecuteAsync("select search_rebuild(@ids)", new { ids = citizens.ToArray() });

    /// <summary>A jobcenter for the municipality with a case-system key.</summary>
    public async Task<HttpClient> JobcenterAsync()
    {
        var key = "test-key-" + municipality;
        await Db.ExecuteAsync(
            """
            insert into organisations (id, kind, name, municipality_code) values (@org, 'jobcenter', @name, @municipality) on conflict do nothing;
            insert into api_keys (key_hash, organisation_id, name) values (@hash, @org, 'test') on conflict do nothing;
            """, new { org = OrganisationId, name = "Jobcenter " + municipality, municipality, hash = ApiKeyHandler.Hash(key) });
        return app.System(key);
    }

    public static async Task<JsonElement> SearchAsync(HttpClient client, object criteria)
    {
        var response = await client.PostAsJsonAsync("/api/v1/searches", criteria);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The names found, in the answer's order.</summary>
    public static async Task<List<string>> NamesAsync(HttpClient client, object criteria) =>
        (await SearchAsync(client, criteria)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
}
