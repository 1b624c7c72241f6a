using AngleSharp.Dom;
using System.Net;
using AngleSharp.Html.Dom;
using Joblog.Web.Tests.Infrastructure;
using Joblog.Web.Tests.Pages;
using Shouldly;

namespace Joblog.Web.Tests.JobAds;

/// <summary>/joblog/ny/fra-link without JavaScript: paste, "Hent oplysninger", check the prefilled form, pick the status, save.</summary>
public sealed class FromUrlPageTests(JobAdFixture fixture) : IClassFixture<JobAdFixture>
{
    private readonly PostgresConnection db = new(fixture.ConnectionString);

    private async Task<(HttpClient Client, IHtmlDocument Page)> FetchAsync(string link)
    {
        var mette = await fixture.App.SignedIn("mette");
        var form = await mette.GetPageAsync("/joblog/ny/fra-link");
        form.QuerySelector("main label[for=Link]")!.TextContent.ShouldBe("Link til jobannoncen");
        var response = await mette.SubmitAsync(form, "main form[method=post]", new() { ["Link"] = link });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (mette, HtmlForms.Parse(await response.Content.ReadAsStringAsync()));
    }

    private static string? Field(IHtmlDocument page, string id) => page.QuerySelector<IHtmlInputElement>("#" + id)?.Value;

    [Fact]
    public async Task the_job_search_form_comes_back_prefilled_from_the_ad_and_says_what_was_read()
    {
        var link = fixture.Pages.Url("/jsonld");
        var (_, page) = await FetchAsync(link);

        page.QuerySelector("h1")!.TextContent.ShouldBe("Tjek oplysningerne fra annoncen");
        page.QuerySelector(".alert-info .alert-text")!.TextContent.ShouldBe(
            "Vi har udfyldt stillingsbetegnelse, virksomhed, adresse, ansøgningsfrist, arbejdstid og stillingskode (DISCO-08) fra annoncen — tjek felterne, vælg status, og gem.");
        Field(page, "Form_JobTitle").ShouldBe("Kontorassistent");
        Field(page, "Form_EmployerName").ShouldBe("Rådhusets Administration & Service");
        Field(page, "Form_EmployerAddress").ShouldBe("Rådhuspladsen 2");
        Field(page, "Form_EmployerPostalCode").ShouldBe("8000");
        Field(page, "Form_EmployerCity").ShouldBe("Aarhus C");
        Field(page, "Form_Deadline").ShouldBe("15-12-2026");
        Field(page, "Form_JobAdUrl").ShouldBe(link);
        Field(page, "Form_OccupationCode").ShouldBe("4110");
        page.QuerySelector<IHtmlInputElement>("input[name='Form.WorkingTime'][value=FullTime]")!.IsChecked.ShouldBeTrue();
        page.QuerySelector<IHtmlInputElement>("input[name='Form.ApplicationType'][value=Advertised]")!.IsChecked.ShouldBeTrue();
        page.QuerySelectorAll<IHtmlInputElement>("input[name='Form.Status']").ShouldAllBe(r => !r.IsChecked, "the citizen picks the status");
    }

    [Fact]
    public async Task picking_the_status_and_saving_creates_the_log_with_what_the_ad_said()
    {
        var link = fixture.Pages.Url("/microdata");
        var (mette, page) = await FetchAsync(link);
        var before = await db.CountLogsAsync("mette");

        var response = await mette.SubmitAsync(page, "main form[method=post]", FormValues.Of(page, "main form[method=post]", new() { ["Form.Status"] = "Applied" }));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldStartWith("/joblog/");
        (await db.CountLogsAsync("mette")).ShouldBe(before + 1);
        var log = (await db.QueryAsync<(string Title, string Employer, string Zip, string Deadline, string WorkingTime, string Status, string Channel)>(
            "select job_title, employer_name, employer_postal_code, deadline::text, working_time, status, channel from logs where job_ad_url = @link",
            new { link })).Single();
        log.ShouldBe(("Elektriker til service", "Installatøren ApS", "8660", "2026-12-20", "partTime", "applied", "jobnet"));
        (await db.ScalarAsync<string>(
            "select v.actor_name from log_versions v join logs l on l.id = v.log_id where l.job_ad_url = @link and v.version = 1", new { link }))
            .ShouldBe("Mette Demo");
    }

    [Fact]
    public async Task when_nothing_can_be_read_the_page_says_so_and_keeps_the_link_in_the_form()
    {
        var link = fixture.Pages.Url("/empty");
        var (mette, page) = await FetchAsync(link);

        page.QuerySelector(".alert-warning .alert-heading")!.TextContent.ShouldBe("Vi kunne ikke læse annoncen");
        Field(page, "Form_JobAdUrl").ShouldBe(link);
        Field(page, "Form_JobTitle").ShouldBe("");

        var response = await mette.SubmitAsync(page, "main form[method=post]", FormValues.Of(page, "main form[method=post]"));
        var again = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        again.QuerySelectorAll(".alert-error a.function-link").Select(a => a.TextContent.Trim()).ShouldContain("Indtast stillingsbetegnelsen");
        Field(again, "Form_JobAdUrl").ShouldBe(link);
    }

    [Fact]
    public async Task an_empty_link_asks_for_one()
    {
        var (_, page) = await FetchAsync("");

        page.QuerySelector(".alert-error a.function-link[href='#Link']")!.TextContent.Trim().ShouldBe("Indtast linket til jobannoncen");
        page.QuerySelector("#Link")!.GetAttribute("aria-invalid").ShouldBe("true");
    }

    [Fact]
    public async Task a_page_that_does_not_answer_in_time_gives_its_message_and_the_link_stays()
    {
        var link = fixture.Pages.Url("/slow");
        var (_, page) = await FetchAsync(link);

        page.QuerySelector("#Link-error")!.TextContent.ShouldContain("Siden svarede ikke i tide");
        Field(page, "Link").ShouldBe(link);
    }
}
