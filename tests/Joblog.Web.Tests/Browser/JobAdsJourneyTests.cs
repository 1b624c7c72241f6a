using System.Text.RegularExpressions;
using Joblog.Web.Tests.Infrastructure;
using Joblog.Web.Tests.JobAds;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Joblog.Web.Tests.Browser;

/// <summary>
/// Job ads in a real browser at desktop size: log an application from a job-ad link in at most four interactions,
/// then Find job → Gem job → Gemte job → Opret log / Fjern. axe (WCAG 2.0/2.1 A+AA) runs on every page on the way.
/// </summary>
public sealed class JobAdsJourneyTests(BrowserFixture browser, FixturePages pages) : IClassFixture<BrowserFixture>, IClassFixture<FixturePages>
{
    [Fact]
    public Task Mette_logs_an_application_from_a_job_ad_link_in_at_most_four_interactions() => JobAdsJourney.LogFromLinkAsync(browser, pages, BrowserFixture.Desktop);

    [Fact]
    public Task Mette_finds_saves_logs_and_removes_a_job() => JobAdsJourney.SavedJobsAsync(browser, BrowserFixture.Desktop);
}

/// <summary>The journeys of <see cref="JobAdsJourneyTests"/> on a phone (375×812), axe included.</summary>
public sealed class JobAdsJourneyPhoneTests(BrowserFixture browser, FixturePages pages) : IClassFixture<BrowserFixture>, IClassFixture<FixturePages>
{
    [Fact]
    public Task Mette_logs_an_application_from_a_job_ad_link_in_at_most_four_interactions_on_a_phone() => JobAdsJourney.LogFromLinkAsync(browser, pages, BrowserFixture.Phone);

    [Fact]
    public Task Mette_finds_saves_logs_and_removes_a_job_on_a_phone() => JobAdsJourney.SavedJobsAsync(browser, BrowserFixture.Phone);
}

internal static partial class JobAdsJourney
{
    /// <summary>
    /// Counting rule: every user action that is a click, a selection (radio, checkbox, option) or a text entry counts as
    /// one interaction. Arriving at the page does not count (the joblog links to it); looking does not count.
    /// </summary>
    private sealed class Interactions
    {
        public int Count { get; private set; }

        public async Task DoAsync(Func<Task> action)
        {
            Count++;
            await action();
        }
    }

    public static async Task LogFromLinkAsync(BrowserFixture fixture, FixturePages pages, ViewportSize viewport)
    {
        JobAdFixture.AllowLoopback(fixture.App);
        var db = new PostgresConnection(fixture.App.ConnectionString);
        await using var session = await fixture.NewPageAsync(viewport);
        var page = session.Page;
        await SignInAsync(page);
        // A link of its own per run (the log is found by it below); the fixture server ignores the query.
        var link = pages.Url($"/jsonld?run={Guid.NewGuid():N}");

        await page.GotoAsync("/joblog/ny/fra-link");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Log fra et link til en jobannonce" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "the log-from-link page");

        var steps = new Interactions();
        // 1 paste the link, 2 "Hent oplysninger".
        await steps.DoAsync(() => page.GetByLabel("Link til jobannoncen").FillAsync(link));
        await steps.DoAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Hent oplysninger" }).ClickAsync());

        // Check the prefilled form (looking only).
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Tjek oplysningerne fra annoncen" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Vi har udfyldt stillingsbetegnelse, virksomhed");
        await Expect(page.GetByLabel("Stillingsbetegnelse", new() { Exact = true })).ToHaveValueAsync("Kontorassistent");
        await Expect(page.GetByLabel("Virksomhedens navn", new() { Exact = true })).ToHaveValueAsync("Rådhusets Administration & Service");
        await Expect(page.Locator("#Form_Deadline")).ToHaveValueAsync("15-12-2026");
        await Expect(page.Locator("#Form_JobAdUrl")).ToHaveValueAsync(link);
        await Axe.AssertNoViolationsAsync(page, "the form prefilled from the ad");

        // 3 pick the status, 4 save.
        await steps.DoAsync(() => page.GetByRole(AriaRole.Radio, new() { Name = "Søgt", Exact = true }).CheckAsync());
        await steps.DoAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Gem", Exact = true }).ClickAsync());

        await page.WaitForURLAsync(DetailsUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kontorassistent");
        await Axe.AssertNoViolationsAsync(page, "the new log");
        TestContext.Current.TestOutputHelper?.WriteLine($"Logged from a job-ad link in {steps.Count} interactions.");
        steps.Count.ShouldBeLessThanOrEqualTo(4);

        var log = (await db.QueryAsync<(string Title, string Employer, string Deadline, string Status)>(
            "select job_title, employer_name, deadline::text, status from logs where job_ad_url = @link", new { link })).Single();
        log.ShouldBe(("Kontorassistent", "Rådhusets Administration & Service", "2026-12-15", "applied"));

        // Nothing readable: said plainly, the link stays in the form.
        await page.GotoAsync("/joblog/ny/fra-link");
        await page.GetByLabel("Link til jobannoncen").FillAsync(pages.Url("/empty"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Hent oplysninger" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vi kunne ikke læse annoncen" })).ToBeVisibleAsync();
        await Expect(page.Locator("#Form_JobAdUrl")).ToHaveValueAsync(pages.Url("/empty"));
        await Axe.AssertNoViolationsAsync(page, "the form when nothing could be read");

        // A link that cannot be fetched: the error summary and the message beside the field.
        await page.GotoAsync("/joblog/ny/fra-link");
        await page.GetByLabel("Link til jobannoncen").FillAsync(pages.Url("/pdf"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Hent oplysninger" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Der er problemer" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "the link with an error");

        session.PageErrors.ShouldBeEmpty();
    }

    public static async Task SavedJobsAsync(BrowserFixture fixture, ViewportSize viewport)
    {
        await using var session = await fixture.NewPageAsync(viewport);
        var page = session.Page;
        await SignInAsync(page);

        // Find job: search, read an ad, save it.
        await page.GotoAsync("/find-job");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Find job" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "Find job");
        await page.GetByLabel("Søg efter job").FillAsync("elektriker");
        await page.GetByLabel("Afstand fra din bopæl").SelectOptionAsync("50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Søg", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, NameRegex = JobsFound() })).ToBeVisibleAsync();
        var first = page.Locator("li.job-ad").First;
        var title = (await first.GetByRole(AriaRole.Heading, new() { Level = 3 }).InnerTextAsync()).Trim();
        await first.Locator("summary").ClickAsync();
        await Expect(first.GetByText("Se annoncen, hvor den er slået op")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "Find job with results and an ad opened");
        await first.GetByRole(AriaRole.Button, new() { NameRegex = SaveJob() }).ClickAsync();
        await Expect(page.GetByText($"{title} er gemt under Gemte job.")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "Find job after saving");

        // Gemte job: the saved job is there; make a log of it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Se dine gemte job" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Gemte job" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Fristen er overskredet").First).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "Gemte job");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Opret log – {title}" }).First.ClickAsync();
        await Expect(page.GetByLabel("Stillingsbetegnelse", new() { Exact = true })).ToHaveValueAsync(title);
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Ikke søgt", Exact = true })).ToBeCheckedAsync();
        await Axe.AssertNoViolationsAsync(page, "a log prefilled from a saved job");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(DetailsUrl());

        // Back in Gemte job it is marked as logged; remove it after confirming.
        await page.GotoAsync("/gemte-job");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Se log – {title}" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Fjern – {title}" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Fjern gemt job" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "the confirmation before removing a saved job");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, fjern jobbet" }).ClickAsync();
        await Expect(page.GetByText("Jobbet er fjernet fra dine gemte job.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Se log – {title}" })).ToHaveCountAsync(0);

        // Saving by a link with an error shows the error summary.
        await page.GetByRole(AriaRole.Button, new() { Name = "Gem job", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Der er problemer" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "Gemte job with an error");

        session.PageErrors.ShouldBeEmpty();
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/test-login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind som Mette Demo" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Mette Demo");
    }

    private static Regex DetailsUrl() => DetailsUrlPattern();

    [GeneratedRegex(@"/joblog/[0-9a-f-]{36}$")]
    private static partial Regex DetailsUrlPattern();

    [GeneratedRegex(@"^\d+ job fundet$")]
    private static partial Regex JobsFound();

    [GeneratedRegex("^Gem job")]
    private static partial Regex SaveJob();
}
