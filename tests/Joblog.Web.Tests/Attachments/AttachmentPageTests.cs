using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Joblog.Web.Tests.Infrastructure;
using Joblog.Web.Tests.Pages;
using Shouldly;

namespace Joblog.Web.Tests.Attachments;

/// <summary>Attachments on the log's page, driven as a browser without JavaScript would: upload, see, download, delete.</summary>
public sealed class AttachmentPageTests(AttachmentsFixture fixture) : IClassFixture<AttachmentsFixture>
{
    /// <summary>Posts the upload form of <paramref name="page"/> (multipart, with its hidden fields) with a file chosen.</summary>
    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, IHtmlDocument page, byte[] bytes, string fileName, bool withToken = true)
    {
        var form = (IHtmlFormElement)page.QuerySelector("form[enctype='multipart/form-data']")!;
        form.GetAttribute("novalidate").ShouldNotBeNull();
        var content = new MultipartFormDataContent { HeaderEncodingSelector = (_, _) => System.Text.Encoding.UTF8 }; // as browsers write file names
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>())
            if (withToken) content.Add(new StringContent(hidden.Value), hidden.Name!);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        // As a browser sends it, also when no file is chosen (filename="").
        var name = form.QuerySelector("input[type=file]")!.GetAttribute("name");
        file.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"{name}\"; filename=\"{fileName}\"");
        content.Add(file);
        return client.PostAsync(form.GetAttribute("action"), content);
    }

    private static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) => HtmlForms.Parse(await response.Content.ReadAsStringAsync());

    private static void ShouldShowError(IHtmlDocument page, string message)
    {
        page.QuerySelector(".alert-error .alert-heading")!.TextContent.ShouldBe("Der er problemer");
        var link = page.QuerySelector(".alert-error a.function-link")!;
        (link.GetAttribute("href"), link.TextContent.Trim()).ShouldBe(("#Upload", message));
        page.QuerySelector(".form-group.form-error #Upload-error")!.TextContent.ShouldContain(message);
        page.QuerySelector("#Upload")!.GetAttribute("aria-invalid").ShouldBe("true");
        page.QuerySelector("#Upload")!.GetAttribute("aria-describedby").ShouldBe("Upload-hint Upload-error");
    }

    [Fact]
    public async Task a_citizen_uploads_sees_downloads_and_deletes_a_file_and_the_history_shows_both()
    {
        var mette = await fixture.App.SignedIn("mette");
        var logId = await mette.NewLogAsync("mette");
        var details = await mette.GetPageAsync($"/joblog/{logId}");
        details.QuerySelector("#attachments-heading")!.TextContent.ShouldBe("Vedhæftede filer");
        details.QuerySelector("#Upload")!.GetAttribute("type").ShouldBe("file");
        details.QuerySelector("label[for=Upload]")!.TextContent.ShouldBe("Vedhæft en fil");

        var uploaded = await UploadAsync(mette, details, TestFiles.Pdf(), "Ansøgning Åbyhøj.pdf");

        uploaded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        uploaded.Headers.Location!.ToString().ShouldBe($"/joblog/{logId}");
        details = await mette.GetPageAsync($"/joblog/{logId}");
        details.QuerySelector(".alert-success")!.TextContent.ShouldContain("Filen Ansøgning Åbyhøj.pdf er vedhæftet");
        var link = details.QuerySelector("a.attachment-name")!;
        link.TextContent.ShouldBe("Ansøgning Åbyhøj.pdf");
        details.QuerySelector("section[aria-labelledby=attachments-heading] tbody tr")!.TextContent.ShouldContain("PDF");

        var download = await mette.GetAsync(link.GetAttribute("href"));
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(TestFiles.Pdf());
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("Ansøgning Åbyhøj.pdf");
        download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);

        var confirm = await mette.GetPageAsync(details.QuerySelector("section[aria-labelledby=attachments-heading] tbody a[href$='/slet']")!.GetAttribute("href")!);
        confirm.QuerySelector("h1")!.TextContent.ShouldBe("Slet vedhæftet fil");
        var deleted = await mette.SubmitAsync(confirm, "main form[method=post]", []);

        deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        details = await mette.GetPageAsync($"/joblog/{logId}");
        details.QuerySelector(".alert-success")!.TextContent.ShouldContain("Filen Ansøgning Åbyhøj.pdf er slettet");
        details.QuerySelector("a.attachment-name").ShouldBeNull();
        var history = details.QuerySelectorAll("table[aria-labelledby=history-heading] tbody tr").Select(r => r.TextContent).ToList();
        history[0].ShouldContain("Fil slettet: Ansøgning Åbyhøj.pdf");
        history[1].ShouldContain("Fil vedhæftet: Ansøgning Åbyhøj.pdf");
        history[1].ShouldContain("Mette Demo");
        history[1].ShouldContain("Jobnet");
        history[^1].ShouldContain("Oprettet");
        (await fixture.CountAttachmentsAsync(logId)).ShouldBe(0);
    }

    [Fact]
    public async Task a_file_over_10_MB_is_refused_on_the_page_in_plain_danish()
    {
        var mette = await fixture.App.SignedIn("mette");
        var logId = await mette.NewLogAsync("mette");
        var before = fixture.StoredKeys().Count;

        var response = await UploadAsync(mette, await mette.GetPageAsync($"/joblog/{logId}"), TestFiles.OfSize(11 * 1024 * 1024), "stor.txt");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await ParseAsync(response);
        ShouldShowError(page, "Filens størrelse skal være under 10 MB");
        page.QuerySelector("h1")!.TextContent.ShouldBe("Vedhæft fil");
        fixture.StoredKeys().Count.ShouldBe(before);
        (await fixture.CountAttachmentsAsync(logId)).ShouldBe(0);
    }

    [Fact]
    public async Task a_file_of_another_kind_and_a_missing_file_are_refused_on_the_page()
    {
        var mette = await fixture.App.SignedIn("mette");
        var logId = await mette.NewLogAsync("mette");
        var details = await mette.GetPageAsync($"/joblog/{logId}");

        var exe = await ParseAsync(await UploadAsync(mette, details, TestFiles.Exe(), "cv.pdf"));
        ShouldShowError(exe, "Filen skal være en PDF, Word (DOCX), ODT eller tekstfil");

        var none = await ParseAsync(await UploadAsync(mette, exe, [], ""));
        ShouldShowError(none, "Vælg en fil");

        (await fixture.CountAttachmentsAsync(logId)).ShouldBe(0);
    }

    [Fact]
    public async Task an_upload_without_the_antiforgery_token_is_refused()
    {
        var mette = await fixture.App.SignedIn("mette");
        var logId = await mette.NewLogAsync("mette");
        mette.DefaultRequestHeaders.Remove("RequestVerificationToken"); // the API's header; a browser form has only the field

        var response = await UploadAsync(mette, await mette.GetPageAsync($"/joblog/{logId}"), TestFiles.Pdf(), "cv.pdf", withToken: false);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await fixture.CountAttachmentsAsync(logId)).ShouldBe(0);
    }

    [Fact]
    public async Task a_closed_log_lists_its_files_but_offers_no_upload_or_delete()
    {
        var mette = await fixture.App.SignedIn("mette");
        var logId = await mette.NewLogAsync("mette");
        await mette.AttachAsync("mette", logId, TestFiles.Text(), "noter.txt");
        await fixture.Db.ExecuteAsync("update logs set closed = true where id = @logId", new { logId });

        var details = await mette.GetPageAsync($"/joblog/{logId}");

        details.QuerySelector("a.attachment-name")!.TextContent.ShouldBe("noter.txt");
        details.QuerySelector("#Upload").ShouldBeNull();
        details.QuerySelector("section[aria-labelledby=attachments-heading] a[href$='/slet']").ShouldBeNull();
    }

    [Fact]
    public async Task another_citizens_file_pages_are_404()
    {
        var mette = await fixture.App.SignedIn("mette");
        var logId = await mette.NewLogAsync("mette");
        var id = (await mette.AttachAsync("mette", logId, TestFiles.Pdf(), "cv.pdf")).GetProperty("id").GetGuid();
        var lars = await fixture.App.SignedIn("lars");

        (await lars.GetAsync($"/joblog/{logId}/filer/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lars.GetAsync($"/joblog/{logId}/filer/{id}/slet")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lars.GetAsync($"/joblog/{logId}/vedhaeft")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var larsLog = await lars.NewLogAsync("lars");
        (await UploadAsync(lars, await lars.GetPageAsync($"/joblog/{larsLog}"), TestFiles.Pdf(), "cv.pdf")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await lars.GetAsync($"/joblog/{larsLog}/filer/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
