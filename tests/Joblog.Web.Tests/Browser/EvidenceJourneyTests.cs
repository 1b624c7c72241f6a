using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Joblog.Web.Tests.Browser;

/// <summary>
/// Map, progress and export in a real browser, axe on each page, at desktop size; the map's tiles come from a closed
/// local port (see Evidence/ClosedTileServer.cs), so the page is seen as it is when no tiles can be had.
/// </summary>
public sealed class EvidenceJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task Mette_sees_her_logs_on_a_map_her_progress_and_downloads_her_joblog() => EvidenceJourney.RunAsync(fixture, BrowserFixture.Desktop);
}

/// <summary>The journey of <see cref="EvidenceJourneyTests"/> on a phone (375×812), axe included.</summary>
public sealed class EvidenceJourneyPhoneTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task Mette_sees_her_logs_on_a_map_her_progress_and_downloads_her_joblog_on_a_phone() => EvidenceJourney.RunAsync(fixture, BrowserFixture.Phone);
}

internal static partial class EvidenceJourney
{
    public static async Task RunAsync(BrowserFixture fixture, ViewportSize viewport)
    {
        await using var session = await fixture.NewPageAsync(viewport);
        var page = session.Page;
        await page.GotoAsync("/test-login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind som Mette Demo" }).ClickAsync();
        await page.GotoAsync("/joblog");

        // The map: the list is there, the map shows markers, and the page says the tiles could not be loaded.
        await page.GetByRole(AriaRole.Link, new() { Name = "Vis på kort" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Dine logs på kort" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Kortbillederne kunne ikke hentes fra 127.0.0.1" })).ToBeVisibleAsync();
        await Expect(page.Locator("#evidence-map")).ToBeVisibleAsync();
        (await page.Locator("#evidence-map .leaflet-marker-icon").CountAsync()).ShouldBeGreaterThan(1);
        await Expect(page.Locator("#evidence-map .leaflet-tooltip")).ToHaveTextAsync("Dit hjem: 8210 Aarhus V");
        (await page.Locator("table tbody tr").CountAsync()).ShouldBeGreaterThan(10);
        // A marker is a button: Enter opens its popup with links to the logs at that place.
        await page.Locator("#evidence-map .leaflet-marker-icon[alt^='8800 Viborg']").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".leaflet-popup-content a").First).ToHaveAttributeAsync("href", JoblogLink());
        await Axe.AssertNoViolationsAsync(page, "the map page without tiles, a popup open");

        // Progress: the chart and the same figures in a table.
        await page.GotoAsync("/joblog");
        await page.GetByRole(AriaRole.Link, new() { Name = "Se din fremdrift" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Din fremdrift" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Ansøgninger pr. uge de seneste 8 uger" })).ToBeVisibleAsync();
        await Expect(page.Locator("#weeks-table tbody tr")).ToHaveCountAsync(8);
        await Axe.AssertNoViolationsAsync(page, "the progress page");

        // Export: an empty date is refused with the error summary; then a PDF is downloaded.
        await page.GotoAsync("/joblog");
        await page.GetByRole(AriaRole.Link, new() { Name = "Hent din joblog (PDF eller CSV)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Hent din joblog" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "the export page");
        await page.GetByLabel("Fra og med").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hent", Exact = true }).ClickAsync();
        var summary = page.GetByRole(AriaRole.Alert).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Der er problemer" }) });
        await Expect(summary).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "the export page with an error");
        await summary.GetByRole(AriaRole.Link, new() { Name = "Indtast den første dag i perioden" }).ClickAsync();
        await Expect(page.Locator("#Fra")).ToBeFocusedAsync();

        await page.GetByLabel("Fra og med").FillAsync("01-01-2026");
        await page.GetByRole(AriaRole.Radio, new() { Name = "PDF (til at læse, udskrive eller sende)" }).CheckAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Hent", Exact = true }).ClickAsync());
        download.SuggestedFilename.ShouldMatch(@"^joblog-2026-01-01-til-\d{4}-\d{2}-\d{2}\.pdf$");
        var path = await download.PathAsync();
        (await File.ReadAllBytesAsync(path))[..5].ShouldBe("%PDF-"u8.ToArray());

        session.PageErrors.ShouldBeEmpty();
    }

    [GeneratedRegex(@"^/joblog/[0-9a-f-]{36}$")]
    private static partial Regex JoblogLink();
}
