using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Joblog.Web.Tests.Infrastructure;
using Joblog.Web.Tests.Pages;
using Shouldly;

namespace Joblog.Web.Tests.Notices;

/// <summary>
/// Who gets which work list: the jobcenter its municipality's citizens, the a-kasse its insured members in a dagpenge or
/// dimittend course, nobody else anything. A name in the list is not a look; opening a citizen from it is one, through the gate.
/// </summary>
public sealed class WorkListTests(NoticesFixture fixture) : IClassFixture<NoticesFixture>
{
    private const string Page = "/arbejdsliste";
    private const string Api = "/api/v1/worklist/inactivity";
    private PostgresConnection Db => fixture.Db;

    /// <summary>Emma (ak-01, dimittend, København) without a log for 40 days, swept: a notice to jc-0101 and ak-01.</summary>
    private async Task EmmaInactiveAsync()
    {
        fixture.ResetClock();
        var emma = Clients.CitizenId("emma");
        if ((await Db.NoticesAsync(emma)).Any(n => n.Open)) return;
        await Db.MoveLogsAsync(emma, Web.Access.DanishClock.Instant(fixture.Today.AddDays(-40), new TimeOnly(12, 0)));
        await fixture.SweepAsync();
        var notice = (await Db.NoticesAsync(emma)).ShouldHaveSingleItem();
        notice.AkasseId.ShouldBe("ak-01");
        notice.JobcenterId.ShouldBe("jc-0101");
    }

    private static async Task<List<string>> NamesOnPageAsync(HttpClient client)
    {
        var page = await client.GetPageAsync(Page);
        return page.QuerySelectorAll("table.worklist tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();
    }

    [Fact]
    public async Task After_the_demo_load_ali_has_a_notice_and_jens_sofie_and_the_active_personas_have_none()
    {
        foreach (var persona in new[] { "jens", "sofie", "mette", "lars" })
            (await Db.NoticesAsync(Clients.CitizenId(persona))).ShouldBeEmpty(persona);
        var ali = (await Db.NoticesAsync(Clients.CitizenId("ali"))).ShouldHaveSingleItem();
        ali.Open.ShouldBeTrue();
        ali.JobcenterId.ShouldBe("jc-0751");
        (await Db.ScalarAsync<long>("select count(*) from job_runs where started_by = 'demoLoad' and finished_at is not null")).ShouldBeGreaterThan(0);
        var mette = await fixture.App.SignedIn("mette");
        (await mette.GetPageAsync("/")).QuerySelector(".inactivity-notice").ShouldBeNull();
    }

    [Fact]
    public async Task Nina_sees_ali_longest_inactive_first_karl_sees_emma_not_ali_and_nobody_sees_jens()
    {
        await EmmaInactiveAsync();
        var nina = await fixture.App.SignedIn("nina");
        var page = await nina.GetPageAsync(Page);
        page.QuerySelector("h1")!.TextContent.ShouldBe("Arbejdsliste: borgere uden registreringer");
        var names = await NamesOnPageAsync(nina);
        names.ShouldContain("Ali Demo");
        names.ShouldNotContain("Emma Demo");
        names.ShouldNotContain("Jens Demo");
        var days = page.QuerySelectorAll("table.worklist tbody tr td:nth-child(4)").Select(td => int.Parse(td.TextContent.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        days.ShouldBeInOrder(SortDirection.Descending);
        page.QuerySelector("main")!.TextContent.ShouldContain("Ali Demo");
        page.QuerySelector("main")!.TextContent.ShouldNotContain("620285");

        var karl = await NamesOnPageAsync(await fixture.App.SignedIn("karl"));
        karl.ShouldContain("Emma Demo");
        karl.ShouldNotContain("Ali Demo");
        karl.ShouldNotContain("Jens Demo", "exempt");
    }

    [Fact]
    public async Task Berit_sees_only_insured_members_of_ak01_in_a_course_ole_not_emma_and_the_keys_see_the_same_as_their_staff()
    {
        await EmmaInactiveAsync();
        var berit = await fixture.App.SignedIn("berit");
        (await berit.GetPageAsync(Page)).QuerySelector("h1")!.TextContent.ShouldBe("Arbejdsliste: medlemmer uden registreringer");
        var items = await berit.WorkListItemsAsync();
        items.Select(i => i.GetProperty("name").GetString()).ShouldContain("Emma Demo");
        items.Select(i => i.GetProperty("name").GetString()).ShouldNotContain("Ali Demo");
        foreach (var item in items)
        {
            var id = item.GetProperty("citizenId").GetGuid();
            (await Db.ScalarAsync<string>("select akasse_id from citizens where id = @id", new { id })).ShouldBe("ak-01");
            item.GetProperty("targetGroup").GetString().ShouldBeOneOf("dagpenge", "dimittend");
        }

        (await NamesOnPageAsync(await fixture.App.SignedIn("ole"))).ShouldNotContain("Emma Demo");
        var ak01 = await fixture.App.System("demo-ak-01-system-key").WorkListItemsAsync();
        ak01.Select(i => i.GetProperty("citizenId").GetGuid()).ShouldBe(items.Select(i => i.GetProperty("citizenId").GetGuid()));
        var jc = await fixture.App.System("demo-jc-0751-system-key").WorkListItemsAsync();
        jc.Select(i => i.GetProperty("name").GetString()).ShouldContain("Ali Demo");
        (await fixture.App.System("demo-ak-02-system-key").WorkListItemsAsync()).Select(i => i.GetProperty("name").GetString()).ShouldNotContain("Emma Demo");
    }

    [Fact]
    public async Task The_agency_and_citizens_are_refused_and_anonymous_callers_must_sign_in()
    {
        foreach (var persona in new[] { "stine", "mette", "ali" })
        {
            var client = await fixture.App.SignedIn(persona);
            (await client.GetAsync(Page)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, persona);
            (await client.GetAsync(Api)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, persona);
        }
        var stine = await fixture.App.SignedIn("stine");
        (await stine.GetPageAsync("/")).QuerySelector("a[href='/arbejdsliste']").ShouldBeNull("no way in for the agency");
        (await (await fixture.App.SignedIn("nina")).GetPageAsync("/")).QuerySelector("a[href='/arbejdsliste']").ShouldNotBeNull();

        var anonymous = fixture.App.Anonymous();
        var page = await anonymous.GetAsync(Page);
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.OriginalString.ShouldContain("/test-login");
        (await anonymous.GetAsync(Api)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Reading_the_list_records_no_look_and_the_api_pages_through_every_item_once()
    {
        await EmmaInactiveAsync();
        var looks = await Db.ScalarAsync<long>("select count(*) from access_log");
        var nina = await fixture.App.SignedIn("nina");
        await nina.GetPageAsync(Page);
        var all = await nina.WorkListItemsAsync();
        var paged = await nina.WorkListItemsAsync(limit: 3);
        paged.Select(i => i.GetProperty("citizenId").GetGuid()).ShouldBe(all.Select(i => i.GetProperty("citizenId").GetGuid()));
        all.Count.ShouldBeGreaterThan(3);
        (await Db.ScalarAsync<long>("select count(*) from access_log")).ShouldBe(looks, "a name in a list is not a look");

        var first = await nina.GetFromJsonAsync<JsonElement>($"{Api}?limit=3", TestContext.Current.CancellationToken);
        first.GetProperty("total").GetInt32().ShouldBe(all.Count);
        first.GetProperty("list").GetString().ShouldBe("jobcenter");
        var ali = all.Single(i => i.GetProperty("name").GetString() == "Ali Demo");
        ali.GetProperty("daysInactive").GetInt32().ShouldBe(35);
        ali.GetProperty("targetGroup").GetString().ShouldBe("jobready");
        ali.GetProperty("inactiveSince").GetString().ShouldBe($"{fixture.Today.AddDays(-35):yyyy-MM-dd}");
        (await nina.GetAsync($"{Api}?cursor=not-a-cursor")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await nina.GetAsync($"{Api}?limit=0")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Se_Jobnet_opens_ali_through_the_gate_as_a_recorded_look_and_a_citizen_nina_may_not_open_is_404()
    {
        fixture.ResetClock();
        var nina = await fixture.App.SignedIn("nina");
        var ali = Clients.CitizenId("ali");
        var looks = await Db.ScalarAsync<long>("select count(*) from access_log where citizen_id = @ali and actor_id = 'nina' and what = 'worklist.open'", new { ali });
        var list = await nina.GetPageAsync(Page);
        var form = list.QuerySelectorAll("form.worklist-open").Single(f => f.QuerySelector("input[name=citizenId]")!.GetAttribute("value") == ali.ToString());
        form.QuerySelector("button")!.TextContent.ShouldBe("Se Jobnet for Ali Demo");
        var opened = await nina.SubmitAsync(list, $"#worklist-open-{ali}", []);
        opened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        opened.Headers.Location!.OriginalString.ShouldBe("/");
        (await Db.ScalarAsync<long>("select count(*) from access_log where citizen_id = @ali and actor_id = 'nina' and what = 'worklist.open'", new { ali }))
            .ShouldBe(looks + 1);

        var home = await nina.GetPageAsync("/");
        home.QuerySelector(".viewing-banner")!.TextContent.ShouldContain("Du ser Jobnet for Ali Demo");
        var alert = home.QuerySelector(".inactivity-notice").ShouldNotBeNull("the caseworker sees what Ali sees");
        alert.QuerySelector("a[href='/joblog/ny/jobsoegning']").ShouldBeNull("no change controls for the caseworker");
        var history = (await (await fixture.App.SignedIn("ali")).GetPageAsync("/historik/login")).QuerySelector("table tbody")!.TextContent;
        history.ShouldContain("Åbnet fra arbejdslisten");

        var jens = Clients.CitizenId("jens");
        var token = list.QuerySelector("form.worklist-open input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var refused = await nina.PostAsync($"{Page}?handler=Open", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["citizenId"] = jens.ToString(), ["__RequestVerificationToken"] = token }));
        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound, "København's citizen: as if he did not exist");
        (await Db.ScalarAsync<long>("select count(*) from access_log where citizen_id = @jens and what = 'worklist.open'", new { jens })).ShouldBe(0);
    }

    [Fact]
    public async Task In_demo_mode_staff_can_run_the_sweep_from_the_list_and_the_run_records_who()
    {
        fixture.ResetClock();
        var nina = await fixture.App.SignedIn("nina");
        var list = await nina.GetPageAsync(Page);
        var answer = await nina.SubmitAsync(list, "form[action$='handler=Sweep']", []);
        answer.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Db.ScalarAsync<long>("select count(*) from job_runs where started_by = 'demo' and actor_id = 'nina' and actor_name = 'Nina Demo'"))
            .ShouldBe(1);
        (await nina.GetPageAsync(Page)).QuerySelector(".alert-success")!.TextContent.ShouldContain("Adviseringen er kørt");
    }
}
