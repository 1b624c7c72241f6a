using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Joblog.Web.Tests.Browser;

/// <summary>
/// Berit (a-kasse) in a browser: "Se borgers Jobnet" with a refused and an accepted CPR number, Mette's
/// front page, joblog and a log read only, the conversation overview, the withheld history, a change refused — axe on each, desktop and phone.
/// </summary>
public sealed class CaseworkerBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string> Viewports => ["desktop", "phone"];

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task Berit_looks_at_mettes_jobnet_read_only(string viewport)
    {
        await using var session = await fixture.NewPageAsync(viewport == "phone" ? BrowserFixture.Phone : BrowserFixture.Desktop);
        var page = session.Page;
        await page.GotoAsync("/test-login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind som Berit Demo" }).ClickAsync();
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Se borgers Jobnet" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Se borgers Jobnet" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, $"Se borgers Jobnet ({viewport})");

        // Ali is not a member of ak-01: refused, with the reason in the summary and beside the field.
        var cpr = page.GetByLabel("Borgerens CPR-nummer");
        await cpr.FillAsync("620285-0002");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se borgerens Jobnet" }).ClickAsync();
        await Expect(page.Locator(".alert-error")).ToContainTextAsync("Du kan ikke se Jobnet for dette CPR-nummer");
        await Expect(page.Locator(".form-error-message")).ToContainTextAsync("Du kan ikke se Jobnet for dette CPR-nummer");
        await Axe.AssertNoViolationsAsync(page, $"Se borgers Jobnet, refused ({viewport})");
        page.Url.ShouldNotContain("0002");

        await cpr.FillAsync("610190-0001");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se borgerens Jobnet" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Velkommen, Mette Demo");
        await Expect(page.Locator(".viewing-banner")).ToContainTextAsync("Du ser Jobnet for Mette Demo");
        await page.Locator("details.details summary").ClickAsync();
        await Expect(page.Locator(".withheld-list li")).ToHaveCountAsync(8);
        await Axe.AssertNoViolationsAsync(page, $"Mette's front page seen by Berit ({viewport})");

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Joblog", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Joblog" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Log om jobsøgning", Exact = true })).ToHaveCountAsync(0);
        await Axe.AssertNoViolationsAsync(page, $"Mette's joblog seen by Berit ({viewport})");

        await page.Locator("main a[href^='/joblog/']:not([href*='/ny']):not([href$='kort']):not([href$='fremdrift']):not([href$='eksport'])").First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".viewing-banner")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Rediger", Exact = true })).ToHaveCountAsync(0);
        await Expect(page.Locator("main form[method=post]")).ToHaveCountAsync(0);
        await Axe.AssertNoViolationsAsync(page, $"A log of Mette's seen by Berit ({viewport})");

        await page.GotoAsync("/samtale");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Overblik før samtalen" })).ToBeVisibleAsync();
        await Expect(page.Locator("table[aria-labelledby=changed-heading] tbody tr").First).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, $"Overblik før samtalen ({viewport})");

        await page.GotoAsync("/historik/login");
        await Expect(page.Locator(".withheld")).ToContainTextAsync("Ingen adgang: Historik");
        await Axe.AssertNoViolationsAsync(page, $"History withheld ({viewport})");

        await page.GotoAsync("/joblog/ny/jobsoegning");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Du har ikke rettigheder til at foretage denne handling");
        await Axe.AssertNoViolationsAsync(page, $"403 ({viewport})");

        var header = viewport == "phone" ? page.Locator(".mobile-drawer") : page.Locator(".portal-user");
        if (viewport == "phone") await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await header.GetByRole(AriaRole.Link, new() { Name = "Skift til anden borger" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Se borgers Jobnet" })).ToBeVisibleAsync();
        // The refused lookup (404), the withheld history and the refused change (403) — and nothing else.
        session.PageErrors.Select(e => e[(e.IndexOf(": ", StringComparison.Ordinal) + 2)..].Replace(fixture.BaseAddress.ToString().TrimEnd('/'), "", StringComparison.Ordinal))
            .ShouldBe(["404 from POST /sagsbehandleradgang", "403 from GET /historik/login", "403 from GET /joblog/ny/jobsoegning"]);
    }
}
