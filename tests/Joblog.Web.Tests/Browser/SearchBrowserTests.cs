using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Joblog.Web.Tests.Browser;

/// <summary>
/// Nina (Jobcenter Aarhus) in a browser: from the front page to Udsøgning, an error, a search, sorting by a column, and
/// a citizen opened from the result — axe on each, desktop and phone.
/// </summary>
public sealed class SearchBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string> Viewports => ["desktop", "phone"];

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task Nina_searches_across_her_citizens_and_opens_one(string viewport)
    {
        await using var session = await fixture.NewPageAsync(viewport == "phone" ? BrowserFixture.Phone : BrowserFixture.Desktop);
        var page = session.Page;
        await page.GotoAsync("/test-login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind som Nina Demo" }).ClickAsync();
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Udsøgning" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Udsøgning" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, $"Udsøgning, the form ({viewport})");

        await page.GetByLabel("Højst antal ansøgninger i perioden").FillAsync("mange");
        await page.GetByRole(AriaRole.Button, new() { Name = "Søg", Exact = true }).ClickAsync();
        await Expect(page.Locator(".alert-error")).ToContainTextAsync("Indtast højeste antal ansøgninger som et helt tal fra 0 til 9999");
        await Axe.AssertNoViolationsAsync(page, $"Udsøgning with an error ({viewport})");

        await page.GetByLabel("Højst antal ansøgninger i perioden").FillAsync("100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Søg", Exact = true }).ClickAsync();
        await Expect(page.Locator("#result-heading")).ToContainTextAsync("Borgere fundet:");
        await Expect(page.Locator("#result-table tbody tr").First).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, $"Udsøgning, the result ({viewport})");

        if (viewport == "phone")
        {
            // The column headings are hidden on a phone: the sort form above the table does it.
            await page.GetByLabel("Sortér efter").SelectOptionAsync("name");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sortér", Exact = true }).ClickAsync();
        }
        else
        {
            await page.Locator("#result-table th a", new() { HasText = "Navn" }).ClickAsync();
        }
        await Expect(page.Locator("#result-table th[aria-sort=ascending]")).ToContainTextAsync("Navn");
        await Axe.AssertNoViolationsAsync(page, $"Udsøgning sorted by name ({viewport})");
        page.Url.ShouldNotMatch(@"\d{6}-?\d{4}");
        var first = (await page.Locator("#result-table tbody tr td").First.TextContentAsync())!;

        await page.Locator("#result-table tbody tr").First.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.Locator(".viewing-banner")).ToContainTextAsync($"Du ser Jobnet for {first}");
        await Axe.AssertNoViolationsAsync(page, $"A citizen opened from Udsøgning ({viewport})");
    }
}
