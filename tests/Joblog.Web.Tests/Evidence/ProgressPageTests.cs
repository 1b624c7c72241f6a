using System.Globalization;
using Joblog.Web.Tests.Infrastructure;
using Joblog.Web.Tests.Pages;
using Shouldly;

namespace Joblog.Web.Tests.Evidence;

/// <summary>/joblog/fremdrift for a hand-made set of logs: applications per ISO week, job titles, distances — exact figures.</summary>
public sealed class ProgressPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Copenhagen).DateTime);

    private static DateOnly ThisMonday => Today.AddDays(-(((int)Today.DayOfWeek + 6) % 7));

    private static string D(DateOnly d) => d.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    private static object Applied(string title, DateOnly? on, string postalCode, string status = "applied", string? code = null) => new
    {
        kind = "jobSearch", status, jobTitle = title, occupationCode = code, employer = new { name = "Firma", postalCode },
        appliedOn = on?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task the_page_counts_applications_per_week_titles_and_distances_from_home_exactly()
    {
        // Jens (home 2400 København NV) has no demo logs.
        var jens = await fixture.App.SignedIn("jens");
        var logs = new[]
        {
            Applied("Lagerchef", ThisMonday, "2400", code: "1324"),                    // this week, 0 km
            Applied("lagerchef ", ThisMonday.AddDays(-7), "4000", "interview", "1324"),  // last week, 30.7 km; same title
            Applied("Chauffør", ThisMonday.AddDays(-6), "8000", "rejected", "8322"),     // last week (Tuesday), 156.2 km
            Applied("Bogholder", ThisMonday.AddDays(-49), "3400", "hired"),              // 7 weeks back, 32.5 km
            Applied("For gammel", ThisMonday.AddDays(-50), "2400"),                      // 8 weeks back: outside the window
            Applied("Ikke søgt endnu", ThisMonday.AddDays(-7), "2400", "notApplied"),    // not an application
            Applied("Uden dato og sted", null, "9999"),                                   // counts on the day it is created: this week; unknown place
        };
        foreach (var log in logs) await jens.CreateLogAsync("jens", log);
        await jens.CreateLogAsync("jens", new { kind = "otherActivity", activityType = "course", activityDate = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });

        var page = await jens.GetPageAsync("/joblog/fremdrift");

        var weeks = page.QuerySelectorAll("#weeks-table tbody tr")
            .Select(r => (Dates: r.QuerySelectorAll("td")[0].TextContent.Trim(), Count: r.QuerySelectorAll("td")[1].TextContent.Trim())).ToList();
        weeks.Count.ShouldBe(8);
        weeks.Select(w => w.Dates).ShouldBe(Enumerable.Range(0, 8).Select(i => ThisMonday.AddDays(-7 * (7 - i))).Select(m => $"{D(m)} – {D(m.AddDays(6))}"));
        weeks.Select(w => w.Count).ShouldBe(["1", "0", "0", "0", "0", "0", "2", "2"]);
        page.QuerySelector("#weeks-table tfoot td")!.TextContent.Trim().ShouldBe("5");
        var firstWeek = ThisMonday.AddDays(-49).ToDateTime(TimeOnly.MinValue);
        page.QuerySelector("#weeks-table tbody tr th")!.TextContent.Trim()
            .ShouldBe($"Uge {ISOWeek.GetWeekOfYear(firstWeek)}, {ISOWeek.GetYear(firstWeek)}");

        Cells("#titles-table").ShouldBe([["Lagerchef", "2"], ["Bogholder", "1"], ["Chauffør", "1"], ["Uden dato og sted", "1"]]);
        page.QuerySelector("main")!.TextContent.ShouldContain("4 forskellige stillingsbetegnelser og 2 forskellige stillingskategorier.");
        Cells("#occupations-table").Select(r => (r[0][..5], r[1])).ShouldBe([("1324 ", "2"), ("8322 ", "1")]);

        var summary = page.QuerySelectorAll("#distance-summary dd").Select(d => d.TextContent.Trim()).ToList();
        summary.ShouldBe(["0,0 km", "31,6 km", "156,2 km"], "shortest, median of 0 / 30.7 / 32.5 / 156.2, longest");
        Cells("#bands-table").ShouldBe([["0–10 km", "1"], ["10–25 km", "0"], ["25–50 km", "2"], ["50 km eller mere", "1"]]);
        page.QuerySelector("main")!.TextContent.ShouldContain("1 ansøgninger har ikke et kendt arbejdssted");

        var chart = page.QuerySelector("svg[role=img]")!;
        chart.GetAttribute("aria-labelledby").ShouldBe("chart-title chart-desc");
        chart.QuerySelectorAll("rect").Length.ShouldBe(8);
        chart.QuerySelectorAll("text.progress-chart-value").Select(t => t.TextContent).ShouldBe(["1", "0", "0", "0", "0", "0", "2", "2"]);

        List<string[]> Cells(string table) => page.QuerySelectorAll($"{table} tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
    }
}
