using System.Net;
using System.Net.Http.Json;
using Joblog.Web.Access;
using Joblog.Web.Tests.Infrastructure;
using Joblog.Web.Tests.Pages;
using Shouldly;

namespace Joblog.Web.Tests.Access;

/// <summary>Overblik før samtalen: the period's logs and counts, saved jobs with a deadline not passed (soonest first), job goals; one look.</summary>
public sealed class ConversationOverviewTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private JoblogApp App => fixture.App;
    private PostgresConnection Db => new(fixture.ConnectionString);

    [Fact]
    public async Task Nina_sees_mettes_period_with_counts_open_saved_jobs_soonest_first_and_goals_in_one_look()
    {
        var mette = await App.SignedIn("mette");
        var today = TimeProvider.System.Today();
        var since = today.AddDays(-28);
        var expected = await Db.ScalarAsync<long>(
            "select count(*) from logs where citizen_id = @id and (updated_at at time zone 'Europe/Copenhagen')::date >= @since",
            new { id = Clients.CitizenId("mette"), since });
        var applied = await Db.ScalarAsync<long>(
            "select count(*) from logs where citizen_id = @id and status = 'applied' and (updated_at at time zone 'Europe/Copenhagen')::date >= @since",
            new { id = Clients.CitizenId("mette"), since });
        expected.ShouldBeGreaterThan(0, "the demo world has recent logs for Mette");
        foreach (var (title, days) in new[] { ("Later deadline", 20), ("Soon deadline", 3), ("Passed deadline", -1) })
        {
            var created = await mette.PostAsJsonAsync($"/api/v1/citizens/{Clients.CitizenId("mette")}/saved-jobs",
                new { jobTitle = title, employer = new { name = "Firma" }, deadline = today.AddDays(days).ToString("yyyy-MM-dd") }, Clients.Json);
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }

        var nina = await App.ViewingAsync("nina", "mette");
        var looks = await Db.CountLooksAsync("mette");
        var page = await nina.GetPageAsync("/samtale");
        (await Db.CountLooksAsync("mette")).ShouldBe(looks + 1);

        page.QuerySelector(".viewing-banner").ShouldNotBeNull();
        var counts = page.QuerySelectorAll("dl.log-details dt").Zip(page.QuerySelectorAll("dl.log-details dd"))
            .ToDictionary(p => p.First.TextContent.Trim(), p => p.Second.TextContent.Trim());
        counts["Alle logs i perioden"].ShouldBe(expected.ToString(global::System.Globalization.CultureInfo.InvariantCulture));
        counts["Søgt"].ShouldBe(applied.ToString(global::System.Globalization.CultureInfo.InvariantCulture));

        var saved = page.QuerySelectorAll("table[aria-labelledby=saved-heading] tbody tr").Select(r => r.TextContent).ToList();
        var soon = saved.FindIndex(r => r.Contains("Soon deadline"));
        var later = saved.FindIndex(r => r.Contains("Later deadline"));
        soon.ShouldBeGreaterThanOrEqualTo(0);
        later.ShouldBeGreaterThan(soon);
        saved.ShouldNotContain(r => r.Contains("Passed deadline"));
        page.QuerySelector("ul[aria-labelledby=goals-heading]")!.TextContent.ShouldContain("4110");
        page.QuerySelector("main")!.TextContent.ShouldContain("Jobcenter Aarhus", customMessage: "Mette's requirements from the jobcenter, with progress");
    }

    [Fact]
    public async Task A_chosen_date_narrows_the_period_and_a_bad_one_is_explained()
    {
        var nina = await App.ViewingAsync("nina", "mette");
        var today = TimeProvider.System.Today();
        var all = await nina.GetPageAsync($"/samtale?Fra={today.AddDays(-400):yyyy-MM-dd}");
        var recent = await nina.GetPageAsync($"/samtale?Fra={today:yyyy-MM-dd}");
        int Count(AngleSharp.Html.Dom.IHtmlDocument p) => p.QuerySelectorAll("table[aria-labelledby=changed-heading] tbody tr").Length;
        Count(all).ShouldBeGreaterThan(Count(recent));

        var bad = await nina.GetPageAsync("/samtale?Fra=31-02-2026");
        bad.QuerySelector(".alert-error")!.TextContent.ShouldContain("Indtast en gyldig dato");
        var future = await nina.GetPageAsync($"/samtale?Fra={today.AddDays(3):yyyy-MM-dd}");
        future.QuerySelector(".alert-error")!.TextContent.ShouldContain("Datoen kan ikke ligge efter i dag");
    }

    [Fact]
    public async Task Alis_open_inactivity_notice_is_on_the_overview_and_mette_has_none()
    {
        var nina = await App.ViewingAsync("nina", "ali");
        (await nina.GetPageAsync("/samtale")).QuerySelector(".inactivity-notice").ShouldNotBeNull();
        var ninaOnMette = await App.ViewingAsync("nina", "mette");
        (await ninaOnMette.GetPageAsync("/samtale")).QuerySelector(".inactivity-notice").ShouldBeNull();
    }

    [Fact]
    public async Task Karl_without_access_gets_404()
    {
        var karl = await App.SignedIn("karl");
        (await karl.LookUpAsync(CaseworkerTestData.Cpr("mette"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await karl.GetAsync("/samtale")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
