using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Joblog.Web.Tests.Browser;

/// <summary>
/// The statistics in a browser on the demo world (the demo load computes them): Stine finds them on her front page,
/// chooses a municipality for the trend; Nina sees Aarhus against the country — axe on each, desktop and phone.
/// </summary>
public sealed class StatisticsBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string> Viewports => ["desktop", "phone"];

    private static ViewportSize Size(string viewport) => viewport == "phone" ? BrowserFixture.Phone : BrowserFixture.Desktop;

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task Stine_opens_the_statistics_from_her_front_page_and_adds_a_municipality_to_the_trend(string viewport)
    {
        await using var session = await fixture.NewPageAsync(Size(viewport));
        var page = session.Page;
        await page.GotoAsync("/test-login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind som Stine Demo" }).ClickAsync();
        await Axe.AssertNoViolationsAsync(page, $"Stine's front page ({viewport})");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Brug af Joblog" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Brug af Joblog");
        await Expect(page.Locator("#ranking-table tbody tr")).ToHaveCountAsync(98);
        await Expect(page.Locator("#country-row")).ToContainTextAsync("Hele landet");
        await Axe.AssertNoViolationsAsync(page, $"the statistics, the whole country ({viewport})");

        await page.GetByLabel("Kommune i udviklingen").SelectOptionAsync(new SelectOptionValue { Label = "Aarhus" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Vis" }).ClickAsync();
        await Expect(page.Locator("#share-table thead")).ToContainTextAsync("Aarhus");
        await Expect(page.Locator(".statistics-legend")).ToContainTextAsync(["Aarhus (stiplet linje med firkanter)", "Lysegrøn: 1 til under 6"]);
        await Axe.AssertNoViolationsAsync(page, $"the statistics with Aarhus in the trend ({viewport})");
        page.Url.ShouldContain("Kommune=0751");
        session.PageErrors.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task Nina_sees_Aarhus_against_the_whole_country(string viewport)
    {
        await using var session = await fixture.NewPageAsync(Size(viewport));
        var page = session.Page;
        await page.GotoAsync("/test-login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind som Nina Demo" }).ClickAsync();
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Brug af Joblog" }).ClickAsync();
        await Expect(page.Locator(".font-lead")).ToContainTextAsync("i Aarhus sammenlignet med hele landet");
        await Expect(page.Locator("#own-row")).ToContainTextAsync("Aarhus");
        await Expect(page.Locator("#ranking-table")).ToHaveCountAsync(0);
        await Axe.AssertNoViolationsAsync(page, $"the statistics for Aarhus ({viewport})");
        session.PageErrors.ShouldBeEmpty();
    }
}
