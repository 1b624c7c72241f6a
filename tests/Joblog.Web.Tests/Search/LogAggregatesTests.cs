using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Joblog.Web.Tests.Infrastructure;
using Joblog.Web.Tests.World;
using Shouldly;

namespace Joblog.Web.Tests.Search;

/// <summary>
/// The search's aggregates stay equal to a computation straight from the logs: after the demo load (persona logs written
/// directly, background citizens appended by the generator), after every kind of write through the API, when a citizen
/// moves, and when periods change.
/// </summary>
public sealed class LogAggregatesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private PostgresConnection Db => new(fixture.App.ConnectionString);

    [Fact]
    public async Task After_the_demo_load_every_citizens_aggregates_match_their_logs()
    {
        (await Db.ScalarAsync<long>("select count(*) from search_months")).ShouldBeGreaterThan(1000);
        (await AggregateCheck.MismatchesAsync(Db)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Creating_changing_closing_reopening_and_deleting_logs_through_the_api_keeps_them_right()
    {
        var mette = await fixture.App.SignedIn("mette");
        var id = Clients.CitizenId("mette");
        var url = Clients.LogsUrl("mette");
        var lastMonth = SearchTestData.Month(1).AddDays(14);
        var log = new Dictionary<string, object?>
        {
            ["kind"] = "jobSearch", ["status"] = "notApplied", ["jobTitle"] = "Helt Ny Titel",
            ["employer"] = new { name = "Langt Væk A/S", postalCode = "9990", city = "Skagen" },
        };

        var (created, etag) = await mette.CreateLogAsync("mette", log);
        await ShouldMatchAsync(id);
        var logUrl = $"{url}/{created.GetProperty("id").GetString()}";

        // Applied: now an application, counted on the day applied (last month), far from home.
        log["status"] = "applied";
        log["appliedOn"] = lastMonth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        etag = await PutAsync(mette, logUrl, log, etag);
        await ShouldMatchAsync(id);
        (await Db.ScalarAsync<bool>(
            "select exists (select 1 from search_months m join search_titles t on t.id = any(m.titles) where m.citizen_id = @id and m.month = @month and t.title = 'helt ny titel' and m.max_km > 100)",
            new { id, month = SearchTestData.Month(1) })).ShouldBeTrue();

        // Moved to this month: it leaves last month and counts in this one.
        log["appliedOn"] = SearchTestData.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        etag = await PutAsync(mette, logUrl, log, etag);
        await ShouldMatchAsync(id);

        log["closed"] = true;
        etag = await PutAsync(mette, logUrl, log, etag);
        await ShouldMatchAsync(id);
        log["closed"] = false;
        etag = await PutAsync(mette, logUrl, log, etag);
        log["status"] = "interview";
        etag = await PutAsync(mette, logUrl, log, etag);
        await ShouldMatchAsync(id);

        // An activity log and a deletion; the citizen's last activity follows the newest log left.
        var (activity, activityTag) = await mette.CreateLogAsync("mette", new
        {
            kind = "otherActivity", activityType = "jobFair", activityDate = SearchTestData.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        await ShouldMatchAsync(id);
        foreach (var (deleteUrl, tag) in new[] { (logUrl, etag), ($"{url}/{activity.GetProperty("id").GetString()}", activityTag) })
        {
            using var delete = new HttpRequestMessage(HttpMethod.Delete, deleteUrl);
            delete.Headers.TryAddWithoutValidation("If-Match", tag);
            (await mette.SendAsync(delete)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
            await ShouldMatchAsync(id);
        }
    }

    [Fact]
    public async Task A_citizen_who_moves_gets_the_distances_from_the_new_home()
    {
        var id = Clients.CitizenId("lars");
        var before = await Db.ScalarAsync<double?>("select max(max_km) from search_months where citizen_id = @id", new { id });
        await Db.ExecuteAsync("update citizens set postal_code = '9990' where id = @id", new { id });
        await ShouldMatchAsync(id);
        (await Db.ScalarAsync<double?>("select max(max_km) from search_months where citizen_id = @id", new { id })).ShouldNotBe(before);
    }

    [Fact]
    public async Task Periods_written_changed_and_deleted_keep_the_stretches_right()
    {
        var id = Clients.CitizenId("ali");
        var today = SearchTestData.Today;
        var period = Guid.NewGuid();
        // Sickness overlapping his job-ready period, then moved, then gone.
        await Db.ExecuteAsync("insert into target_group_periods (id, citizen_id, target_group, starts_on, ends_on) values (@period, @id, 'sickness', @from, @to)",
            new { period, id, from = today.AddDays(-50), to = today.AddDays(-40) });
        await ShouldMatchAsync(id);
        (await Db.ScalarAsync<long>("select count(*) from search_stretches where citizen_id = @id", new { id })).ShouldBe(3);
        await Db.ExecuteAsync("update target_group_periods set ends_on = null where id = @period", new { period });
        await ShouldMatchAsync(id);
        (await Db.ScalarAsync<string>("select target_group from search_stretches where citizen_id = @id and ends_on is null", new { id })).ShouldBe("sickness");
        await Db.ExecuteAsync("delete from target_group_periods where id = @period", new { period });
        await ShouldMatchAsync(id);
        (await Db.ScalarAsync<long>("select count(*) from search_stretches where citizen_id = @id", new { id })).ShouldBe(1);
    }

    private async Task ShouldMatchAsync(Guid id) => (await AggregateCheck.MismatchesAsync(Db, id)).ShouldBeEmpty();

    private static async Task<string> PutAsync(HttpClient client, string url, Dictionary<string, object?> log, string etag)
    {
        using var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(log, options: Clients.Json) };
        put.Headers.TryAddWithoutValidation("If-Match", etag);
        var response = await client.SendAsync(put);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return response.Headers.ETag!.Tag;
    }
}

/// <summary>After a bulk load (the national generator's path, here the small world), the aggregates match the logs.</summary>
[Collection(nameof(SmallWorldCollection))]
public sealed class BulkLoadAggregatesTests(SmallWorld world)
{
    [Fact]
    public async Task A_bulk_load_builds_every_aggregate_from_the_logs()
    {
        (await world.Db.ScalarAsync<long>("select count(*) from search_months")).ShouldBeGreaterThan(10_000);
        (await AggregateCheck.MismatchesAsync(world.Db)).ShouldBeEmpty();
        world.Result.Steps.ShouldContain(s => s.Step == "search aggregates");
    }
}
