using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Joblog.Web.Access;
using Joblog.Web.Features.Demo;
using Joblog.Web.Tests.Infrastructure;
using Joblog.Web.Tests.Pages;
using Shouldly;

namespace Joblog.Web.Tests.Calendar;

/// <summary>The private iCalendar feed: made on the calendar page, shown once, anonymous by its token, revocable, no CPR number.</summary>
public sealed class CalendarFeedTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = TimeProvider.System.Today();
    private readonly PostgresConnection db = new(fixture.ConnectionString);

    private static string Day(int daysFromToday) => Today.AddDays(daysFromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Makes a new link on the calendar page like a browser and reads it from the page it lands on.</summary>
    private static async Task<string> NewFeedUrlAsync(HttpClient client)
    {
        var calendar = await client.GetPageAsync("/kalender");
        var made = await client.SubmitAsync(calendar, "form[action*='handler=NewFeed']", []);
        made.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var shown = await client.GetPageAsync("/kalender");
        var url = shown.QuerySelector<IHtmlInputElement>("#feed-url")!.Value;
        url.ShouldMatch(@"^https://localhost/kalender/feed/[A-Za-z0-9_-]{43}\.ics$");
        shown.QuerySelector($"a[href='webcal://{url["https://".Length..]}']").ShouldNotBeNull();
        (await client.GetPageAsync("/kalender")).QuerySelector("#feed-url").ShouldBeNull(); // shown once
        return new Uri(url).PathAndQuery;
    }

    [Fact]
    public async Task the_feed_is_an_icalendar_file_with_the_citizens_dates_and_no_cpr_number()
    {
        var mette = await fixture.App.SignedIn("mette");
        var planned = await mette.CreateLogAsync("mette", new
        {
            kind = "jobSearch", status = "notApplied", jobTitle = "Feedtest kok; køkkenchef, med et meget langt navn der skal foldes over flere linjer i kalenderen",
            employer = new { name = "Kroen, Ærø" }, plannedOn = Day(10), deadline = Day(20),
        });
        var at = DanishClock.Instant(Today.AddDays(12), new TimeOnly(9, 0));
        var interview = await mette.CreateLogAsync("mette", new
        {
            kind = "jobSearch", status = "interview", jobTitle = "Feedtest samtale", employer = new { name = "Hotellet" }, interviewAt = at,
        });
        var path = await NewFeedUrlAsync(mette);

        var response = await fixture.App.Anonymous().GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/calendar; charset=utf-8");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);
        text.ShouldStartWith("BEGIN:VCALENDAR\r\n");
        text.ShouldEndWith("END:VCALENDAR\r\n");
        var lines = text[..^2].Split("\r\n");
        lines.ShouldAllBe(l => !l.Contains('\n') && !l.Contains('\r'));
        lines.ShouldAllBe(l => Encoding.UTF8.GetByteCount(l) <= 75);
        lines.ShouldContain("VERSION:2.0");
        lines.ShouldContain("CALSCALE:GREGORIAN");
        lines.ShouldContain("X-WR-CALNAME:Joblog");
        lines.ShouldContain(l => l.StartsWith("PRODID:", StringComparison.Ordinal));
        lines.Count(l => l == "BEGIN:VEVENT").ShouldBe(lines.Count(l => l == "END:VEVENT"));

        var unfolded = text.Replace("\r\n ", "", StringComparison.Ordinal);
        var plannedId = planned.Log.GetProperty("id").GetGuid();
        var interviewId = interview.Log.GetProperty("id").GetGuid();
        unfolded.ShouldContain($"UID:{plannedId}-planned@joblog\r\n");
        unfolded.ShouldContain($"UID:{plannedId}-deadline@joblog\r\n");
        unfolded.ShouldContain($"DTSTART;VALUE=DATE:{Today.AddDays(10):yyyyMMdd}\r\n");
        unfolded.ShouldContain("SUMMARY:Planlagt: Feedtest kok\\; køkkenchef\\, med et meget langt navn der skal foldes over flere linjer i kalenderen\\, Kroen\\, Ærø\r\n");
        unfolded.ShouldContain($"UID:{interviewId}-interview@joblog\r\n");
        unfolded.ShouldContain($"DTSTART:{at.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}\r\n");
        unfolded.ShouldContain("SUMMARY:Samtale: Feedtest samtale\\, Hotellet\r\n");
        lines.Any(l => l.StartsWith(' ')).ShouldBeTrue("the long summary is folded");

        var cpr = Personas.Citizens.Single(c => c.Key == "mette").Cpr;
        text.ShouldNotContain(cpr);
        text.ShouldNotContain(cpr.Replace("-", "", StringComparison.Ordinal));
        text.ShouldNotContain("Mette");
    }

    [Fact]
    public async Task only_a_hash_of_the_token_is_stored_and_making_and_revoking_are_audited()
    {
        var lars = await fixture.App.SignedIn("lars");
        var path = await NewFeedUrlAsync(lars);
        var token = path["/kalender/feed/".Length..^".ics".Length];

        var stored = await db.QueryAsync<byte[]>("select token_sha256 from calendar_feeds where citizen_id = @id", new { id = Clients.CitizenId("lars") });
        stored.Single().ShouldBe(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        (await db.ScalarAsync<long>("select count(*) from calendar_feeds f where row_to_json(f)::text like '%' || @token || '%'", new { token })).ShouldBe(0);

        var page = await lars.GetPageAsync("/kalender");
        page.QuerySelector("main")!.TextContent.ShouldContain("Du har et kalender-link, som blev lavet");
        (await lars.SubmitAsync(page, "form[action*='handler=RevokeFeed']", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var audit = await db.QueryAsync<(string Action, string ActorKind, string Channel)>(
            "select action, actor_kind, channel from audit_events where citizen_id = @id order by id", new { id = Clients.CitizenId("lars") });
        audit.ShouldBe([("calendarFeed.created", "citizen", "jobnet"), ("calendarFeed.revoked", "citizen", "jobnet")]);
    }

    [Fact]
    public async Task a_revoked_link_answers_404_and_a_new_link_replaces_the_old()
    {
        var emma = await fixture.App.SignedIn("emma");
        var anonymous = fixture.App.Anonymous();
        var first = await NewFeedUrlAsync(emma);
        (await anonymous.GetAsync(first)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var second = await NewFeedUrlAsync(emma);
        (await anonymous.GetAsync(first)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync(second)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var page = await emma.GetPageAsync("/kalender");
        (await emma.SubmitAsync(page, "form[action*='handler=RevokeFeed']", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await anonymous.GetAsync(second)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var after = await emma.GetPageAsync("/kalender");
        after.QuerySelector(".alert-success")!.TextContent.ShouldContain("Dit kalender-link er slettet");
        after.QuerySelector("form[action*='handler=RevokeFeed']").ShouldBeNull();
    }

    [Theory]
    [InlineData("/kalender/feed/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics")]
    [InlineData("/kalender/feed/kort.ics")]
    public async Task an_unknown_or_malformed_token_is_not_found(string path)
    {
        (await fixture.App.Anonymous().GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_cpr_number_is_no_feed_token()
    {
        const string path = "/kalender/feed/610190-0001.ics";
        fixture.App.SendsCprInUrlOnPurpose(path); // the whole-run CPR scan lets this one request through
        (await fixture.App.Anonymous().GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task the_calendar_page_needs_a_signed_in_citizen_and_making_a_link_needs_the_antiforgery_token()
    {
        var anonymous = fixture.App.Anonymous();
        (await anonymous.GetAsync("/kalender")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var sofie = await fixture.App.SignedIn("sofie");
        sofie.DefaultRequestHeaders.Remove("RequestVerificationToken");
        var forged = await sofie.PostAsync("/kalender?handler=NewFeed", new FormUrlEncodedContent([]));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await db.ScalarAsync<long>("select count(*) from calendar_feeds where citizen_id = @id", new { id = Clients.CitizenId("sofie") })).ShouldBe(0);
    }
}
