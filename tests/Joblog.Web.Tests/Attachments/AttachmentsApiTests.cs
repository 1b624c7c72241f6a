using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Joblog.Web.Tests.Infrastructure;
using Shouldly;

namespace Joblog.Web.Tests.Attachments;

/// <summary>Attachments through the API: what is accepted, by its bytes; what is refused, and how; what is stored.</summary>
public sealed class AttachmentsApiTests(AttachmentsFixture fixture) : IClassFixture<AttachmentsFixture>
{
    public static TheoryData<string, string, string> Kinds => new()
    {
        { "pdf", "Ansøgning.pdf", "application/pdf" },
        { "docx", "CV.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "odt", "CV.odt", "application/vnd.oasis.opendocument.text" },
        { "txt", "Noter.txt", "text/plain; charset=utf-8" },
    };

    private static byte[] Bytes(string kind) => kind switch
    {
        "pdf" => TestFiles.Pdf(), "docx" => TestFiles.Docx(), "odt" => TestFiles.Odt(), _ => TestFiles.Text(),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task each_kind_is_accepted_and_stored_outside_the_database_under_a_random_key(string kind, string fileName, string contentType)
    {
        var mette = await fixture.App.SignedIn("mette");
        var logId = await mette.NewLogAsync("mette");

        var response = await mette.UploadAsync("mette", logId, Bytes(kind), fileName);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("fileName").GetString().ShouldBe(fileName);
        body.GetProperty("size").GetInt64().ShouldBe(Bytes(kind).Length);
        body.GetProperty("contentType").GetString().ShouldBe(contentType);
        var id = body.GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().ShouldBe($"{AttachmentRequests.Url("mette", logId)}/{id}");

        var key = await fixture.Db.ScalarAsync<string>("select storage_key from attachments where id = @id and log_id = @logId", new { id, logId });
        key.ShouldMatch("^[0-9a-f]{32}$");
        (await File.ReadAllBytesAsync(fixture.PathOf(key), TestContext.Current.CancellationToken)).ShouldBe(Bytes(kind));
        fixture.FilesRoot.ShouldNotContain("wwwroot");
    }

    [Fact]
    public async Task the_bytes_decide_the_type_not_the_name()
    {
        var mette = await fixture.App.SignedIn("mette");
        var logId = await mette.NewLogAsync("mette");

        var pdf = await mette.AttachAsync("mette", logId, TestFiles.Pdf(), "ansøgning.txt");
        pdf.GetProperty("contentType").GetString().ShouldBe("application/pdf");
        pdf.GetProperty("fileName").GetString().ShouldBe("ansøgning.pdf");

        var exe = await mette.UploadAsync("mette", logId, TestFiles.Exe(), "ansøgning.pdf");
        exe.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await exe.TitleAsync()).ShouldBe("Filtypen er ikke tilladt");
        (await fixture.CountAttachmentsAsync(logId)).ShouldBe(1);
    }

    [Fact]
    public async Task a_zip_bomb_is_refused_and_leaves_no_file_behind()
    {
        var mette = await fixture.App.SignedIn("mette");
        var logId = await mette.NewLogAsync("mette");
        var before = fixture.StoredKeys().Count;

        (await mette.UploadAsync("mette", logId, TestFiles.DocxBomb(), "cv.docx")).StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await mette.UploadAsync("mette", logId, TestFiles.Docx(extraEntries: 1000), "cv.docx")).StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);

        fixture.StoredKeys().Count.ShouldBe(before);
        (await fixture.CountAttachmentsAsync(logId)).ShouldBe(0);
    }

    [Fact]
    public async Task a_file_over_10_MB_is_413_whether_or_not_its_length_is_announced()
    {
        var mette = await fixture.App.SignedIn("mette");
        var logId = await mette.NewLogAsync("mette");
        var tooLarge = TestFiles.OfSize(10 * 1024 * 1024 + 1);

        var announced = await mette.UploadAsync("mette", logId, tooLarge, "stor.txt");
        announced.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await announced.TitleAsync()).ShouldBe("Filen er for stor");

        var content = AttachmentRequests.Multipart(tooLarge, "stor.txt");
        var chunked = await mette.PostAsync(AttachmentRequests.Url("mette", logId), new UnknownLengthContent(content));
        chunked.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);

        var exactly10MB = await mette.UploadAsync("mette", logId, TestFiles.OfSize(10 * 1024 * 1024), "lige-under.txt");
        exactly10MB.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await fixture.CountAttachmentsAsync(logId)).ShouldBe(1);
    }

    [Fact]
    public async Task a_request_without_a_file_or_cut_short_is_a_400_and_one_that_is_not_multipart_a_415()
    {
        var mette = await fixture.App.SignedIn("mette");
        var logId = await mette.NewLogAsync("mette");
        var url = AttachmentRequests.Url("mette", logId);

        var noFile = await mette.PostAsync(url, AttachmentRequests.Multipart(TestFiles.Pdf(), "cv.pdf", field: "document"));
        noFile.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await noFile.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("file")[0].GetString().ShouldBe("Vælg en fil");

        var empty = await mette.UploadAsync("mette", logId, [], "tom.txt");
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var truncated = new ByteArrayContent("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cv.pdf\"\r\n\r\n%PDF-1.4"u8.ToArray());
        truncated.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b");
        var cut = await mette.PostAsync(url, truncated);
        cut.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await cut.TitleAsync()).ShouldBe("Indholdet er ikke gyldig multipart/form-data");

        var json = await mette.PostAsJsonAsync(url, new { file = "JVBERi0=" });
        json.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await json.TitleAsync()).ShouldBe("Indholdet skal være multipart/form-data");
    }

    [Fact]
    public async Task a_download_is_an_attachment_with_a_safe_name_the_detected_type_and_no_caching()
    {
        var mette = await fixture.App.SignedIn("mette");
        var logId = await mette.NewLogAsync("mette");
        var id = (await mette.AttachAsync("mette", logId, TestFiles.Pdf(), "Ansøgning \"Åbyhøj\".txt")).GetProperty("id").GetGuid();

        var response = await mette.GetAsync($"{AttachmentRequests.Url("mette", logId)}/{id}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(TestFiles.Pdf());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var disposition = response.Content.Headers.ContentDisposition!;
        disposition.DispositionType.ShouldBe("attachment");
        disposition.FileName.ShouldBe("Ansoegning _Aabyhoej_.pdf");
        disposition.FileNameStar.ShouldBe("Ansøgning _Åbyhøj_.pdf");
        response.Content.Headers.GetValues("Content-Disposition").Single()
            .ShouldBe("attachment; filename=\"Ansoegning _Aabyhoej_.pdf\"; filename*=UTF-8''Ans%C3%B8gning%20_%C3%85byh%C3%B8j_.pdf");
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.CacheControl!.Private.ShouldBeTrue();
        response.Headers.CacheControl.NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task the_list_shows_every_file_of_the_log_oldest_first()
    {
        var mette = await fixture.App.SignedIn("mette");
        var logId = await mette.NewLogAsync("mette");
        await mette.AttachAsync("mette", logId, TestFiles.Pdf(), "ansøgning.pdf");
        await mette.AttachAsync("mette", logId, TestFiles.Docx(), "cv.docx");

        var list = await mette.GetFromJsonAsync<JsonElement>(AttachmentRequests.Url("mette", logId), TestContext.Current.CancellationToken);

        list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("fileName").GetString()).ShouldBe(["ansøgning.pdf", "cv.docx"]);
        list.GetProperty("nextCursor").ValueKind.ShouldBe(JsonValueKind.Null);
        list.GetProperty("items")[0].TryGetProperty("storageKey", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task a_log_holds_at_most_20_files()
    {
        var mette = await fixture.App.SignedIn("mette");
        var logId = await mette.NewLogAsync("mette");
        for (var i = 1; i <= 20; i++) await mette.AttachAsync("mette", logId, TestFiles.Text($"fil {i}"), $"fil-{i}.txt");

        var twentyFirst = await mette.UploadAsync("mette", logId, TestFiles.Text("fil 21"), "fil-21.txt");

        twentyFirst.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await fixture.CountAttachmentsAsync(logId)).ShouldBe(20);
    }

    [Fact]
    public async Task a_closed_log_takes_no_new_files()
    {
        var mette = await fixture.App.SignedIn("mette");
        var logId = await mette.NewLogAsync("mette");
        await fixture.Db.ExecuteAsync("update logs set closed = true where id = @logId", new { logId });

        var response = await mette.UploadAsync("mette", logId, TestFiles.Pdf(), "cv.pdf");

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await fixture.CountAttachmentsAsync(logId)).ShouldBe(0);
    }

    [Fact]
    public async Task the_openapi_document_describes_the_upload_as_multipart_with_a_file()
    {
        var doc = await fixture.App.Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken);
        var paths = doc.GetProperty("paths");

        var upload = paths.GetProperty("/api/v1/citizens/{citizenId}/logs/{logId}/attachments").GetProperty("post");
        upload.GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data")
            .GetProperty("schema").GetProperty("properties").GetProperty("file").GetProperty("format").GetString().ShouldBe("binary");
        paths.TryGetProperty("/api/v1/citizens/{citizenId}/logs/{logId}/attachments/{attachmentId}", out _).ShouldBeTrue();
    }

    /// <summary>Content whose length is not known in advance, so it is sent chunked.</summary>
    private sealed class UnknownLengthContent : HttpContent
    {
        private readonly HttpContent inner;

        public UnknownLengthContent(HttpContent inner)
        {
            this.inner = inner;
            Headers.ContentType = inner.Headers.ContentType;
        }

        protected override void SerializeToStream(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken) =>
            inner.CopyTo(stream, context, cancellationToken);

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => inner.CopyToAsync(stream, context);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
