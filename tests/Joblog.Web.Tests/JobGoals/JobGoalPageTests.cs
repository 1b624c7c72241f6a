using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Joblog.Web.Tests.Infrastructure;
using Joblog.Web.Tests.Pages;
using Shouldly;

namespace Joblog.Web.Tests.JobGoals;

/// <summary>/jobmaal driven by form posts as a browser without JavaScript would: the server resolves the typed occupation.</summary>
public sealed class JobGoalPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Form = "main form[method=post]";
    private readonly PostgresConnection db = new(fixture.ConnectionString);

    private static Dictionary<string, string> Goal(string occupation, string trained = "True", string years = "3", string months = "", string last = "") => new()
    {
        ["Form.Occupation"] = occupation, ["Form.Trained"] = trained, ["Form.ExperienceYears"] = years,
        ["Form.ExperienceMonths"] = months, ["Form.LastWorkedYear"] = last,
    };

    private Task<IReadOnlyList<string>> CodesAsync(string persona) =>
        db.QueryAsync<string>("select occupation_code from job_goals where citizen_id = @id order by position", new { id = Clients.CitizenId(persona) });

    private static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return HtmlForms.Parse(await response.Content.ReadAsStringAsync());
    }

    private static List<(string? Href, string Text)> SummaryLinks(IHtmlDocument page) =>
        page.QuerySelectorAll(".alert-error a.function-link").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())).ToList();

    [Fact]
    public async Task the_page_lists_the_goals_with_their_experience_and_says_at_least_one_is_needed()
    {
        var mette = await fixture.App.SignedIn("mette");

        var page = await mette.GetPageAsync("/jobmaal");

        page.QuerySelector("h1")!.TextContent.ShouldBe("Jeg søger job som");
        page.QuerySelector(".font-lead")!.TextContent.ShouldContain("Du skal have mindst ét jobmål");
        var goals = page.QuerySelectorAll(".job-goal").Select(g => g.TextContent).ToList();
        goals.Count.ShouldBe(2);
        goals[0].ShouldContain("Kontorassistenter");
        goals[0].ShouldContain("6 år og 3 måneder");
        goals[1].ShouldContain("Bogholderiassistenter");
        goals[1].ShouldContain("Nej");
    }

    [Fact]
    public async Task a_typed_job_title_is_resolved_on_the_server_and_the_goal_added_with_who_and_channel()
    {
        var lars = await fixture.App.SignedIn("lars");

        var response = await lars.SubmitAsync(await lars.GetPageAsync("/jobmaal/nyt"), Form, Goal("elektromekanikere", years: "4", months: "6", last: "2025"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/jobmaal");
        var list = await lars.GetPageAsync("/jobmaal");
        list.QuerySelector(".alert-success")!.TextContent.ShouldContain("Dit jobmål er gemt");
        list.QuerySelectorAll(".job-goal")[^1].TextContent.ShouldContain("4 år og 6 måneder");
        (await CodesAsync("lars")).ShouldBe(["7411", "7412"]);
        (await db.QueryAsync<(string Kind, string Channel)>("select actor_kind, channel from job_goal_versions where citizen_id = @id",
            new { id = Clients.CitizenId("lars") })).ShouldBe([("citizen", "jobnet")]);
    }

    [Fact]
    public async Task errors_are_shown_in_the_summary_and_beside_the_fields_and_nothing_is_written()
    {
        var sofie = await fixture.App.SignedIn("sofie");
        var form = await sofie.GetPageAsync("/jobmaal/nyt");

        var page = await ParseAsync(await sofie.SubmitAsync(form, Form, Goal("", trained: "", years: "mange", months: "12", last: "2999")));

        page.QuerySelector(".alert-error .alert-heading")!.TextContent.ShouldBe("Der er problemer");
        SummaryLinks(page).ShouldBe([
            ("#Form_Occupation", "Skriv det fag, du søger job som, fx Kontorassistent"),
            ("#Form_Trained", "Vælg, om du er uddannet inden for faget"),
            ("#Form_ExperienceYears", "Skriv antal år som et tal fra 0 til 60"),
            ("#Form_ExperienceMonths", "Skriv antal måneder som et tal fra 0 til 11"),
            ("#Form_LastWorkedYear", "Skriv et årstal, der ikke ligger i fremtiden"),
        ]);
        page.QuerySelector("#Form_ExperienceYears")!.GetAttribute("aria-invalid").ShouldBe("true");
        page.QuerySelector("#Form_ExperienceYears-error")!.TextContent.ShouldContain("Skriv antal år som et tal fra 0 til 60");
        page.QuerySelector<IHtmlInputElement>("#Form_ExperienceYears")!.Value.ShouldBe("mange");
        (await CodesAsync("sofie")).ShouldBe(["5322"]);

        var unknown = await ParseAsync(await sofie.SubmitAsync(form, Form, Goal("xqzvw blorp", last: "24")));
        SummaryLinks(unknown).ShouldBe([
            ("#Form_Occupation", "Vi kan ikke finde faget. Prøv et andet ord, fx Kontorassistent eller Pædagog"),
            ("#Form_LastWorkedYear", "Skriv årstallet med 4 cifre fra 1950 og frem, fx 2024"),
        ]);
        var duplicate = await ParseAsync(await sofie.SubmitAsync(form, Form, Goal("Social- og sundhedshjælper")));
        SummaryLinks(duplicate).ShouldBe([("#Form_Occupation", "Du har allerede dette fag som jobmål. Vælg et andet fag")]);
        (await CodesAsync("sofie")).ShouldBe(["5322"]);
    }

    [Fact]
    public async Task an_ambiguous_title_offers_the_candidates_as_radios_and_the_choice_is_saved()
    {
        var ali = await fixture.App.SignedIn("ali");
        var form = await ali.GetPageAsync("/jobmaal/nyt");

        var ask = await ParseAsync(await ali.SubmitAsync(form, Form, Goal("Pædagog", years: "")));

        SummaryLinks(ask).ShouldBe([("#Form_OccupationCode", "Vælg et fag fra listen"), ("#Form_ExperienceYears", "Skriv antal år som et tal fra 0 til 60")]);
        ask.QuerySelectorAll("input[name='Form.OccupationCode']").Select(r => r.GetAttribute("value")).ShouldBe(["2342", "5311"]);
        ask.QuerySelector("input[name='Form.OccupationQuery']")!.GetAttribute("value").ShouldBe("Pædagog");

        // The choice is kept even when another field still has an error.
        var choice = Goal("Pædagog", years: "x");
        choice["Form.OccupationCode"] = "5311";
        choice["Form.OccupationQuery"] = "Pædagog";
        var again = await ParseAsync(await ali.SubmitAsync(form, Form, choice));
        SummaryLinks(again).ShouldBe([("#Form_ExperienceYears", "Skriv antal år som et tal fra 0 til 60")]);
        again.QuerySelector<IHtmlInputElement>("#Form_Occupation")!.Value.ShouldBe("Børnepassere og pædagogmedhjælpere");

        var saved = await ali.SubmitAsync(form, Form, Goal(again.QuerySelector<IHtmlInputElement>("#Form_Occupation")!.Value, trained: "False", years: "1"));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CodesAsync("ali")).ShouldBe(["5311"]);
    }

    [Fact]
    public async Task a_goal_is_edited_and_a_stale_form_is_refused_keeping_what_was_typed()
    {
        var mette = await fixture.App.SignedIn("mette");
        var editA = await mette.GetPageAsync("/jobmaal/2/rediger");
        var editB = await mette.GetPageAsync("/jobmaal/2/rediger");
        editA.QuerySelector<IHtmlInputElement>("#Form_Occupation")!.Value.ShouldBe("Bogholderiassistenter");
        editA.QuerySelector<IHtmlInputElement>("#Form_Trained-2")!.IsChecked.ShouldBeTrue(); // "Nej"

        (await mette.SubmitAsync(editA, Form, Goal("Bogholderiassistenter", trained: "False", years: "3", last: "2023"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stale = await ParseAsync(await mette.SubmitAsync(editB, Form, Goal("Bogholderiassistenter", trained: "True", years: "9")));

        stale.QuerySelector(".alert-error")!.TextContent.ShouldContain("Dine jobmål er blevet ændret");
        stale.QuerySelector<IHtmlInputElement>("#Form_ExperienceYears")!.Value.ShouldBe("9");
        (await db.ScalarAsync<int>("select experience_years from job_goals where citizen_id = @id and occupation_code = '4311'",
            new { id = Clients.CitizenId("mette") })).ShouldBe(3);
        (await mette.GetAsync("/jobmaal/3/rediger")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task the_last_goal_cannot_be_removed_but_one_of_two_can()
    {
        var emma = await fixture.App.SignedIn("emma");
        var page = await emma.GetPageAsync("/jobmaal");

        var refused = await ParseAsync(await emma.SubmitAsync(page, "form[action*='handler=Remove']", []));

        refused.QuerySelector(".alert-error")!.TextContent.ShouldContain("Du skal have mindst ét jobmål. Tilføj et nyt jobmål, før du fjerner det sidste");
        (await CodesAsync("emma")).ShouldBe(["2431"]);

        (await emma.SubmitAsync(await emma.GetPageAsync("/jobmaal/nyt"), Form, Goal("Kommunikationsmedarbejder"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var two = await emma.GetPageAsync("/jobmaal");
        var removed = await emma.SubmitAsync(two, "form[action*='handler=Remove']", []);
        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CodesAsync("emma")).ShouldBe(["2432"]);
        (await emma.GetPageAsync("/jobmaal")).QuerySelector(".alert-success")!.TextContent.ShouldContain("Jobmålet Markedsføringskonsulenter er fjernet");
    }

    [Fact]
    public async Task the_employment_conditions_are_checked_saved_and_shown()
    {
        var jens = await fixture.App.SignedIn("jens");
        var form = await jens.GetPageAsync("/jobmaal/vilkaar");

        var bad = await ParseAsync(await jens.SubmitAsync(form, Form, new() { ["Form.WeeklyHours"] = "70", ["Form.EarliestStart"] = "31-02-2027" }));
        SummaryLinks(bad).ShouldBe([
            ("#Form_WeeklyHours", "Skriv antal timer om ugen som et tal fra 1 til 60"),
            ("#Form_EarliestStart", "Indtast en gyldig dato som DD-MM-ÅÅÅÅ, fx 24-12-2026"),
        ]);

        var saved = await jens.SubmitAsync(form, Form, new() { ["Form.WeeklyHours"] = "37", ["Form.EarliestStart"] = "04-01-2027" });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var list = await jens.GetPageAsync("/jobmaal");
        var text = list.QuerySelector("main")!.TextContent;
        text.ShouldContain("37 timer");
        text.ShouldContain("04-01-2027");
        text.ShouldContain("Du har ikke noget jobmål endnu");
    }
}
