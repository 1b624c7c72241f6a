using System.Net;
using Joblog.Web.Tests.Infrastructure;
using Joblog.Web.Tests.Pages;
using Shouldly;

namespace Joblog.Web.Tests.Access;

/// <summary>"Se borgers Jobnet": a caseworker enters a CPR number and sees the citizen's own pages, read only.</summary>
public sealed class CaseworkerViewTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string NoRights = "Du har ikke rettigheder til at foretage denne handling";
    private JoblogApp App => fixture.App;
    private PostgresConnection Db => new(fixture.ConnectionString);

    private Task<long> LooksAsync(string persona, string actor, string what) => Db.ScalarAsync<long>(
        "select count(*) from access_log where citizen_id = @id and actor_id = @actor and what = @what",
        new { id = Clients.CitizenId(persona), actor, what });

    [Fact]
    public async Task Nina_enters_mettes_cpr_and_sees_her_front_page_with_the_banner_and_mette_sees_both_looks()
    {
        var nina = await App.SignedIn("nina");
        var lookups = await LooksAsync("mette", "nina", "citizen.lookup");
        var frontPages = await LooksAsync("mette", "nina", "frontpage.read");
        var answer = await nina.LookUpAsync(CaseworkerTestData.Cpr("mette"));
        answer.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        answer.Headers.Location!.OriginalString.ShouldBe("/");
        answer.Headers.Location.OriginalString.ShouldNotContain("6101");

        var home = await nina.GetPageAsync("/");
        home.QuerySelector("h1")!.TextContent.ShouldBe("Velkommen, Mette Demo");
        var banner = home.QuerySelector(".viewing-banner")!.TextContent;
        banner.ShouldContain("Du ser Jobnet for Mette Demo");
        banner.ShouldContain("Du kan kun læse");
        banner.ShouldContain("Mette Demo kan i sin historik se, at Jobcenter Aarhus har set oplysningerne");
        home.QuerySelectorAll("a[href='/sagsbehandleradgang']").Select(a => a.TextContent.Trim()).ShouldContain("Skift til anden borger");

        (await LooksAsync("mette", "nina", "citizen.lookup")).ShouldBe(lookups + 1);
        (await LooksAsync("mette", "nina", "frontpage.read")).ShouldBe(frontPages + 1);
        var mette = await App.SignedIn("mette");
        var history = (await mette.GetPageAsync("/historik/login")).QuerySelector("table tbody")!.TextContent;
        history.ShouldContain("Nina Demo");
        history.ShouldContain("Opslag på dit CPR-nummer");
        history.ShouldContain("Din forside på Jobnet");
    }

    [Fact]
    public async Task The_joblog_a_log_with_its_history_saved_jobs_and_job_goals_show_mettes_data_without_change_controls()
    {
        var mette = await App.SignedIn("mette");
        var (logId, title) = await mette.NewestLogAsync("mette");
        var ownList = await mette.GetPageAsync("/joblog");
        ownList.QuerySelector("a[href='/joblog/ny/jobsoegning']").ShouldNotBeNull("the citizen's own list has the add button");

        string[] whats = ["joblog.list", "log.read", "jobgoals.read", "savedJobs.list"];
        var before = new List<long>();
        foreach (var what in whats) before.Add(await LooksAsync("mette", "nina", what));
        var nina = await App.ViewingAsync("nina", "mette");
        var list = await nina.GetPageAsync("/joblog");
        list.QuerySelector(".viewing-banner").ShouldNotBeNull();
        list.QuerySelector("tbody, .log-list")!.TextContent.ShouldContain(title);
        list.QuerySelector("a[href^='/joblog/ny']").ShouldBeNull();

        var details = await nina.GetPageAsync($"/joblog/{logId}");
        details.QuerySelector("h1")!.TextContent.ShouldContain(title);
        details.QuerySelector($"a[href='/joblog/{logId}/rediger']").ShouldBeNull();
        details.QuerySelector($"a[href='/joblog/{logId}/slet']").ShouldBeNull();
        details.QuerySelectorAll("main form[method=post]").ShouldBeEmpty();
        details.QuerySelector("main")!.TextContent.ShouldContain("Historik");

        var goals = await nina.GetPageAsync("/jobmaal");
        goals.QuerySelector("main")!.TextContent.ShouldContain("Kontorassistent");
        goals.QuerySelector("a[href='/jobmaal/nyt']").ShouldBeNull();
        goals.QuerySelectorAll("main form[method=post]").ShouldBeEmpty();

        var saved = await nina.GetPageAsync("/gemte-job");
        saved.QuerySelector(".viewing-banner").ShouldNotBeNull();
        saved.QuerySelectorAll("main form[method=post]").ShouldBeEmpty();
        saved.QuerySelector("a[href$='/fjern']").ShouldBeNull();

        for (var i = 0; i < whats.Length; i++)
            (await LooksAsync("mette", "nina", whats[i])).ShouldBe(before[i] + 1, whats[i]);
    }

    [Fact]
    public async Task Every_attempt_to_change_answers_403_with_the_message_changes_nothing_and_records_no_look()
    {
        var mette = await App.SignedIn("mette");
        var (logId, _) = await mette.NewestLogAsync("mette");
        var before = await Db.ScalarAsync<int>("select version from logs where id = @logId", new { logId });
        var nina = await App.ViewingAsync("nina", "mette");
        var token = (await nina.GetPageAsync("/joblog")).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        var looksBefore = await Db.CountLooksAsync("mette");

        string[] forms = ["/joblog/ny/jobsoegning", "/joblog/ny/anden-aktivitet", $"/joblog/{logId}/rediger", $"/joblog/{logId}/slet", "/jobmaal/nyt", "/jobmaal/vilkaar", "/joblog/ny/fra-link"];
        foreach (var url in forms)
        {
            var get = await nina.GetAsync(url);
            get.StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
            (await get.Content.ReadAsStringAsync()).ShouldContain(NoRights);
        }
        string[] posts = [$"/joblog/{logId}?handler=Close", $"/joblog/{logId}/rediger", $"/joblog/{logId}/slet", "/gemte-job", "/kalender?handler=NewFeed", "/jobmaal?handler=Remove", "/joblog/ny/jobsoegning"];
        foreach (var url in posts)
        {
            var post = await nina.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["version"] = before.ToString(global::System.Globalization.CultureInfo.InvariantCulture), ["JobTitle"] = "Ændret",
            }));
            post.StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
            (await post.Content.ReadAsStringAsync()).ShouldContain(NoRights);
        }
        (await Db.ScalarAsync<int>("select version from logs where id = @logId", new { logId })).ShouldBe(before);
        (await Db.CountLooksAsync("mette")).ShouldBe(looksBefore);
    }

    [Fact]
    public async Task A_cpr_that_is_unknown_or_not_permitted_gets_the_same_404_and_no_look_is_recorded()
    {
        var nina = await App.SignedIn("nina");
        var looks = await Db.ScalarAsync<long>("select count(*) from access_log");

        var emma = await nina.LookUpAsync(CaseworkerTestData.Cpr("emma"));
        var unknown = await nina.LookUpAsync("700101-4321");
        emma.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var emmaText = HtmlForms.Parse(await emma.Content.ReadAsStringAsync()).QuerySelector(".alert-error")!.TextContent;
        var unknownText = HtmlForms.Parse(await unknown.Content.ReadAsStringAsync()).QuerySelector(".alert-error")!.TextContent;
        emmaText.ShouldContain("Du kan ikke se Jobnet for dette CPR-nummer");
        emmaText.ShouldBe(unknownText);
        emmaText.ShouldNotContain("Emma");

        (await Db.ScalarAsync<long>("select count(*) from access_log")).ShouldBe(looks);
        (await nina.GetAsync("/joblog")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "nothing chosen, nothing shown");
    }

    [Theory]
    [InlineData("", "Indtast borgerens CPR-nummer")]
    [InlineData("12345", "Indtast et gyldigt CPR-nummer med 10 cifre, fx 010190-1234")]
    [InlineData("321390-1234", "Indtast et gyldigt CPR-nummer med 10 cifre, fx 010190-1234")]
    public async Task A_missing_or_malformed_cpr_is_explained_in_the_summary_and_beside_the_field(string cpr, string message)
    {
        var nina = await App.SignedIn("nina");
        var answer = await nina.LookUpAsync(cpr);
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = HtmlForms.Parse(await answer.Content.ReadAsStringAsync());
        page.QuerySelector(".alert-error a[href='#Cpr']")!.TextContent.ShouldBe(message);
        page.QuerySelector("#Cpr-error, .form-error-message")!.TextContent.ShouldContain(message);
    }

    [Fact]
    public async Task Replacement_numbers_and_numbers_failing_modulus_11_are_looked_up_not_rejected()
    {
        // 650588-0005 (Lars) is a replacement number (day 65 = 5 + 60) and fails modulus 11.
        var weights = new[] { 4, 3, 2, 7, 6, 5, 4, 3, 2, 1 };
        var digits = CaseworkerTestData.Cpr("lars").Replace("-", "", StringComparison.Ordinal);
        (digits.Select((d, i) => (d - '0') * weights[i]).Sum() % 11).ShouldNotBe(0);
        var nina = await App.SignedIn("nina");
        (await nina.LookUpAsync(CaseworkerTestData.Cpr("lars"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await nina.LookUpAsync("6505880005")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "without the dash too");
    }

    [Fact]
    public async Task Skift_til_anden_borger_switches_in_a_new_session_and_afslut_ends_the_view()
    {
        var nina = await App.ViewingAsync("nina", "mette");
        var sessionsBefore = await Db.ScalarAsync<long>("select count(*) from sessions");
        (await nina.LookUpAsync(CaseworkerTestData.Cpr("ali"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Db.ScalarAsync<long>("select count(*) from sessions")).ShouldBe(sessionsBefore, "the old session is replaced, not kept");
        (await nina.GetPageAsync("/joblog")).QuerySelector(".viewing-banner")!.TextContent.ShouldContain("Ali Demo");

        var lookup = await nina.GetPageAsync("/sagsbehandleradgang");
        (await nina.SubmitAsync(lookup, "form[action*='handler=Stop']", new())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await nina.GetAsync("/joblog")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await nina.GetPageAsync("/")).QuerySelector(".viewing-banner").ShouldBeNull();
    }

    [Fact]
    public async Task When_the_course_ends_the_chosen_citizen_is_closed_at_once()
    {
        var berit = await App.ViewingAsync("berit", "emma");
        (await berit.GetAsync("/joblog")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Db.ExecuteAsync(
            "update target_group_periods set ends_on = current_date - 1 where citizen_id = @id and ends_on is null", new { id = Clients.CitizenId("emma") });

        (await berit.GetAsync("/joblog")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var home = await berit.GetPageAsync("/");
        home.QuerySelector("main")!.TextContent.ShouldContain("Du har ikke længere adgang til den borger");
        home.QuerySelector("main")!.TextContent.ShouldNotContain("Emma");
    }

    [Fact]
    public async Task The_history_is_withheld_from_caseworkers_with_ingen_adgang_and_why()
    {
        var berit = await App.ViewingAsync("berit", "mette");
        var looks = await LooksAsync("mette", "berit", "history.open");
        var answer = await berit.GetAsync("/historik/login");
        answer.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var page = HtmlForms.Parse(await answer.Content.ReadAsStringAsync());
        page.QuerySelector(".withheld")!.TextContent.ShouldContain("Ingen adgang: Historik");
        page.QuerySelector(".withheld")!.TextContent.ShouldContain("Sagsbehandlere og fagsystemer har ikke adgang til den");
        page.QuerySelector("table").ShouldBeNull();
        (await LooksAsync("mette", "berit", "history.open")).ShouldBe(looks + 1, "a permitted look, recorded once, though nothing of the history was shown");

        var nina = await App.ViewingAsync("nina", "mette");
        (await nina.GetAsync("/historik/login")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_akasse_sees_on_the_front_page_what_is_held_back_and_the_jobcenter_only_the_history()
    {
        var berit = await App.ViewingAsync("berit", "mette");
        var withheld = (await berit.GetPageAsync("/")).QuerySelectorAll(".withheld-list li").Select(l => l.TextContent).ToList();
        withheld.Count.ShouldBe(8);
        withheld.ShouldContain(t => t.Contains("Indholdet af beskeder, som a-kassen ikke er part i") && t.Contains("brevhemmeligheden"));
        withheld.ShouldContain(t => t.Contains("Perioder og indsatser i andre målgrupper"));

        var nina = await App.ViewingAsync("nina", "mette");
        var ninas = (await nina.GetPageAsync("/")).QuerySelectorAll(".withheld-list li").Select(l => l.TextContent).ToList();
        ninas.ShouldHaveSingleItem().ShouldContain("Historik");
    }

    [Fact]
    public async Task A_citizen_cannot_use_the_caseworker_lookup()
    {
        var mette = await App.SignedIn("mette");
        (await mette.GetAsync("/sagsbehandleradgang")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var anonymous = App.Anonymous();
        (await anonymous.GetAsync("/sagsbehandleradgang")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
