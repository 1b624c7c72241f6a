using System.Net;
using Joblog.Web.Tests.Access;
using Joblog.Web.Tests.Infrastructure;
using Joblog.Web.Tests.Pages;
using Shouldly;
using static Joblog.Web.Tests.Requirements.RequirementsTestData;

namespace Joblog.Web.Tests.Requirements;

/// <summary>/krav, the staff page, as a browser without JavaScript uses it: the form, its Danish errors, a stale form, ending, who may.</summary>
public sealed class RequirementsPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly PostgresConnection db = new(fixture.ConnectionString);

    private static Dictionary<string, string> Values(string perWeek, string occupations = "", string maxKm = "", string municipalities = "",
        params string[] methods)
    {
        var values = new Dictionary<string, string>
        {
            ["Form.ApplicationsPerWeek"] = perWeek, ["Form.Occupations"] = occupations, ["Form.MaxKm"] = maxKm, ["Form.Municipalities"] = municipalities,
        };
        foreach (var m in methods) values[$"Form.{m}"] = "true";
        return values;
    }

    private sealed class Row
    {
        public int Version { get; init; }
        public decimal ApplicationsPerWeek { get; init; }
        public string[] OccupationCodes { get; init; } = [];
        public int? MaxKm { get; init; }
        public string[] MunicipalityCodes { get; init; } = [];
        public string[] Methods { get; init; } = [];
        public DateOnly? EndsOn { get; init; }
        public string ActorName { get; init; } = "";
        public string Channel { get; init; } = "";
    }

    private Task<IReadOnlyList<Row>> RowsAsync(string persona) => db.QueryAsync<Row>(
        "select * from search_requirements where citizen_id = @id and organisation_id = 'jc-0751' order by version", new { id = Clients.CitizenId(persona) });

    [Fact]
    public async Task nina_sees_mettes_requirements_with_progress_and_the_form_filled_in_and_the_look_is_recorded()
    {
        var nina = await fixture.App.ViewingAsync("nina", "mette");
        var looks = await db.LooksAsync("mette", "requirements.read");

        var page = await nina.GetPageAsync("/krav");

        page.QuerySelector("h1")!.TextContent.ShouldBe("Krav til jobsøgning");
        page.QuerySelector("main")!.TextContent.ShouldContain("Krav til jobsøgning for Mette Demo, sat af din organisation.");
        page.QuerySelector("#requirement-set-0")!.TextContent.ShouldContain("Krav fra Jobcenter Aarhus");
        page.QuerySelector("#form-heading")!.TextContent.ShouldBe("Krav fra Jobcenter Aarhus");
        page.QuerySelector("#Form_ApplicationsPerWeek")!.GetAttribute("value").ShouldBe("1,5");
        page.QuerySelector("#Form_Occupations")!.TextContent.ShouldBe("4110 Kontorassistenter\n4311 Bogholderiassistenter");
        page.QuerySelector("#Form_MaxKm")!.GetAttribute("value").ShouldBe("40");
        page.QuerySelectorAll("input[type=checkbox]:checked").Select(c => c.GetAttribute("name")).ShouldBe(["Form.Advertised", "Form.Unsolicited"]);
        page.QuerySelector(".viewing-banner").ShouldBeNull("not the read-only banner: this page changes things");
        page.QuerySelectorAll("#requirements-history tbody tr").Length.ShouldBe(1);
        (await db.LooksAsync("mette", "requirements.read")).ShouldBe(looks + 1);
    }

    [Fact]
    public async Task a_form_with_mistakes_is_shown_again_with_each_problem_in_the_summary_and_beside_its_field_and_nothing_is_saved()
    {
        var nina = await fixture.App.ViewingAsync("nina", "mette");
        var page = await nina.GetPageAsync("/krav");

        var response = await nina.SubmitAsync(page, "#requirements-form", Values("", "Pædagog\n9999\nxyzzy", "tre", "Aarhus, Atlantis"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        again.QuerySelector(".alert-error .alert-heading")!.TextContent.ShouldBe("Der er problemer");
        var summary = again.QuerySelectorAll(".alert-error li a").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())).ToList();
        summary.ShouldContain(("#Form_ApplicationsPerWeek", "Indtast antal ansøgninger om ugen"));
        summary.ShouldContain(("#Form_MaxKm", "Afstanden skal være et helt antal km fra 1 til 1000"));
        summary.ShouldContain(("#Form_Municipalities", "»Atlantis« er ikke en kommune. Skriv kommunens navn, fx Aarhus."));
        var occupations = summary.Single(s => s.Item1 == "#Form_Occupations").Item2;
        occupations.ShouldContain("»Pædagog« passer til flere stillinger. Skriv koden i stedet, fx en af disse: 2342");
        occupations.ShouldContain("Koden 9999 findes ikke på DISCO-08-listen.");
        occupations.ShouldContain("»xyzzy« er ikke en stilling på DISCO-08-listen.");
        again.QuerySelector("#Form_MaxKm-error")!.TextContent.ShouldContain("Afstanden skal være et helt antal km fra 1 til 1000");
        again.QuerySelector("#Form_MaxKm")!.GetAttribute("value").ShouldBe("tre", "what was typed is kept");
        again.QuerySelector("#Form_MaxKm")!.GetAttribute("aria-invalid").ShouldBe("true");
        (await RowsAsync("mette")).Select(r => r.Version).ShouldBe([1]);
    }

    [Fact]
    public async Task nina_sets_lars_requirements_changes_them_is_refused_a_stale_form_and_ends_them()
    {
        var nina = await fixture.App.ViewingAsync("nina", "lars");
        var first = await nina.GetPageAsync("/krav");
        first.QuerySelector("#Form_Occupations")!.TextContent.ShouldBe("7411 Elektrikere", "a new set suggests the job goals");
        var second = await nina.GetPageAsync("/krav");

        var saved = await nina.SubmitAsync(first, "#requirements-form", Values("2", "Elektriker\n7412", "25", "Skanderborg, horsens kommune", "Advertised", "Network"));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saved.Headers.Location!.OriginalString.ShouldBe("/krav");
        (await nina.GetPageAsync("/krav")).QuerySelector(".alert-success")!.TextContent.Trim().ShouldBe("Kravene til jobsøgning er gemt. De gælder fra i dag.");
        var row = (await RowsAsync("lars")).Single();
        (row.Version, row.ApplicationsPerWeek, row.MaxKm, row.ActorName, row.Channel).ShouldBe((1, 2m, (int?)25, "Nina Demo", "jobcenter"));
        row.OccupationCodes.ShouldBe(["7411", "7412"]);
        row.MunicipalityCodes.ShouldBe(["0615", "0746"]);
        row.Methods.ShouldBe(["advertised", "network"]);

        var stale = await nina.SubmitAsync(second, "#requirements-form", Values("3,5"));
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = HtmlForms.Parse(await stale.Content.ReadAsStringAsync());
        refused.QuerySelector(".alert-error")!.TextContent.ShouldContain("Kravene er ændret af en anden, siden du åbnede siden.");
        refused.QuerySelector("#Form_ApplicationsPerWeek")!.GetAttribute("value").ShouldBe("3,5");
        refused.QuerySelector("#requirements-form input[name='Form.Version']")!.GetAttribute("value").ShouldBe("1", "saving again is deliberate");
        (await RowsAsync("lars")).Count.ShouldBe(1);

        var again = await nina.SubmitAsync(refused, "#requirements-form", Values("3,5", "7411"));
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await RowsAsync("lars")).Select(r => (r.Version, r.ApplicationsPerWeek, r.EndsOn)).ShouldBe([(1, 2m, Today), (2, 3.5m, (DateOnly?)null)]);

        var end = await nina.SubmitAsync(await nina.GetPageAsync("/krav"), "#end-requirements-form", new());
        end.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await RowsAsync("lars")).Select(r => (r.Version, r.EndsOn)).ShouldBe([(1, Today), (3, Today)]);
        var after = await nina.GetPageAsync("/krav");
        after.QuerySelector("#requirements-none").ShouldNotBeNull();
        after.QuerySelector("#end-requirements-form").ShouldBeNull();
        after.QuerySelectorAll("#requirements-history tbody tr").Length.ShouldBe(2);
    }

    [Fact]
    public async Task the_citizen_gets_403_staff_without_a_chosen_citizen_404_and_the_akasse_its_own_form()
    {
        var mette = await fixture.App.SignedIn("mette");
        (await mette.GetAsync("/krav")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var token = (await mette.GetPageAsync("/joblog")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await mette.PostAsync("/krav", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Form.ApplicationsPerWeek"] = "0,5", ["Form.Version"] = "1",
        }));
        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await post.Content.ReadAsStringAsync()).ShouldContain("Du har ikke rettigheder til at foretage denne handling");
        (await RowsAsync("mette")).Select(r => r.Version).ShouldBe([1]);

        (await (await fixture.App.SignedIn("karl")).GetAsync("/krav")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fixture.App.System("demo-jc-0751-system-key").GetAsync("/krav")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fixture.App.Anonymous().GetAsync("/krav")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var berit = await fixture.App.ViewingAsync("berit", "mette");
        var page = await berit.GetPageAsync("/krav");
        page.QuerySelector("#form-heading")!.TextContent.ShouldBe("Krav fra A-kassen Fællesskab");
        page.QuerySelector("#Form_ApplicationsPerWeek")!.GetAttribute("value").ShouldBeNull("the a-kasse has set nothing yet");
        page.QuerySelector("#requirement-set-0")!.TextContent.ShouldContain("Krav fra Jobcenter Aarhus");
    }
}
