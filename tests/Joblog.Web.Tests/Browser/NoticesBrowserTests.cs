using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Joblog.Web.Tests.Browser;

/// <summary>
/// Advisering in a browser: Ali's front page with his notice; Nina's work list, and Ali's Jobnet opened from it —
/// axe on each, desktop and phone.
/// </summary>
public sealed class NoticesBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string> Viewports => ["desktop", "phone"];

    private static ViewportSize Size(string viewport) => viewport == "phone" ? BrowserFixture.Phone : BrowserFixture.Desktop;

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task Ali_sees_his_notice_on_the_front_page_and_what_to_do(string viewport)
    {
        await using var session = await fixture.NewPageAsync(Size(viewport));
        var page = session.Page;
        await page.GotoAsync("/test-login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind som Ali Demo" }).ClickAsync();
        var notice = page.Locator(".inactivity-notice");
        await Expect(notice.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Du har ikke registreret jobsøgning i 35 dage");
        await Axe.AssertNoViolationsAsync(page, $"Ali's front page with the notice ({viewport})");

        await notice.GetByRole(AriaRole.Link, new() { Name = "Registrér jobsøgning" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("jobsøgning");
        session.PageErrors.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task Nina_opens_her_work_list_and_alis_jobnet_from_it(string viewport)
    {
        await using var session = await fixture.NewPageAsync(Size(viewport));
        var page = session.Page;
        await page.GotoAsync("/test-login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind som Nina Demo" }).ClickAsync();
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Arbejdsliste" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Arbejdsliste: borgere uden registreringer");
        await Expect(page.Locator("table.worklist")).ToContainTextAsync("Ali Demo");
        await Axe.AssertNoViolationsAsync(page, $"Nina's work list ({viewport})");

        await page.GetByRole(AriaRole.Button, new() { Name = "Se Jobnet for Ali Demo" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Velkommen, Ali Demo");
        await Expect(page.Locator(".viewing-banner")).ToContainTextAsync("Du ser Jobnet for Ali Demo");
        await Expect(page.Locator(".inactivity-notice")).ToContainTextAsync("Du har ikke registreret jobsøgning i 35 dage");
        await Axe.AssertNoViolationsAsync(page, $"Ali's front page seen by Nina ({viewport})");
        page.Url.ShouldNotContain("620285");
        session.PageErrors.ShouldBeEmpty();
    }
}
