using System.Net;
using Microsoft.Playwright;
using Shouldly;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Joblog.Web.Tests.Browser;

/// <summary>Historik → Login in a browser, after the a-kasse's case system looked at Mette's joblog: axe, desktop and phone.</summary>
public sealed class HistoryBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string> Viewports => ["desktop", "phone"];

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task Mette_sees_who_looked_at_her_joblog(string viewport)
    {
        using (var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator })
        using (var system = new HttpClient(handler) { BaseAddress = fixture.BaseAddress })
        {
            system.DefaultRequestHeaders.Authorization = new("Bearer", "demo-ak-01-system-key");
            (await system.GetAsync($"/api/v1/citizens/{Infrastructure.Clients.CitizenId("mette")}/logs?limit=1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await using var session = await fixture.NewPageAsync(viewport == "phone" ? BrowserFixture.Phone : BrowserFixture.Desktop);
        var page = session.Page;
        await page.GotoAsync("/test-login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind som Mette Demo" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Mette Demo");

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Historik: Login" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Historik: Login" })).ToBeVisibleAsync();
        var newest = page.Locator("table tbody tr").First;
        await Expect(newest).ToContainTextAsync("A-kassen Fællesskab");
        await Expect(newest).ToContainTextAsync("Fagsystem");
        await Expect(newest).ToContainTextAsync("Din joblog");
        await Axe.AssertNoViolationsAsync(page, $"Historik: Login ({viewport})");
        session.PageErrors.ShouldBeEmpty();
    }
}
