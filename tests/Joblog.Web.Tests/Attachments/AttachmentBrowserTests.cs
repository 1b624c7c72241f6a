using Joblog.Web.Tests.Browser;
using Joblog.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;
using static Microsoft.Playwright.Assertions;

namespace Joblog.Web.Tests.Attachments;

/// <summary>
/// Attachments in a real browser on the real server: attach a file to a log, see and download it, get the
/// Danish error for a file over 10 MB (the browser sends it all; the page still answers), delete it.
/// axe on every page on the way, at desktop and at phone size.
/// </summary>
public sealed class AttachmentBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    public static TheoryData<string> Viewports => ["desktop", "phone"];

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task mette_attaches_downloads_and_deletes_a_file_and_is_told_when_one_is_too_large(string viewport)
    {
        var phone = viewport == "phone";
        var logId = await new PostgresConnection(fixture.App.ConnectionString).ScalarAsync<Guid>(
            "select id from logs where citizen_id = @mette and kind = 'jobSearch' and not closed order by id offset @skip limit 1",
            new { mette = Clients.CitizenId("mette"), skip = phone ? 1 : 0 });
        await using var session = await fixture.NewPageAsync(phone ? BrowserFixture.Phone : BrowserFixture.Desktop);
        var page = session.Page;
        await page.GotoAsync("/test-login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log ind som Mette Demo" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Mette Demo");

        await page.GotoAsync($"/joblog/{logId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Vedhæftede filer" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "the log's page without attachments");

        // Attach.
        await page.GetByLabel("Vedhæft en fil").SetInputFilesAsync(new FilePayload
        {
            Name = "Ansøgning Åbyhøj.pdf", MimeType = "application/pdf", Buffer = TestFiles.Pdf(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Vedhæft fil" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Filen Ansøgning Åbyhøj.pdf er vedhæftet");
        var fileLink = page.GetByRole(AriaRole.Link, new() { Name = "Ansøgning Åbyhøj.pdf", Exact = true });
        await Expect(fileLink).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "the log's page with an attachment");

        // Download.
        var download = await page.RunAndWaitForDownloadAsync(() => fileLink.ClickAsync());
        download.SuggestedFilename.ShouldBe("Ansøgning Åbyhøj.pdf");
        (await File.ReadAllBytesAsync((await download.PathAsync())!, TestContext.Current.CancellationToken)).ShouldBe(TestFiles.Pdf());

        // Too large: the page says so, in the error summary and beside the field.
        await page.GetByLabel("Vedhæft en fil").SetInputFilesAsync(new FilePayload
        {
            Name = "stor.txt", MimeType = "text/plain", Buffer = TestFiles.OfSize(11 * 1024 * 1024),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Vedhæft fil" }).ClickAsync();
        var summary = page.GetByRole(AriaRole.Alert).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Der er problemer" }) });
        await Expect(summary).ToBeVisibleAsync();
        await Expect(page.Locator("#Upload-error")).ToContainTextAsync("Filens størrelse skal være under 10 MB");
        await Axe.AssertNoViolationsAsync(page, "the upload page with an error");
        await summary.GetByRole(AriaRole.Link, new() { Name = "Filens størrelse skal være under 10 MB" }).ClickAsync();
        await Expect(page.Locator("#Upload")).ToBeFocusedAsync();

        // Delete.
        await page.GetByRole(AriaRole.Link, new() { Name = "Tilbage til loggen" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Slet Ansøgning Åbyhøj.pdf" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Slet vedhæftet fil" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page, "the confirmation before deleting a file");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, slet filen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Filen Ansøgning Åbyhøj.pdf er slettet");
        await Expect(fileLink).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Historik" })).ToContainTextAsync("Fil slettet: Ansøgning Åbyhøj.pdf");

        session.PageErrors.ShouldBeEmpty();
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>The browser fixture's app keeps its files in a folder of its own database; remove what this class put there.</summary>
    public ValueTask DisposeAsync()
    {
        AttachmentsFixture.RemoveFiles(fixture.App);
        return ValueTask.CompletedTask;
    }
}
