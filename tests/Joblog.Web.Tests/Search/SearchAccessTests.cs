using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Joblog.Web.Tests.Infrastructure;
using Joblog.Web.Tests.Pages;
using Shouldly;

namespace Joblog.Web.Tests.Search;

/// <summary>
/// Who may search across citizens (jobcenter staff and jobcenter case systems, over their own municipality), the page
/// /udsoegning as a browser without JavaScript uses it, and what is recorded: one row per search, a look only when a
/// citizen is opened from the result.
/// </summary>
public sealed class SearchAccessTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private PostgresConnection Db => new(fixture.App.ConnectionString);

    private const string AllGroups = "Maalgruppe=dagpenge&Maalgruppe=dimittend&Maalgruppe=jobready&Maalgruppe=educationready&Maalgruppe=ledighedsydelse" +
                                     "&Maalgruppe=sickness&Maalgruppe=resource&Maalgruppe=flexjob&Maalgruppe=other";

    [Fact]
    public async Task A_jobcenter_finds_only_citizens_of_its_own_municipality()
    {
        foreach (var (staff, municipality, mine, other) in new[] { ("nina", "0751", "mette", "emma"), ("karl", "0101", "emma", "mette") })
        {
            var client = await fixture.App.SignedIn(staff);
            // This month only: Emma has been a dimittend for 45 days (the past-period rule).
            var found = await SearchTestData.SearchAsync(client, new { periodFrom = SearchTestData.MonthText(0), includeExempt = true, limit = 500 });
            var ids = found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("citizenId").GetGuid()).ToArray();
            found.GetProperty("total").GetInt32().ShouldBe(ids.Length);
            ids.Length.ShouldBeGreaterThan(10);
            (await Db.ScalarAsync<long>("select count(*) from citizens where id = any(@ids) and municipality_code <> @municipality", new { ids, municipality })).ShouldBe(0);
            ids.ShouldContain(Clients.CitizenId(mine));
            ids.ShouldNotContain(Clients.CitizenId(other));
        }
        var system = await SearchTestData.SearchAsync(fixture.App.System("demo-jc-0751-system-key"), new { });
        system.GetProperty("total").GetInt32().ShouldBeGreaterThan(10);
    }

    [Theory]
    [InlineData("berit")]
    [InlineData("ole")]
    [InlineData("stine")]
    [InlineData("mette")]
    public async Task Anyone_but_jobcenter_staff_gets_404_from_the_page_and_the_api(string persona)
    {
        var client = await fixture.App.SignedIn(persona);
        (await client.PostAsJsonAsync("/api/v1/searches", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/udsoegning")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/udsoegning?Soeg=1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetStringAsync("/")).ShouldNotContain("href=\"/udsoegning\"");
    }

    [Theory]
    [InlineData("demo-ak-01-system-key")]
    [InlineData("demo-ak-02-system-key")]
    public async Task An_akasse_case_system_gets_404(string key) =>
        (await fixture.App.System(key).PostAsJsonAsync("/api/v1/searches", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

    [Fact]
    public async Task Nobody_signed_in_gets_401_from_the_api_and_the_login_from_the_page()
    {
        (await fixture.App.Anonymous().PostAsJsonAsync("/api/v1/searches", new { })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var page = await fixture.App.Anonymous().GetAsync("/udsoegning");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task The_page_searches_with_a_get_of_criteria_sorts_and_pages_by_links_and_records_each_search_once()
    {
        var nina = await fixture.App.SignedIn("nina");
        (await nina.GetStringAsync("/")).ShouldContain("href=\"/udsoegning\"");
        var before = await Db.ScalarAsync<long>("select count(*) from searches");
        var looks = await Db.ScalarAsync<long>("select count(*) from access_log");

        var form = await nina.GetPageAsync("/udsoegning");
        form.QuerySelector("#result-table").ShouldBeNull();
        (await Db.ScalarAsync<long>("select count(*) from searches")).ShouldBe(before); // the empty form is no search
        // The form offers today's groups with a duty to log, ticked, and the last three months.
        form.QuerySelectorAll("input[name=Maalgruppe][checked]").Select(i => i.GetAttribute("value")).ShouldBe(
            ["dagpenge", "dimittend", "educationready", "jobready", "ledighedsydelse"], ignoreOrder: true);
        ((IHtmlSelectElement)form.QuerySelector("#Fra")!).Value.ShouldBe(SearchTestData.MonthText(2));
        ((IHtmlSelectElement)form.QuerySelector("#Til")!).Value.ShouldBe(SearchTestData.MonthText(0));

        var url = $"/udsoegning?Soeg=1&{AllGroups}&Fra={SearchTestData.MonthText(2)}&Til={SearchTestData.MonthText(0)}&MaxAnsoegninger=1000";
        var page = await nina.GetPageAsync(url);
        var total = await Db.ScalarAsync<int>("select found from searches order by id desc limit 1");
        total.ShouldBeGreaterThan(50);
        page.QuerySelector("#result-heading")!.TextContent.ShouldBe($"Borgere fundet: {total}");
        page.QuerySelectorAll("#result-table tbody tr").Length.ShouldBe(50);
        (await Db.ScalarAsync<long>("select count(*) from searches")).ShouldBe(before + 1);
        (await Db.QueryAsync<(string Format, string ActorId, string Organisation)>(
            "select format, actor_id, organisation_id from searches order by id desc limit 1")).Single().ShouldBe(("page", "nina", "jc-0751"));

        // Sort by name: a link with the same criteria; the column says how it is sorted.
        var sortLink = page.QuerySelectorAll("#result-table th a").First(a => a.TextContent == "Navn").GetAttribute("href")!;
        sortLink.ShouldContain("Sorter=name");
        sortLink.ShouldContain("MaxAnsoegninger=1000");
        var sorted = await nina.GetPageAsync(sortLink);
        sorted.QuerySelectorAll("#result-table th").First(th => th.TextContent.Trim() == "Navn").GetAttribute("aria-sort").ShouldBe("ascending");
        var names = sorted.QuerySelectorAll("#result-table tbody tr td:first-child").Select(td => td.TextContent).ToList();
        names.ShouldBe(names.Order(StringComparer.Create(new System.Globalization.CultureInfo("da-DK"), false)).ToList());
        var next = sorted.QuerySelector("nav.pagination a.button-next")!.GetAttribute("href")!;
        next.ShouldContain("Side=2");
        var second = await nina.GetPageAsync(next);
        second.QuerySelectorAll("#result-table tbody tr td:first-child").Select(td => td.TextContent).ShouldNotContain(names[0]);
        (await Db.ScalarAsync<long>("select count(*) from searches")).ShouldBe(before + 3);
        (await Db.ScalarAsync<long>("select count(*) from access_log")).ShouldBe(looks); // names in a result are not looks
        foreach (var link in new[] { url, sortLink, next }) link.ShouldNotMatch(@"\d{6}-?\d{4}");
    }

    [Fact]
    public async Task The_page_shows_danish_errors_in_the_summary_and_beside_the_fields()
    {
        var nina = await fixture.App.SignedIn("nina");
        var page = await nina.GetPageAsync($"/udsoegning?Soeg=1&Fra={SearchTestData.MonthText(0)}&Til={SearchTestData.MonthText(1)}&MinAnsoegninger=mange&MaxKm=-3");
        var summary = page.QuerySelector(".alert-error")!.TextContent;
        summary.ShouldContain("Der er problemer");
        summary.ShouldContain("Vælg mindst én målgruppe");
        summary.ShouldContain("Indtast mindste antal ansøgninger som et helt tal fra 0 til 9999");
        summary.ShouldContain("Indtast den længste afstand i km som et helt tal fra 0 til 1000");
        page.QuerySelector("#MinAnsoegninger-error")!.TextContent.ShouldContain("Indtast mindste antal ansøgninger");
        page.QuerySelector("#Maalgruppe-error")!.TextContent.ShouldContain("Vælg mindst én målgruppe");
        page.QuerySelector(".alert-error a[href='#Maalgruppe']").ShouldNotBeNull();

        var order = await nina.GetPageAsync($"/udsoegning?Soeg=1&Maalgruppe=dagpenge&Fra={SearchTestData.MonthText(0)}&Til={SearchTestData.MonthText(1)}");
        order.QuerySelector("#Fra-error")!.TextContent.ShouldContain("Vælg en fra-måned, der ligger før eller er samme måned som til-måneden");
    }

    [Fact]
    public async Task The_csv_button_posts_the_criteria_and_gets_the_file_with_cpr_numbers()
    {
        var nina = await fixture.App.SignedIn("nina");
        var page = await nina.GetPageAsync($"/udsoegning?Soeg=1&Maalgruppe=dagpenge&Fra={SearchTestData.MonthText(1)}&Til={SearchTestData.MonthText(0)}&Sorter=name");
        var response = await nina.SubmitAsync(page, "#csv-form", []);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldContain("610190-0001;Mette Demo;Dagpengemodtager;");
        var found = await Db.QueryAsync<(string Format, int Found)>("select format, found from searches order by id desc limit 1");
        found.Single().Format.ShouldBe("csv");
        text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(found.Single().Found + 1);
    }

    [Fact]
    public async Task Opening_a_citizen_from_the_result_is_a_look_through_the_gate()
    {
        var nina = await fixture.App.SignedIn("nina");
        var (page, row) = await RowAsync(nina, "Mette Demo");
        var mette = Clients.CitizenId("mette");
        var form = row.QuerySelector("form")!;
        form.QuerySelector("input[name=citizenId]")!.GetAttribute("value").ShouldBe(mette.ToString());
        form.Id = "open-mette";
        var looks = await Db.ScalarAsync<long>("select count(*) from access_log where citizen_id = @mette and what = 'search.open'", new { mette });

        var opened = await nina.SubmitAsync(page, "#open-mette", []);
        opened.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        opened.Headers.Location!.OriginalString.ShouldBe("/");
        (await Db.ScalarAsync<long>("select count(*) from access_log where citizen_id = @mette and what = 'search.open' and actor_id = 'nina'", new { mette }))
            .ShouldBe(looks + 1);
        (await nina.GetStringAsync("/")).ShouldContain("Du ser Jobnet for Mette Demo");

        // A citizen of another municipality cannot be opened by posting their id: 404, and no look.
        var emma = Clients.CitizenId("emma");
        var refused = await nina.SubmitAsync(page, "#open-mette", new() { ["citizenId"] = emma.ToString() });
        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Db.ScalarAsync<long>("select count(*) from access_log where citizen_id = @emma", new { emma })).ShouldBe(0);
    }

    /// <summary>The page of a dagpenge search (this month and the last) with the row of <paramref name="name"/>, following "Næste".</summary>
    private static async Task<(IHtmlDocument Page, AngleSharp.Dom.IElement Row)> RowAsync(HttpClient client, string name)
    {
        var url = $"/udsoegning?Soeg=1&Maalgruppe=dagpenge&Fra={SearchTestData.MonthText(1)}&Til={SearchTestData.MonthText(0)}";
        while (true)
        {
            var page = await client.GetPageAsync(url);
            var row = page.QuerySelectorAll("#result-table tbody tr").FirstOrDefault(tr => tr.QuerySelector("td")!.TextContent == name);
            if (row is not null) return (page, row);
            url = page.QuerySelector("nav.pagination a.button-next")?.GetAttribute("href") ?? throw new ShouldAssertException($"{name} is not in the result");
        }
    }

    [Fact]
    public async Task The_history_names_a_look_from_a_search()
    {
        var nina = await fixture.App.SignedIn("nina");
        var (page, row) = await RowAsync(nina, "Mette Demo");
        row.QuerySelector("form")!.Id = "open";
        (await nina.SubmitAsync(page, "#open", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var mette = await fixture.App.SignedIn("mette");
        var history = await mette.GetFromJsonAsync<JsonElement>($"/api/v1/citizens/{Clients.CitizenId("mette")}/access-log");
        history.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("what").GetString()).ShouldContain("search.open");
        (await mette.GetStringAsync("/historik/login")).ShouldContain("Åbnet fra en udsøgning");
    }
}
