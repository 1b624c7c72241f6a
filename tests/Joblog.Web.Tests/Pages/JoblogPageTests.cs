using System.Net;
using AngleSharp.Dom;
using Joblog.Web.Tests.Infrastructure;
using Shouldly;

namespace Joblog.Web.Tests.Pages;

/// <summary>The citizen's pages, driven by form posts as a browser without JavaScript would.</summary>
public sealed class JoblogPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly PostgresConnection db = new(fixture.ConnectionString);

    private static Dictionary<string, string> ValidJobSearch(string title) => new()
    {
        ["Form.JobTitle"] = title, ["Form.Status"] = "Applied", ["Form.EmployerName"] = "Bageriet ApS",
        ["Form.EmployerPostalCode"] = "8000", ["Form.AppliedOn"] = "01-11-2026", ["Form.InterviewDate"] = "", ["Form.Note"] = "Sendt via mail",
    };

    [Fact]
    public async Task an_empty_form_shows_the_error_summary_with_specific_danish_messages_and_writes_nothing()
    {
        var mette = await fixture.App.SignedIn("mette");
        var before = await db.CountLogsAsync("mette");
        var form = await mette.GetPageAsync("/joblog/ny/jobsoegning");

        var response = await mette.SubmitAsync(form, "main form[method=post]", new() { ["Form.JobTitle"] = "", ["Form.EmployerName"] = "", ["Form.Deadline"] = "31-02-2026", ["Form.ContactEmail"] = "hanne@" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector(".alert-error .alert-heading")!.TextContent.ShouldBe("Der er problemer");
        var links = page.QuerySelectorAll(".alert-error a.function-link").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())).ToList();
        links.ShouldContain(("#Form_JobTitle", "Indtast stillingsbetegnelsen"));
        links.ShouldContain(("#Form_EmployerName", "Indtast virksomhedens navn"));
        links.ShouldContain(("#Form_Status", "Vælg status for ansøgningen"));
        links.ShouldContain(("#Form_Deadline", "Indtast en gyldig dato som DD-MM-ÅÅÅÅ, fx 24-12-2026"));
        links.ShouldContain(("#Form_ContactEmail", "Indtast en gyldig e-mailadresse, fx navn@firma.dk"));
        page.QuerySelector("#Form_JobTitle")!.GetAttribute("aria-invalid").ShouldBe("true");
        page.QuerySelector("#Form_JobTitle-error")!.TextContent.ShouldContain("Indtast stillingsbetegnelsen");
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Form_Deadline")!.Value.ShouldBe("31-02-2026"); // what was typed is kept
        (await db.CountLogsAsync("mette")).ShouldBe(before);
    }

    [Fact]
    public async Task a_citizen_creates_a_job_search_log_and_sees_it_with_its_history()
    {
        var mette = await fixture.App.SignedIn("mette");
        var form = await mette.GetPageAsync("/joblog/ny/jobsoegning");

        var response = await mette.SubmitAsync(form, "main form[method=post]", ValidJobSearch("Bager"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var details = await mette.GetPageAsync(response.Headers.Location!.ToString());
        details.QuerySelector("h1")!.TextContent.ShouldBe("Bager");
        details.QuerySelector(".alert-success")!.TextContent.ShouldContain("Loggen er gemt");
        var history = details.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        history.Count.ShouldBe(1);
        history[0].ShouldContain("Jobnet");
        history[0].ShouldContain("Mette Demo");
        history[0].ShouldContain("Oprettet");
        var row = (await db.QueryAsync<(string Title, DateOnly? Applied, string Channel)>(
            "select job_title, applied_on, channel from logs where citizen_id = @id and job_title = 'Bager'", new { id = Clients.CitizenId("mette") })).Single();
        row.ShouldBe(("Bager", new DateOnly(2026, 11, 1), "jobnet"));
    }

    [Fact]
    public async Task a_stale_edit_is_refused_and_keeps_what_was_typed()
    {
        var mette = await fixture.App.SignedIn("mette");
        var created = await mette.SubmitAsync(await mette.GetPageAsync("/joblog/ny/jobsoegning"), "main form[method=post]", ValidJobSearch("Konditor"));
        var url = created.Headers.Location!.ToString();
        var editA = await mette.GetPageAsync(url + "/rediger");
        var editB = await mette.GetPageAsync(url + "/rediger");
        (await mette.SubmitAsync(editA, "main form[method=post]", ValidJobSearch("Konditor A"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var stale = await mette.SubmitAsync(editB, "main form[method=post]", ValidJobSearch("Konditor B"));

        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = HtmlForms.Parse(await stale.Content.ReadAsStringAsync());
        page.QuerySelector(".alert-error")!.TextContent.ShouldContain("Loggen er blevet ændret");
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Form_JobTitle")!.Value.ShouldBe("Konditor B");
        (await db.ScalarAsync<string>("select job_title from logs where job_title like 'Konditor%'")).ShouldBe("Konditor A");
    }

    [Fact]
    public async Task closing_hides_a_log_until_closed_logs_are_shown_and_reopening_brings_it_back()
    {
        var mette = await fixture.App.SignedIn("mette");
        var created = await mette.SubmitAsync(await mette.GetPageAsync("/joblog/ny/jobsoegning"), "main form[method=post]", ValidJobSearch("Smørrebrødsjomfru"));
        var url = created.Headers.Location!.ToString();

        var closed = await mette.SubmitAsync(await mette.GetPageAsync(url), "form:has(button.button-secondary[type=submit])[action*=Close]", []);
        closed.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await mette.GetPageAsync("/joblog?Q=Smørrebrød")).QuerySelectorAll("tbody tr").Length.ShouldBe(0);
        var shown = await mette.GetPageAsync("/joblog?Q=Smørrebrød&Afsluttede=true");
        shown.QuerySelectorAll("tbody tr").Length.ShouldBe(1);
        shown.QuerySelector("tbody tr")!.TextContent.ShouldContain("Afsluttet");

        var reopened = await mette.SubmitAsync(await mette.GetPageAsync(url), "form[action*=Reopen]", []);
        reopened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await mette.GetPageAsync("/joblog?Q=Smørrebrød")).QuerySelectorAll("tbody tr").Length.ShouldBe(1);
    }

    [Fact]
    public async Task the_status_filter_shows_a_count_per_status()
    {
        var mette = await fixture.App.SignedIn("mette");
        var page = await mette.GetPageAsync("/joblog");
        var filters = page.QuerySelectorAll(".status-filter a").Select(a => a.TextContent.Trim()).ToList();
        var all = await db.ScalarAsync<int>("select count(*)::int from logs where citizen_id = @id and not closed", new { id = Clients.CitizenId("mette") });
        var notApplied = await db.ScalarAsync<int>("select count(*)::int from logs where citizen_id = @id and not closed and status = 'notApplied'", new { id = Clients.CitizenId("mette") });
        filters[0].ShouldBe($"Alle logs ({all})");
        filters[1].ShouldBe($"Ikke søgt ({notApplied})");
        filters.Count.ShouldBe(6);
    }

    [Fact]
    public async Task another_citizens_log_page_is_a_404()
    {
        var lars = await fixture.App.SignedIn("lars");
        var metteLog = await db.ScalarAsync<Guid>("select id from logs where citizen_id = @id limit 1", new { id = Clients.CitizenId("mette") });
        (await lars.GetAsync($"/joblog/{metteLog}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lars.GetAsync($"/joblog/{metteLog}/rediger")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lars.GetAsync($"/joblog/{metteLog}/slet")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_citizen_deletes_a_log_after_confirming()
    {
        var mette = await fixture.App.SignedIn("mette");
        var created = await mette.SubmitAsync(await mette.GetPageAsync("/joblog/ny/jobsoegning"), "main form[method=post]", ValidJobSearch("Tjener"));
        var url = created.Headers.Location!.ToString();

        var deleted = await mette.SubmitAsync(await mette.GetPageAsync(url + "/slet"), "main form[method=post]", []);

        deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await mette.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await db.ScalarAsync<int>("select count(*)::int from audit_events where action = 'log.deleted' and channel = 'jobnet'")).ShouldBe(1);
    }

    [Fact]
    public async Task another_activity_is_logged_with_its_own_fields()
    {
        var mette = await fixture.App.SignedIn("mette");
        var form = await mette.GetPageAsync("/joblog/ny/anden-aktivitet");
        var response = await mette.SubmitAsync(form, "main form[method=post]", new()
        {
            ["Form.ActivityType"] = "JobFair", ["Form.ActivityDate"] = "15-11-2026", ["Form.Place"] = "Aarhus", ["Form.Description"] = "Jobmesse for kontorfolk",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await db.ScalarAsync<string>("select activity_type from logs where description = 'Jobmesse for kontorfolk'")).ShouldBe("jobFair");
    }
}
