using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Joblog.Web.Tests.Browser;

/// <summary>
/// Krav til jobsøgning and fritagelse in a browser, axe on each page at desktop and phone size: Mette's progress with her
/// requirements; Nina's staff page for Mette with a mistake, then saved; Nina's exemption page with a mistake.
/// </summary>
public sealed class RequirementsBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string> Viewports => ["desktop", "phone"];

    private static async Task SignInAsync(IPage page, string name)
    {
        await page.GotoAsync("/test-login");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Log ind som {name}" }).ClickAsync();
    }

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task Mette_sees_her_requirements_and_how_far_she_is(string viewport)
    {
        await using var session = await fixture.NewPageAsync(viewport == "phone" ? BrowserFixture.Phone : BrowserFixture.Desktop);
        var page = session.Page;
        await SignInAsync(page, "Mette Demo");

        await page.GotoAsync("/joblog/fremdrift");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Krav til jobsøgning" })).ToBeVisibleAsync();
        await Expect(page.Locator("#requirement-set-0")).ToContainTextAsync("Krav fra Jobcenter Aarhus");
        await Expect(page.Locator("#requirement-set-0 .requirement-status")).ToContainTextAsync("Kravet er");
        await Axe.AssertNoViolationsAsync(page, $"progress with requirements ({viewport})");
        session.PageErrors.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task Nina_sets_mettes_requirements_and_opens_the_exemption_page(string viewport)
    {
        await using var session = await fixture.NewPageAsync(viewport == "phone" ? BrowserFixture.Phone : BrowserFixture.Desktop);
        var page = session.Page;
        await SignInAsync(page, "Nina Demo");
        await page.GotoAsync("/sagsbehandleradgang");
        await page.GetByLabel("Borgerens CPR-nummer").FillAsync("610190-0001");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se borgerens Jobnet" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Velkommen, Mette Demo");
        await Axe.AssertNoViolationsAsync(page, $"Mette's front page with Nina's tools ({viewport})");

        await page.Locator("nav.staff-tools").GetByRole(AriaRole.Link, new() { Name = "Krav til jobsøgning" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Krav til jobsøgning" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, $"the staff page /krav ({viewport})");

        var perWeek = page.GetByLabel("Ansøgninger om ugen");
        await perWeek.FillAsync("mange");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem krav" }).ClickAsync();
        await Expect(page.Locator(".alert-error")).ToContainTextAsync("Antal ansøgninger om ugen skal være et tal over 0");
        await Axe.AssertNoViolationsAsync(page, $"/krav with a mistake ({viewport})");

        await page.Locator(".alert-error a").First.ClickAsync();
        await Expect(perWeek).ToBeFocusedAsync();
        await perWeek.FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem krav" }).ClickAsync();
        await Expect(page.Locator(".alert-success")).ToContainTextAsync("Kravene til jobsøgning er gemt");
        await Expect(page.Locator("#requirement-set-0")).ToContainTextAsync("2 om ugen");

        await page.GotoAsync("/fritagelse");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Fritagelse fra at registrere jobsøgning" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, $"the exemption page ({viewport})");
        await page.GetByLabel("Fritaget fra").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Giv fritagelse" }).ClickAsync();
        await Expect(page.Locator(".alert-error")).ToContainTextAsync("Indtast begrundelsen for fritagelsen");
        await Axe.AssertNoViolationsAsync(page, $"the exemption page with mistakes ({viewport})");
        session.PageErrors.ShouldBeEmpty();
    }
}
