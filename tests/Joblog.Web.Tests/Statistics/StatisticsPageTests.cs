using System.Net;
using System.Text;
using AngleSharp.Dom;
using Joblog.Web.Tests.Infrastructure;
using Joblog.Web.Tests.Pages;
using Shouldly;

namespace Joblog.Web.Tests.Statistics;

/// <summary>/statistik and its CSV files on the hand-made world (<see cref="StatisticsFixture"/>).</summary>
public sealed class StatisticsPageTests(StatisticsFixture fixture) : IClassFixture<StatisticsFixture>
{
    private const string March = "/statistik?Maaned=2019-03&Maalgruppe=educationready";

    private static string[] Cells(IElement row) => row.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToArray();

    [Fact]
    public async Task The_agency_sees_the_municipalities_ranked_by_share_with_the_benchmark_in_words_and_the_hidden_ones_last()
    {
        using var stine = await fixture.App.SignedIn("stine");
        var page = await stine.GetPageAsync(March);

        page.QuerySelector("h1")!.TextContent.ShouldBe("Brug af Joblog");
        page.QuerySelector("#month-heading")!.TextContent.ShouldBe("Åbenlyst uddannelsesparate uddannelseshjælpsmodtagere, marts 2019");
        var rows = page.QuerySelectorAll("#ranking-table tbody tr").Select(Cells).ToList();
        rows.Count.ShouldBe(98);
        rows.Take(6).ShouldBe(
        [
            ["1", "Odense", "16", "10", "62,5 %", "0,6", "Rød"],
            ["2", "København", "12", "7", "58,3 %", "7,0", "Grøn"],
            ["3", "Frederiksberg", "11", "6", "54,5 %", "0,5", "Rød"],
            ["4", "Aarhus", "10", "5", "50,0 %", "0,5", "Rød"],
            ["5", "Esbjerg", "13", "5", "38,5 %", "0,4", "Rød"],
            ["6", "Skanderborg", "15", "5", "33,3 %", "0,3", "Rød"],
        ]);
        rows.Skip(6).ShouldAllBe(r => r[0] == "–", "the hidden ones have no rank and come last (by name, in Danish order)");
        rows.Single(r => r[1] == "Aalborg").ShouldBe(["–", "Aalborg", "5", "<5", "<5", "0,6", "Rød"]);
        rows.Single(r => r[1] == "Hjørring").ShouldBe(["–", "Hjørring", "<5", "<5", "<5", "<5", "<5"]);
        page.QuerySelectorAll("#ranking-table .benchmark-green .benchmark-mark").Length.ShouldBe(1, "the colour is beside its word");

        Cells(page.QuerySelector("#country-row")!).ShouldBe(["Hele landet", "86", "43", "50,0 %", "1,4", "Lysegrøn"]);
        // The six shown shares: 1/3, 5/13, 1/2, 6/11, 7/12, 10/16; quartiles at positions 1.25, 2.5 and 3.75.
        Cells(page.QuerySelector("#spread-table tbody tr")!).ShouldBe(["33,3 %", "41,3 %", "52,3 %", "57,4 %", "62,5 %"]);
        page.QuerySelector("#spread-note")!.TextContent.ShouldContain("(antal: 6)");
    }

    [Fact]
    public async Task A_jobcenter_sees_its_own_municipality_with_its_rank_against_the_country_and_no_other_municipality()
    {
        using var nina = await fixture.App.SignedIn("nina");
        var page = await nina.GetPageAsync(March);

        var own = page.QuerySelector("#own-row")!;
        own.QuerySelector("th")!.TextContent.ShouldContain("Aarhus");
        own.QuerySelector("th span")!.TextContent.ShouldBe("nr. 4 af 6 kommuner");
        Cells(own).Skip(1).ShouldBe(["10", "5", "50,0 %", "0,5", "Rød"]);
        Cells(page.QuerySelector("#country-row")!).ShouldBe(["Hele landet", "86", "43", "50,0 %", "1,4", "Lysegrøn"]);
        page.QuerySelector("#ranking-table").ShouldBeNull();
        page.QuerySelector("#Kommune").ShouldBeNull("the trend is Aarhus's; no other municipality to choose");
        page.QuerySelector("#share-table thead")!.TextContent.ShouldContain("Aarhus");
        page.Body!.TextContent.ShouldNotContain("Odense");
    }

    [Fact]
    public async Task The_trend_shows_the_country_and_the_chosen_municipality_in_a_chart_and_in_tables()
    {
        using var stine = await fixture.App.SignedIn("stine");
        var page = await stine.GetPageAsync("/statistik?Maaned=2019-04&Maalgruppe=educationready&Kommune=0101&Periode=12");

        page.QuerySelector("svg[aria-labelledby='share-chart-title share-chart-desc']").ShouldNotBeNull();
        var march = page.QuerySelectorAll("#share-table tbody tr").Select(Cells).Single(r => r[0] == "Marts 2019");
        march.ShouldBe(["Marts 2019", "50,0 %", "58,3 %"]);
        page.QuerySelectorAll("#share-table tbody tr").Length.ShouldBe(4, "12 months asked for; this world has January–April 2019");
        page.QuerySelectorAll("#per-citizen-table tbody tr").Select(Cells).Single(r => r[0] == "Marts 2019").ShouldBe(["Marts 2019", "1,4", "7,0", "Grøn"]);
        page.QuerySelector("#bar-chart-desc")!.TextContent.ShouldContain("Marts 2019: 7,0 (Grøn)");
        page.QuerySelector("#Kommune option[selected]")!.GetAttribute("value").ShouldBe("0101");
    }

    [Theory]
    [InlineData("mette")]
    [InlineData("berit")]
    public async Task Citizens_and_akasse_staff_get_403_from_the_page_and_its_files(string persona)
    {
        using var client = await fixture.App.SignedIn(persona);
        (await client.GetAsync("/statistik", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync("/statistik/csv?del=kommuner", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_month_as_CSV_is_what_the_page_shows_in_Danish_Excel_form()
    {
        using var stine = await fixture.App.SignedIn("stine");
        var answer = await stine.GetAsync("/statistik/csv?del=kommuner&Maaned=2019-03&Maalgruppe=educationready", TestContext.Current.CancellationToken);

        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        answer.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        answer.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("joblog-statistik-educationready-2019-03.csv");
        var bytes = await answer.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        lines[0].ShouldBe("Måned;Målgruppe;Nr.;Kommunekode;Område;Pligt til at joblogge;Har logget;Andel, der har logget (%);Ansøgninger pr. borger;Benchmark");
        lines[1].ShouldBe("2019-03;Åbenlyst uddannelsesparate uddannelseshjælpsmodtagere;;;Hele landet;86;43;50,0;1,4;Lysegrøn");
        lines[2].ShouldBe("2019-03;Åbenlyst uddannelsesparate uddannelseshjælpsmodtagere;1;0461;Odense;16;10;62,5;0,6;Rød");
        lines.ShouldContain("2019-03;Åbenlyst uddannelsesparate uddannelseshjælpsmodtagere;;0860;Hjørring;<5;<5;<5;<5;<5");
        lines.Length.ShouldBe(1 + 1 + 98 + 1, "header, country, 98 municipalities, and the empty string after the last CRLF");
        lines[^1].ShouldBeEmpty();
    }

    [Fact]
    public async Task A_jobcenters_trend_as_CSV_has_the_country_and_its_own_municipality_for_each_month()
    {
        using var nina = await fixture.App.SignedIn("nina");
        var answer = await nina.GetAsync("/statistik/csv?del=udvikling&Maaned=2019-03&Maalgruppe=educationready&Periode=12&Kommune=0101",
            TestContext.Current.CancellationToken);
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = Encoding.UTF8.GetString(await answer.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Måned;Målgruppe;Kommunekode;Område;Pligt til at joblogge;Har logget;Andel, der har logget (%);Ansøgninger pr. borger;Benchmark");
        lines.Length.ShouldBe(1 + 3 * 2, "the 12 months up to March 2019 of which this world has three");
        lines.ShouldContain("2019-03;Åbenlyst uddannelsesparate uddannelseshjælpsmodtagere;0751;Aarhus;10;5;50,0;0,5;Rød");
        text.ShouldNotContain("København", Case.Sensitive, "a jobcenter's choice of another municipality is ignored");
    }
}
