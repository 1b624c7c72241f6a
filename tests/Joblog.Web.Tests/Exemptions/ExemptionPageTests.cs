using System.Net;
using Joblog.Web.Tests.Access;
using Joblog.Web.Tests.Infrastructure;
using Joblog.Web.Tests.Pages;
using Shouldly;
using static Joblog.Web.Tests.Requirements.RequirementsTestData;

namespace Joblog.Web.Tests.Exemptions;

/// <summary>/fritagelse and /fritagelse/{id}/afslut as a browser without JavaScript uses them; the citizen's front page.</summary>
public sealed class ExemptionPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly PostgresConnection db = new(fixture.ConnectionString);

    [Fact]
    public async Task karl_sees_jens_exemption_and_jens_sees_on_his_front_page_that_he_is_exempt_and_must_still_search()
    {
        var looks = await db.LooksAsync("jens", "exemptions.read");
        var karl = await fixture.App.ViewingAsync("karl", "jens");

        var page = await karl.GetPageAsync("/fritagelse");

        page.QuerySelector("#exempt-today")!.TextContent.Trim().ShouldBe($"Borgeren er fritaget i dag: fra {D(-100)}, uden slutdato.");
        var cells = page.QuerySelectorAll("#exemptions-table tbody tr td").Select(c => c.TextContent.Trim()).ToList();
        cells[0].ShouldBe($"Fra {D(-100)}, uden slutdato");
        cells[1].ShouldBe("Nedsat fysisk funktionsevne (LAS § 75, stk. 5)");
        cells[2].ShouldStartWith("Karl Demo, Jobcenter København");
        (await db.LooksAsync("jens", "exemptions.read")).ShouldBe(looks + 1);

        var jens = await fixture.App.SignedIn("jens");
        var front = (await jens.GetPageAsync("/")).QuerySelector("#exempt-notice")!.TextContent;
        front.ShouldContain($"Jobcentret har fritaget dig for at registrere din jobsøgning i joblog fra {D(-100)}. Fritagelsen har ingen slutdato.");
        front.ShouldContain("Du skal stadig søge job.");
    }

    [Fact]
    public async Task the_grant_form_explains_each_mistake_and_refuses_an_overlapping_period()
    {
        var karl = await fixture.App.ViewingAsync("karl", "jens");
        var page = await karl.GetPageAsync("/fritagelse");

        var wrong = HtmlForms.Parse(await (await karl.SubmitAsync(page, "#grant-form",
            new() { ["Form.From"] = "32-13-2026", ["Form.To"] = "", ["Form.Reason"] = "" })).Content.ReadAsStringAsync());
        wrong.QuerySelectorAll(".alert-error li a").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())).ShouldBe(
        [
            ("#Form_From", "Indtast en gyldig dato som DD-MM-ÅÅÅÅ, fx 24-12-2026"),
            ("#Form_Reason", "Indtast begrundelsen for fritagelsen"),
        ]);
        wrong.QuerySelector("#Form_From-error")!.TextContent.ShouldContain("Indtast en gyldig dato");
        wrong.QuerySelector("#Form_From")!.GetAttribute("value").ShouldBe("32-13-2026");

        var backwards = HtmlForms.Parse(await (await karl.SubmitAsync(wrong, "#grant-form",
            new() { ["Form.From"] = D(200), ["Form.To"] = D(199), ["Form.Reason"] = "Sygdom" })).Content.ReadAsStringAsync());
        backwards.QuerySelector("#Form_To-error")!.TextContent.ShouldContain("Slutdatoen skal være samme dag som startdatoen eller senere");

        var overlap = HtmlForms.Parse(await (await karl.SubmitAsync(page, "#grant-form",
            new() { ["Form.From"] = D(10), ["Form.To"] = D(20), ["Form.Reason"] = "Sygdom" })).Content.ReadAsStringAsync());
        overlap.QuerySelector("#Form_From-error")!.TextContent.ShouldContain("Borgeren er allerede fritaget i en del af perioden");
        (await db.ScalarAsync<long>("select count(*) from exemptions where citizen_id = @id", new { id = Clients.CitizenId("jens") })).ShouldBe(1);
    }

    [Fact]
    public async Task only_the_jobcenter_has_the_page_the_akasse_and_the_citizen_get_403_without_a_look_and_the_front_page_lists_each_ones_tools()
    {
        var berit = await fixture.App.ViewingAsync("berit", "mette");
        var looks = await db.CountLooksAsync("mette");
        (await berit.GetAsync("/fritagelse")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var token = (await berit.GetPageAsync("/krav")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var looksAfterKrav = await db.CountLooksAsync("mette");
        looksAfterKrav.ShouldBe(looks + 1, "only /krav was a look");
        (await berit.PostAsync("/fritagelse", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Form.From"] = D(0), ["Form.Reason"] = "x",
        }))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await db.CountLooksAsync("mette")).ShouldBe(looksAfterKrav);
        (await (await fixture.App.SignedIn("jens")).GetAsync("/fritagelse")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await fixture.App.SignedIn("nina")).GetAsync("/fritagelse")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "no citizen chosen");

        var beritsTools = (await berit.GetPageAsync("/")).QuerySelectorAll("nav.staff-tools a").Select(a => a.GetAttribute("href"));
        beritsTools.ShouldBe(["/krav"]);
        var nina = await fixture.App.ViewingAsync("nina", "mette");
        (await nina.GetPageAsync("/")).QuerySelectorAll("nav.staff-tools a").Select(a => a.GetAttribute("href")).ShouldBe(["/krav", "/fritagelse"]);
        (await nina.GetPageAsync("/fritagelse")).QuerySelector("#no-exemptions")!.TextContent.ShouldBe("Borgeren har ingen fritagelser.");
        (await (await fixture.App.SignedIn("mette")).GetPageAsync("/")).QuerySelector("nav.staff-tools").ShouldBeNull();
    }
}
