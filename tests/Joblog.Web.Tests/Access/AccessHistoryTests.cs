using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Joblog.Web.Tests.Infrastructure;
using Joblog.Web.Tests.Pages;
using Shouldly;
using Xunit;

namespace Joblog.Web.Tests.Access;

/// <summary>Historik → Login and GET …/access-log: the citizen sees every look by someone else; no one else sees the history.</summary>
public sealed class AccessHistoryTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private JoblogApp App => fixture.App;
    private PostgresConnection Db => new(fixture.ConnectionString);
    private static string AccessLogUrl(string persona) => $"/api/v1/citizens/{Clients.CitizenId(persona)}/access-log";

    [Fact]
    public async Task After_berit_reads_mettes_logs_mette_sees_the_akasse_berit_and_the_time_on_the_page_and_in_the_api()
    {
        var berit = await App.SignedIn("berit");
        (await berit.GetAsync(Clients.LogsUrl("mette"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var at = await Db.ScalarAsync<DateTime>(
            "select max(at) from access_log where citizen_id = @id and actor_id = 'berit' and what = 'joblog.list'", new { id = Clients.CitizenId("mette") });

        var mette = await App.SignedIn("mette");
        var page = await mette.GetPageAsync("/historik/login");
        var rows = page.QuerySelectorAll("table tbody tr").Select(r => r.TextContent).ToList();
        var first = rows.First(r => r.Contains("Berit Demo"));
        first.ShouldContain("A-kassen Fællesskab");
        first.ShouldContain(AccessTestData.DanishWhen(new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))));
        first.ShouldContain("Din joblog");
        page.QuerySelector("table caption").ShouldNotBeNull();
        page.QuerySelector(".table--responsive-scroll table.table-md-responsive-headers").ShouldNotBeNull();

        var api = await mette.GetFromJsonAsync<JsonElement>(AccessLogUrl("mette"));
        var item = api.GetProperty("items").EnumerateArray().First(i => i.GetProperty("actorName").GetString() == "Berit Demo");
        item.GetProperty("organisation").GetProperty("name").GetString().ShouldBe("A-kassen Fællesskab");
        item.GetProperty("organisation").GetProperty("id").GetString().ShouldBe("ak-01");
        item.GetProperty("organisation").GetProperty("kind").GetString().ShouldBe("akasse");
        item.GetProperty("actorKind").GetString().ShouldBe("staff");
        item.GetProperty("what").GetString().ShouldBe("joblog.list");
        item.GetProperty("at").GetDateTimeOffset().ShouldBe(new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task The_akasse_systems_look_shows_as_the_case_system_and_names_never_reach_another_citizen()
    {
        var system = App.System(AccessTestData.Akasse01Key);
        var mette = await App.SignedIn("mette");
        var (logId, _) = await mette.NewestLogAsync("mette");
        (await system.GetAsync($"{Clients.LogsUrl("mette")}/{logId}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var page = await mette.GetPageAsync("/historik/login");
        var newest = page.QuerySelector("table tbody tr")!.TextContent;
        newest.ShouldContain("Fagsystem");
        newest.ShouldContain("A-kassen Fællesskab");
        newest.ShouldContain("En log");

        var api = await mette.GetFromJsonAsync<JsonElement>(AccessLogUrl("mette"));
        var top = api.GetProperty("items")[0];
        top.GetProperty("actorKind").GetString().ShouldBe("system");
        top.GetProperty("what").GetString().ShouldBe("log.read");

        // Emma has not been looked at in this database: her page is empty and names no one.
        var emma = await App.SignedIn("emma");
        var emmaPage = await emma.GetPageAsync("/historik/login");
        emmaPage.QuerySelector("#history-empty").ShouldNotBeNull();
        emmaPage.QuerySelector("table").ShouldBeNull();
        var main = emmaPage.QuerySelector("main")!.TextContent;
        main.ShouldNotContain("Berit Demo", Case.Sensitive);
        main.ShouldNotContain("Fagsystem", Case.Sensitive);
        main.ShouldNotContain("A-kassen Fællesskab", Case.Sensitive);
        (await emma.GetFromJsonAsync<JsonElement>(AccessLogUrl("emma"))).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Every_permitted_look_writes_exactly_one_record_and_a_denied_one_none()
    {
        var berit = await App.SignedIn("berit");
        var system = App.System(AccessTestData.Akasse01Key);
        var (logId, _) = await (await App.SignedIn("mette")).NewestLogAsync("mette");

        async Task OneMore(Func<Task<HttpResponseMessage>> look, string what)
        {
            var before = await Db.CountLooksAsync("mette");
            (await look()).StatusCode.ShouldBe(HttpStatusCode.OK, what);
            (await Db.CountLooksAsync("mette")).ShouldBe(before + 1, what);
        }

        await OneMore(() => berit.GetAsync(Clients.LogsUrl("mette")), "staff list");
        await OneMore(() => berit.GetAsync($"{Clients.LogsUrl("mette")}/{logId}"), "staff read one log");
        await OneMore(() => system.PostAsJsonAsync("/api/v1/citizens/lookup", new { cpr = "610190-0001" }), "system lookup");
        await OneMore(() => system.GetAsync($"{Clients.LogsUrl("mette")}/{logId}"), "system read");

        async Task None(HttpClient client, string persona, string who)
        {
            var before = await Db.CountLooksAsync(persona);
            (await client.GetAsync(Clients.LogsUrl(persona))).StatusCode.ShouldBe(HttpStatusCode.NotFound, who);
            (await Db.CountLooksAsync(persona)).ShouldBe(before, who);
        }

        await None(berit, "lars", "berit → lars (another a-kasse)");
        await None(await App.SignedIn("nina"), "emma", "nina → emma (another municipality)");
        await None(await App.SignedIn("ole"), "mette", "ole → mette (not a member)");
    }

    [Fact]
    public async Task Only_the_citizen_reads_the_access_log_and_reading_it_records_nothing()
    {
        var mette = await App.SignedIn("mette");
        (await (await App.SignedIn("berit")).GetAsync(Clients.LogsUrl("mette"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = await Db.CountLooksAsync("mette");

        var own = await mette.GetAsync(AccessLogUrl("mette"));
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength().ShouldBeGreaterThan(0);
        (await mette.GetAsync("/historik/login")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The gate lets berit, nina and the ak-01 system read Mette's logs; her access log is still not theirs.
        (await (await App.SignedIn("berit")).GetAsync(AccessLogUrl("mette"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await App.SignedIn("nina")).GetAsync(AccessLogUrl("mette"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await App.System(AccessTestData.Akasse01Key).GetAsync(AccessLogUrl("mette"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await App.SignedIn("lars")).GetAsync(AccessLogUrl("mette"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await App.SignedIn("berit")).GetAsync("/historik/login")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await Db.CountLooksAsync("mette")).ShouldBe(before);
    }

    [Fact]
    public async Task The_access_log_is_paged_newest_first_with_limit_and_cursor()
    {
        var berit = await App.SignedIn("berit");
        for (var i = 0; i < 5; i++) (await berit.GetAsync(Clients.LogsUrl("mette"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var total = (int)await Db.CountLooksAsync("mette");
        var mette = await App.SignedIn("mette");

        var seen = new List<(DateTimeOffset At, string Json)>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = AccessLogUrl("mette") + "?limit=2" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var body = await mette.GetFromJsonAsync<JsonElement>(url);
            var items = body.GetProperty("items");
            items.GetArrayLength().ShouldBeLessThanOrEqualTo(2);
            seen.AddRange(items.EnumerateArray().Select(i => (i.GetProperty("at").GetDateTimeOffset(), i.GetRawText())));
            cursor = body.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : body.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 100);

        seen.Count.ShouldBe(total);
        pages.ShouldBe((total + 1) / 2);
        seen.Select(s => s.At).ShouldBe(seen.Select(s => s.At).OrderByDescending(a => a));

        (await mette.GetAsync(AccessLogUrl("mette") + "?cursor=not-ours")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await mette.GetAsync(AccessLogUrl("mette") + "?limit=0")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // The page pages too: with more looks than a page holds there is an "Ældre" link that leads on.
        for (var i = 0; i < 25; i++) await berit.GetAsync(Clients.LogsUrl("mette"));
        var first = await mette.GetPageAsync("/historik/login");
        var older = first.QuerySelector("nav.pagination a.button-next")!.GetAttribute("href")!;
        var second = await mette.GetPageAsync(older);
        second.QuerySelectorAll("table tbody tr").Length.ShouldBeGreaterThan(0);
        second.QuerySelector("nav.pagination a.button-previous").ShouldNotBeNull();
    }
}
