using Microsoft.Playwright;
using Shouldly;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Joblog.Web.Tests.Browser;

/// <summary>
/// Jeg søger job som and the calendar in a real browser, with JavaScript: the occupation suggestions, errors, a goal
/// added, kinds toggled, a feed link made. axe on every page; desktop here, phone in <see cref="PlanningPagesPhoneTests"/>.
/// </summary>
public sealed class PlanningPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task Mette_adds_a_job_goal_and_uses_her_calendar() => PlanningJourney.RunAsync(fixture, BrowserFixture.Desktop);
}

/// <summary>The journey of <see cref="PlanningPagesTests"/> on a phone (375×812), axe included.</summary>
public sealed class PlanningPagesPhoneTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task Mette_adds_a_job_goal_and_uses_her_calendar_on_a_phone() => PlanningJourney.RunAsync(fixture, BrowserFixture.Phone);
}

internal static class PlanningJourney
{
    public static async Task RunAsync(BrowserFixture fixture, ViewportSize viewport)
    {
        await using var session = await fixture.NewPageAsync(viewport);
        var page = session.Page;
        await page.GotoAsync("/test-login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind som Mette Demo" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Mette Demo");

        // Jeg søger job som.
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Jeg søger job som" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Jeg søger job som" })).ToBeVisibleAsync();
        await Expect(page.Locator(".job-goal")).ToHaveCountAsync(2);
        await Axe.AssertNoViolationsAsync(page, "the job goals");

        await page.GetByRole(AriaRole.Link, new() { Name = "Tilføj jobmål" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Tilføj jobmål" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "the new job goal form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem", Exact = true }).ClickAsync();
        var summary = page.GetByRole(AriaRole.Alert).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Der er problemer" }) });
        await Expect(summary).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "the job goal form with errors");
        await summary.GetByRole(AriaRole.Link, new() { Name = "Skriv det fag, du søger job som, fx Kontorassistent" }).ClickAsync();
        await Expect(page.Locator("#Form_Occupation")).ToBeFocusedAsync();

        // The suggestions come from /api/v1/occupations as the citizen types.
        var occupation = page.GetByLabel("Fag", new() { Exact = true });
        await occupation.PressSequentiallyAsync("recep");
        var options = page.Locator("#Form_Occupation-options option");
        await Expect(options.First).ToBeAttachedAsync();
        var suggestion = await options.First.GetAttributeAsync("value");
        suggestion.ShouldNotBeNullOrEmpty();
        await occupation.FillAsync(suggestion);
        await page.GetByRole(AriaRole.Radio, new() { Name = "Nej", Exact = true }).CheckAsync();
        await page.GetByLabel("År", new() { Exact = true }).FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Dit jobmål er gemt")).ToBeVisibleAsync();
        await Expect(page.Locator(".job-goal")).ToHaveCountAsync(3);
        await Expect(page.Locator(".job-goal").Last).ToContainTextAsync(suggestion);
        await Axe.AssertNoViolationsAsync(page, "the job goals after adding one");

        // The calendar.
        await page.GotoAsync("/kalender");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Kalender" })).ToBeVisibleAsync();
        await Expect(page.Locator("td.calendar-today")).ToHaveCountAsync(1);
        await Axe.AssertNoViolationsAsync(page, "the calendar");
        await page.GetByLabel("Planlagte datoer").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Vis", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("Planlagt=false", StringComparison.Ordinal));
        await Expect(page.GetByLabel("Planlagte datoer")).Not.ToBeCheckedAsync();
        await Expect(page.Locator(".calendar-entry-planned")).ToHaveCountAsync(0);
        await Axe.AssertNoViolationsAsync(page, "the calendar without planned dates");

        await page.GetByRole(AriaRole.Button, new() { Name = "Lav et kalender-link" }).ClickAsync();
        var link = page.GetByLabel("Dit kalender-link");
        await Expect(link).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"/kalender/feed/[A-Za-z0-9_-]{43}\.ics$"));
        await Axe.AssertNoViolationsAsync(page, "the calendar with a new feed link");

        session.PageErrors.ShouldBeEmpty();
    }
}
