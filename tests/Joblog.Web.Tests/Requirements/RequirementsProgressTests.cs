using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Joblog.Web.Tests.Access;
using Joblog.Web.Tests.Infrastructure;
using Joblog.Web.Tests.Pages;
using Shouldly;
using static Joblog.Web.Tests.Requirements.RequirementsTestData;

namespace Joblog.Web.Tests.Requirements;

/// <summary>
/// Live progress against hand-made logs of Lars (home 8260 Viby J): which count (the last 4 weeks, applications only,
/// closed ones too), the figures in the API and on his Fremdrift page, and the change when the requirement changes.
/// </summary>
public sealed class RequirementsProgressTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static object Log(string title, string status, int? appliedDaysAgo, string? postalCode, string? code, string? type, bool closed = false) => new
    {
        kind = "jobSearch", status, jobTitle = title, occupationCode = code, applicationType = type, closed,
        employer = new { name = "Firma", postalCode },
        appliedOn = appliedDaysAgo is { } d ? Iso(Today.AddDays(-d)) : null,
    };

    [Fact]
    public async Task the_applications_of_the_last_four_weeks_are_counted_and_each_is_checked_against_occupation_area_and_method()
    {
        // Sign in first: that starts the app, whose demo load would put Lars's demo logs back after the wipe.
        var lars = await fixture.App.SignedIn("lars");
        await new PostgresConnection(fixture.ConnectionString).WipeAsync("lars");
        object[] logs =
        [
            Log("Kontorassistent", "applied", 1, "8000", "4110", "advertised"),               // 5.3 km; fits all three
            Log("Kontorassistent", "interview", 27, "7100", null, "unsolicited"),             // the title names 4110; Vejle, 59.9 km: not the area
            Log("For gammel", "applied", 28, "8000", "4110", "advertised"),                  // day 28: outside the window
            Log("Ikke søgt", "notApplied", null, "8000", "4110", "advertised"),              // not an application
            Log("Elektriker", "rejected", 10, "8700", "7411", "network"),                    // Horsens, 34.6 km, but in Horsens Kommune
            Log("Noget helt andet", "hired", null, null, null, null),                         // counts today (created); nothing known
            Log("Kontorassistent", "applied", 5, "8000", "4110", "tempAgency", closed: true), // closed logs count
        ];
        foreach (var log in logs) await lars.CreateLogAsync("lars", log);
        await lars.CreateLogAsync("lars", new { kind = "otherActivity", activityType = "course", activityDate = Iso(Today) });

        var nina = await fixture.App.SignedIn("nina");
        var put = await nina.PutRequirementsAsync("lars", Body(1.25m, ["4110"], 30, ["0615"], ["advertised", "unsolicited"]), "\"0\"");
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());

        var progress = (await lars.GetRequirementsAsync("lars")).Body.SetFrom("jc-0751").GetProperty("progress");
        progress.GetProperty("from").GetString().ShouldBe(Iso(Today.AddDays(-27)));
        progress.GetProperty("to").GetString().ShouldBe(Iso(Today));
        progress.GetProperty("applications").GetInt32().ShouldBe(5);
        progress.GetProperty("required").GetDecimal().ShouldBe(5m);
        progress.GetProperty("status").GetString().ShouldBe("met");
        (progress.GetProperty("fitOccupation").GetInt32(), progress.GetProperty("fitArea").GetInt32(), progress.GetProperty("fitMethod").GetInt32(),
            progress.GetProperty("fitAll").GetInt32()).ShouldBe((3, 3, 2, 1));

        var page = await lars.GetPageAsync("/joblog/fremdrift");
        var rows = page.QuerySelectorAll("#requirement-applications-0 tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
        rows.Select(r => r[0]).ShouldBe([D(0), D(-1), D(-5), D(-10), D(-27)], "newest first");
        rows.Select(r => r[2..]).ShouldBe(
        [
            ["Ukendt", "Ukendt", "Ukendt"],
            ["Ja", "Ja (5 km)", "Ja"],
            ["Ja", "Ja (5 km)", "Nej"],
            ["Nej", "Ja (35 km)", "Nej"],
            ["Ja", "Nej (60 km)", "Ja"],
        ]);
        page.QuerySelectorAll("#requirement-applications-0 tfoot td").Select(c => c.TextContent.Trim()).ShouldBe(["3", "3", "2"]);
        var set = page.QuerySelector("#requirement-set-0")!.TextContent;
        set.ShouldContain("Krav fra Jobcenter Aarhus");
        set.ShouldContain("Kravet er opfyldt");
        set.ShouldContain($"Du har søgt 5 job de seneste 4 uger ({D(-27)} – {D(0)}). Kravet er 5 ansøgninger: 1,25 om ugen i gennemsnit over 4 uger.");
        set.ShouldContain("Højst 30 km fra dit hjem eller i kommunerne Horsens");
        set.ShouldContain("Opslået stilling, Uopfordret ansøgning");
        page.QuerySelector("a[href='/krav']").ShouldBeNull("the citizen changes nothing here");

        (await nina.PutRequirementsAsync("lars", Body(1.5m, ["4110"], 30, ["0615"], ["advertised", "unsolicited"]), "\"1\"")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = (await lars.GetRequirementsAsync("lars")).Body.SetFrom("jc-0751").GetProperty("progress");
        (after.GetProperty("applications").GetInt32(), after.GetProperty("required").GetDecimal(), after.GetProperty("status").GetString())
            .ShouldBe((5, 6m, "notMet"));
        (await lars.GetPageAsync("/joblog/fremdrift")).QuerySelector("#requirement-set-0 .requirement-status")!.TextContent.Trim()
            .ShouldBe("Kravet er ikke opfyldt: der mangler 1 ansøgninger");
    }

    [Fact]
    public async Task the_caseworker_sees_the_same_progress_read_only_with_a_way_to_the_staff_page()
    {
        var nina = await fixture.App.ViewingAsync("nina", "mette");
        var mette = await fixture.App.SignedIn("mette");

        var seenByNina = await nina.GetPageAsync("/joblog/fremdrift");
        var seenByMette = await mette.GetPageAsync("/joblog/fremdrift");

        seenByNina.QuerySelector("#requirement-set-0")!.TextContent.ShouldBe(seenByMette.QuerySelector("#requirement-set-0")!.TextContent);
        seenByNina.QuerySelector("#requirement-set-0")!.TextContent.ShouldContain("Krav fra Jobcenter Aarhus");
        seenByNina.QuerySelector("main a[href='/krav']")!.TextContent.ShouldBe("Sæt eller ret krav til jobsøgning");
        seenByMette.QuerySelector("main a[href='/krav']").ShouldBeNull();
        seenByNina.QuerySelectorAll("main form[method=post]").ShouldBeEmpty();
    }
}
