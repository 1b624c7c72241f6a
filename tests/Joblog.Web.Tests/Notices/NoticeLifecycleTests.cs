using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Joblog.Web.Access;
using Joblog.Web.Auth;
using Joblog.Web.Features.Notices;
using Joblog.Web.Tests.Infrastructure;
using Joblog.Web.Tests.Pages;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Joblog.Web.Tests.Notices;

/// <summary>
/// A notice from the day it is made to the log that ends it: on the citizen's front page, ended in the same write as the
/// log (created by the citizen, or changed by the a-kasse's case system), and a new one after a later 30-day gap.
/// </summary>
public sealed class NoticeLifecycleTests(NoticesFixture fixture) : IClassFixture<NoticesFixture>
{
    private const string AlertSelector = ".inactivity-notice";
    private PostgresConnection Db => fixture.Db;
    private DateOnly Today => fixture.Today;

    [Fact]
    public async Task Alis_new_log_ends_his_notice_at_once_and_a_later_30_day_gap_makes_a_second_one()
    {
        fixture.ResetClock();
        var ali = Clients.CitizenId("ali");
        var first = (await Db.NoticesAsync(ali)).ShouldHaveSingleItem("made at the demo load");
        first.InactiveSince.ShouldBe(Today.AddDays(-35), "DEMO.md: Ali's last log is today−35");

        var client = await fixture.App.SignedIn("ali");
        var alert = (await client.GetPageAsync("/")).QuerySelector(AlertSelector).ShouldNotBeNull();
        alert.QuerySelector("h2")!.TextContent.ShouldBe("Du har ikke registreret jobsøgning i 35 dage");
        alert.TextContent.ShouldContain($"Der er ikke registreret noget i din joblog siden {Today.AddDays(-35):dd-MM-yyyy}.");
        alert.TextContent.ShouldContain("ellers kan det få betydning for din ydelse");
        alert.TextContent.ShouldContain("Dit jobcenter har fået besked");
        alert.QuerySelector("a[href='/joblog/ny/jobsoegning']").ShouldNotBeNull("it says what to do, and where");

        var (log, _) = await client.CreateLogAsync("ali");
        var ended = (await Db.NoticesAsync(ali)).ShouldHaveSingleItem();
        ended.EndedReason.ShouldBe("log");
        ended.EndedByLog.ShouldBe(log.GetProperty("id").GetGuid(), "ended by the log's own write");
        (await client.GetPageAsync("/")).QuerySelector(AlertSelector).ShouldBeNull();
        (await fixture.SweepAsync()).Created.ShouldBe(0);
        (await Db.NoticesAsync(ali)).Count.ShouldBe(1, "the same day: no new period");

        fixture.SetClock(Today.AddDays(30), TimeSpan.FromSeconds(-1));
        await fixture.SweepAsync();
        (await Db.NoticesAsync(ali)).Count.ShouldBe(1, "29 days after the log");

        fixture.SetClock(Today.AddDays(30));
        await fixture.SweepAsync();
        var notices = await Db.NoticesAsync(ali);
        notices.Count.ShouldBe(2, "one notice per period of inactivity");
        notices[1].InactiveSince.ShouldBe(Today);
        notices[1].Open.ShouldBeTrue();

        // What his front page shows then (a session cannot be made on the moved clock: the cookie's own clock is real).
        var services = fixture.App.Services;
        var own = await services.GetRequiredService<CitizenGate>().OpenAsync(
            new Actor(ActorKind.Citizen, ali.ToString(), "Ali Demo", ali, null), ali, "frontpage.read", TestContext.Current.CancellationToken);
        var shown = await services.GetRequiredService<CitizenNotices>().CurrentAsync(own!, TestContext.Current.CancellationToken);
        shown.ShouldBe(new CitizenNotice(Today, 30, JobcenterTold: true, AkasseTold: false));
        fixture.ResetClock();
    }

    [Fact]
    public async Task A_change_to_a_log_by_the_akasse_case_system_ends_the_notice_of_its_member()
    {
        fixture.ResetClock();
        var lars = Clients.CitizenId("lars");
        await Db.MoveLogsAsync(lars, TenOClock(Today.AddDays(-40)));
        await fixture.SweepAsync();
        var notice = (await Db.NoticesAsync(lars)).ShouldHaveSingleItem();
        notice.AkasseId.ShouldBe("ak-02", "a member in a dagpenge course: his a-kasse is told too");
        notice.JobcenterId.ShouldBe("jc-0751");
        var page = await (await fixture.App.SignedIn("lars")).GetPageAsync("/");
        page.QuerySelector(AlertSelector)!.TextContent.ShouldContain("Dit jobcenter og din a-kasse har fået besked");

        var system = fixture.App.System("demo-ak-02-system-key");
        var logId = await Db.ScalarAsync<Guid>("select id from logs where citizen_id = @lars order by id limit 1", new { lars });
        var url = $"{Clients.LogsUrl("lars")}/{logId}";
        var read = await system.GetAsync(url, TestContext.Current.CancellationToken);
        var body = JsonNode.Parse(await read.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        body["note"] = "Opdateret af a-kassens system";
        var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body, options: Clients.Json) };
        put.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.Tag);
        (await system.SendAsync(put, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var ended = (await Db.NoticesAsync(lars)).ShouldHaveSingleItem();
        ended.EndedReason.ShouldBe("log");
        ended.EndedByLog.ShouldBe(logId);
    }

    private static DateTimeOffset TenOClock(DateOnly day) => DanishClock.Instant(day, new TimeOnly(10, 0));
}
