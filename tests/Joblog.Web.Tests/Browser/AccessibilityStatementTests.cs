using Microsoft.Playwright;
using Shouldly;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Joblog.Web.Tests.Browser;

/// <summary>The accessibility statement, in Danish and (after the header's language switch) in English, at desktop and phone size.</summary>
public sealed class AccessibilityStatementTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string> Viewports => ["desktop", "phone"];

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task The_accessibility_statement_passes_axe_in_danish_and_in_english(string viewport)
    {
        await using var session = await fixture.NewPageAsync(viewport == "phone" ? BrowserFixture.Phone : BrowserFixture.Desktop);
        var page = session.Page;

        await page.GotoAsync("/tilgaengelighedserklaering");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "da");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Tilgængelighedserklæring" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "the accessibility statement (Danish)");

        await page.Locator("button[lang='en']").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Accessibility statement" })).ToBeVisibleAsync();
        page.Url.ShouldEndWith("/tilgaengelighedserklaering");
        await Axe.AssertNoViolationsAsync(page, "the accessibility statement (English)");

        session.PageErrors.ShouldBeEmpty();
    }
}
