using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Joblog.Web.Access;
using Joblog.Web.Tests.Infrastructure;
using Joblog.Web.Tests.Pages;
using Shouldly;

namespace Joblog.Web.Tests.Calendar;

/// <summary>/kalender: the month grid, the kinds of date and their toggles, the list under the grid, Danish and English.</summary>
public sealed class CalendarPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = TimeProvider.System.Today();

    /// <summary>A month with none of the demo world's dates (they lie within a few weeks of today).</summary>
    private static readonly DateOnly Month = new DateOnly(Today.Year, Today.Month, 1).AddMonths(4);

    private static string MonthQuery => Month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string Date(int day) => Month.AddDays(day - 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IElement Cell(IHtmlDocument page, int day) =>
        page.QuerySelectorAll("table.calendar td.calendar-day:not(.calendar-other-month)")
            .Single(td => td.QuerySelector(".calendar-date")!.TextContent.Trim() == day.ToString(CultureInfo.InvariantCulture));

    private static async Task<(Guid Planned, Guid Applied, Guid Interview, Guid Closed)> CreateLogsAsync(HttpClient client, string persona)
    {
        var planned = await client.CreateLogAsync(persona, new
        {
            kind = "jobSearch", status = "notApplied", jobTitle = "Kalendertest kok", employer = new { name = "Kroen" },
            plannedOn = Date(5), deadline = Date(10),
        });
        var applied = await client.CreateLogAsync(persona, new
        {
            kind = "jobSearch", status = "applied", jobTitle = "Kalendertest søgt", employer = new { name = "Kroen" },
            appliedOn = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), deadline = Date(10),
        });
        var at = DanishClock.Instant(Month.AddDays(14), new TimeOnly(9, 30));
        var interview = await client.CreateLogAsync(persona, new
        {
            kind = "jobSearch", status = "interview", jobTitle = "Kalendertest samtale", employer = new { name = "Hotellet" }, interviewAt = at,
        });
        var closed = await client.CreateLogAsync(persona, new
        {
            kind = "jobSearch", status = "notApplied", jobTitle = "Kalendertest afsluttet", employer = new { name = "Kroen" },
            plannedOn = Date(5), closed = true,
        });
        return (Id(planned.Log), Id(applied.Log), Id(interview.Log), Id(closed.Log));
        static Guid Id(System.Text.Json.JsonElement log) => log.GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task november_2026_starts_on_monday_26_october_in_week_44_and_30_november_is_in_week_49()
    {
        var mette = await fixture.App.SignedIn("mette");

        var page = await mette.GetPageAsync("/kalender?maaned=2026-11");

        page.QuerySelector("h2#month-heading")!.TextContent.ShouldBe("November 2026");
        page.QuerySelector("table.calendar caption")!.TextContent.ShouldContain("november 2026");
        page.QuerySelectorAll("table.calendar thead th").Select(th => th.TextContent.Trim())
            .ShouldBe(["Uge", "Manmandag", "Tirtirsdag", "Onsonsdag", "Tortorsdag", "Frefredag", "Lørlørdag", "Sønsøndag"]);
        page.QuerySelectorAll("table.calendar thead th[scope=col]").Length.ShouldBe(8);
        var rows = page.QuerySelectorAll("table.calendar tbody tr").ToList();
        rows.Count.ShouldBe(6);
        rows[0].QuerySelector("th[scope=row]")!.TextContent.ShouldBe("Uge 44");
        rows[0].QuerySelector("td .calendar-date")!.TextContent.ShouldBe("26");
        rows[0].QuerySelector("td")!.ClassList.ShouldContain("calendar-other-month");
        rows[^1].QuerySelector("th[scope=row]")!.TextContent.ShouldBe("Uge 49");
        rows[^1].QuerySelector("td .calendar-date")!.TextContent.ShouldBe("30");
        page.QuerySelector("a[href='/kalender?maaned=2026-10']")!.TextContent.ShouldContain("Oktober 2026");
        page.QuerySelector("a[href='/kalender?maaned=2026-12']")!.TextContent.ShouldContain("December 2026");
    }

    [Fact]
    public async Task today_is_marked()
    {
        var mette = await fixture.App.SignedIn("mette");

        var page = await mette.GetPageAsync("/kalender");

        var today = page.QuerySelectorAll("td.calendar-today").Single();
        today.QuerySelector("[aria-current=date]")!.TextContent.ShouldBe(Today.Day.ToString(CultureInfo.InvariantCulture));
        today.TextContent.ShouldContain("I dag");
    }

    [Fact]
    public async Task planned_dates_deadlines_not_yet_applied_for_and_interviews_are_shown_each_linking_to_its_log()
    {
        var lars = await fixture.App.SignedIn("lars");
        var logs = await CreateLogsAsync(lars, "lars");

        var page = await lars.GetPageAsync($"/kalender?maaned={MonthQuery}");

        var planned = Cell(page, 5).QuerySelectorAll(".calendar-entry a").Single();
        planned.TextContent.ShouldBe("Planlagt: Kalendertest kok");
        planned.GetAttribute("href").ShouldBe($"/joblog/{logs.Planned}");
        Cell(page, 10).QuerySelectorAll(".calendar-entry a").Select(a => a.TextContent).ShouldBe(["Ansøgningsfrist: Kalendertest kok"]);
        Cell(page, 15).QuerySelectorAll(".calendar-entry a").Select(a => a.TextContent).ShouldBe(["Samtale 09:30: Kalendertest samtale"]);
        var html = page.QuerySelector("main")!.InnerHtml;
        html.ShouldNotContain(logs.Applied.ToString()); // applied: its deadline no longer matters
        html.ShouldNotContain(logs.Closed.ToString());  // closed: its plan no longer matters
        var list = page.QuerySelectorAll(".calendar-list > li").Select(li => li.TextContent.Trim()).ToList();
        list.Count.ShouldBe(3);
        list[2].ShouldContain("Samtale 09:30: Kalendertest samtale, Hotellet");
    }

    [Fact]
    public async Task each_kind_can_be_switched_off_with_a_get_form_and_stays_off_between_months()
    {
        var emma = await fixture.App.SignedIn("emma");
        await CreateLogsAsync(emma, "emma");

        var page = await emma.GetPageAsync($"/kalender?maaned={MonthQuery}&planlagt=false&frister=true&frister=false&samtaler=true&samtaler=false");

        Cell(page, 5).QuerySelectorAll(".calendar-entry").Length.ShouldBe(0);
        Cell(page, 10).QuerySelectorAll(".calendar-entry").Length.ShouldBe(1);
        Cell(page, 15).QuerySelectorAll(".calendar-entry").Length.ShouldBe(1);
        page.QuerySelector<IHtmlInputElement>("#Planlagt")!.IsChecked.ShouldBeFalse();
        page.QuerySelector<IHtmlInputElement>("#Frister")!.IsChecked.ShouldBeTrue();
        page.QuerySelector<IHtmlInputElement>("#Samtaler")!.IsChecked.ShouldBeTrue();
        page.QuerySelector("form.calendar-filter")!.GetAttribute("method").ShouldBe("get");
        var next = Month.AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        page.QuerySelector($"a[href='/kalender?maaned={next}&Planlagt=false']").ShouldNotBeNull();

        var none = await emma.GetPageAsync($"/kalender?maaned={MonthQuery}&planlagt=false&frister=false&samtaler=false");
        none.QuerySelectorAll(".calendar-entry").Length.ShouldBe(0);
        none.QuerySelector("main")!.TextContent.ShouldContain("Der er ingen datoer at vise i");
    }

    [Fact]
    public async Task in_english_the_month_and_days_are_english_and_monday_still_comes_first()
    {
        var jens = await fixture.App.SignedIn("jens");
        var page = await jens.GetPageAsync("/kalender?maaned=2026-11");
        (await jens.SubmitAsync(page, "form[action='/sprog']", new() { ["culture"] = "en" })).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);

        var english = await jens.GetPageAsync("/kalender?maaned=2026-11");

        english.QuerySelector("h1")!.TextContent.ShouldBe("Calendar");
        english.QuerySelector("h2#month-heading")!.TextContent.ShouldBe("November 2026");
        english.QuerySelectorAll("table.calendar thead th")[1].TextContent.Trim().ShouldBe("MonMonday");
        english.QuerySelectorAll("table.calendar tbody th")[0].TextContent.ShouldBe("Week 44");
    }

    [Fact]
    public async Task a_month_that_is_not_a_month_shows_this_month()
    {
        var mette = await fixture.App.SignedIn("mette");

        var page = await mette.GetPageAsync("/kalender?maaned=2026-13");

        page.QuerySelectorAll("td.calendar-today").Length.ShouldBe(1);
    }
}
