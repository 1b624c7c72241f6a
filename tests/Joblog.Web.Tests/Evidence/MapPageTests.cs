using System.Net;
using System.Text.Json;
using Joblog.Web.Features.Evidence;
using Joblog.Web.Tests.Infrastructure;
using Joblog.Web.Tests.Pages;
using Shouldly;

namespace Joblog.Web.Tests.Evidence;

/// <summary>/joblog/kort without JavaScript: the table of logs with a position and distance, the marker data, the CSP.</summary>
public sealed class MapPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly PostgresConnection db = new(fixture.ConnectionString);

    private async Task<HttpClient> JensWithLogsAsync()
    {
        var jens = await fixture.App.SignedIn("jens");
        if (await db.CountLogsAsync("jens") > 0) return jens;
        await jens.CreateLogAsync("jens", Job("Lagerchef", "Roskilde Lager", "4000", "Roskilde"));
        await jens.CreateLogAsync("jens", Job("Bogholder", "Nabo & Co", "2400", "København NV"));
        await jens.CreateLogAsync("jens", Job("Chauffør", "<b>Fragt</b>", "8000", "Aarhus C"));
        await jens.CreateLogAsync("jens", new { kind = "jobSearch", status = "applied", jobTitle = "Uden sted", employer = new { name = "Ukendt" } });
        var (closed, _) = await jens.CreateLogAsync("jens", Job("Afsluttet job", "Lukket A/S", "3400", "Hillerød"));
        await db.ExecuteAsync("update logs set closed = true where id = @id", new { id = closed.GetProperty("id").GetGuid() });
        return jens;
    }

    private static object Job(string title, string employer, string postalCode, string city) => new
    {
        kind = "jobSearch", status = "applied", jobTitle = title, employer = new { name = employer, postalCode, city },
    };

    [Fact]
    public async Task the_page_lists_the_logs_with_a_position_nearest_first_with_their_distance_from_home()
    {
        var jens = await JensWithLogsAsync();
        var home = await PlaceAsync("2400");

        var page = await jens.GetPageAsync("/joblog/kort");

        page.QuerySelector("h1")!.TextContent.ShouldBe("Dine logs på kort");
        page.QuerySelector("main")!.TextContent.ShouldContain("Dit hjem er 2400 København NV.");
        var rows = page.QuerySelectorAll("table tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
        rows.Select(r => r[0]).ShouldBe(["Bogholder", "Lagerchef", "Chauffør"]);
        rows[0][1..].ShouldBe(["Nabo & Co", "2400 København NV", "0,0 km", "Søgt"]);
        rows[1][3].ShouldBe($"{Km(home, await PlaceAsync("4000"))} km");
        rows[2][1..4].ShouldBe(["<b>Fragt</b>", "8000 Aarhus C", $"{Km(home, await PlaceAsync("8000"))} km"]);
        page.QuerySelector("main")!.TextContent.ShouldContain("1 logs om jobsøgning har ikke et postnummer, vi kender, og er ikke med på kortet.");
        page.QuerySelectorAll("table a").Select(a => a.GetAttribute("href")).ShouldAllBe(h => h!.StartsWith("/joblog/"));
    }

    [Fact]
    public async Task closed_logs_are_shown_only_when_asked_for()
    {
        var jens = await JensWithLogsAsync();

        var without = await jens.GetPageAsync("/joblog/kort");
        var with = await jens.GetPageAsync("/joblog/kort?Afsluttede=true");

        without.QuerySelectorAll("table tbody tr").Length.ShouldBe(3);
        with.QuerySelectorAll("table tbody tr").Length.ShouldBe(4);
        with.QuerySelector("table")!.TextContent.ShouldContain("Afsluttet job");
    }

    [Fact]
    public async Task the_markers_are_json_data_with_home_and_one_marker_per_place_and_the_configured_tiles()
    {
        var jens = await JensWithLogsAsync();

        var page = await jens.GetPageAsync("/joblog/kort");

        var block = page.QuerySelector("script#map-data")!;
        block.GetAttribute("type").ShouldBe("application/json");
        block.InnerHtml.ShouldNotContain("<b>", Case.Sensitive, "markup in the data is escaped, so it cannot end the script block");
        var data = JsonDocument.Parse(block.TextContent).RootElement;
        data.GetProperty("tileUrl").GetString().ShouldBe(ClosedTileServer.TileUrl);
        data.GetProperty("home").GetProperty("label").GetString().ShouldBe("Dit hjem: 2400 København NV");
        var places = data.GetProperty("places").EnumerateArray().ToList();
        places.Select(p => p.GetProperty("label").GetString()).ShouldBe(["2400 København NV (0,0 km)", $"4000 Roskilde ({Km(await PlaceAsync("2400"), await PlaceAsync("4000"))} km)", $"8000 Aarhus C ({Km(await PlaceAsync("2400"), await PlaceAsync("8000"))} km)"]);
        places[2].GetProperty("logs")[0].GetProperty("employer").GetString().ShouldBe("<b>Fragt</b>");
        page.QuerySelectorAll("script:not([src]):not([type='application/json'])").Length.ShouldBe(0, "no inline script (the CSP forbids it)");
        page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")).ShouldContain(s => s!.StartsWith("/lib/leaflet/leaflet.js"));
    }

    [Fact]
    public async Task the_csp_lets_images_come_from_the_tile_server_and_nowhere_else()
    {
        var jens = await JensWithLogsAsync();

        var response = await jens.GetAsync("/joblog/kort");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.Split(';').Select(d => d.Trim()).ShouldContain($"img-src 'self' data: http://127.0.0.1:{ClosedTileServer.Port}");
        csp.ShouldContain("script-src 'self';");
        csp.ShouldContain("default-src 'self';");
    }

    [Fact]
    public async Task the_page_needs_a_signed_in_citizen()
    {
        var response = await fixture.App.Anonymous().GetAsync("/joblog/kort");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private async Task<Place> PlaceAsync(string number) =>
        (await db.QueryAsync<(string Number, string Name, double Lat, double Lon)>("select number, name, lat, lon from postal_codes where number = @number", new { number }))
        .Select(r => new Place(r.Number, r.Name, r.Lat, r.Lon)).Single();

    private static string Km(Place a, Place b) => Geo.DistanceKm(a, b).ToString("0.0", System.Globalization.CultureInfo.GetCultureInfo("da-DK"));
}
