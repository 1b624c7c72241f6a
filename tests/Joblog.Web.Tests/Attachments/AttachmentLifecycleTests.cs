using System.Net;
using Joblog.Web.Features.Attachments;
using Joblog.Web.Storage;
using Joblog.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Joblog.Web.Tests.Attachments;

/// <summary>No file without its row, no row without its file: deleting, cascading, sweeping.</summary>
public sealed class AttachmentLifecycleTests(AttachmentsFixture fixture) : IClassFixture<AttachmentsFixture>
{
    private Task<string> KeyOf(Guid id) => fixture.Db.ScalarAsync<string>("select storage_key from attachments where id = @id", new { id });

    [Fact]
    public async Task deleting_an_attachment_removes_its_row_and_its_file()
    {
        var mette = await fixture.App.SignedIn("mette");
        var logId = await mette.NewLogAsync("mette");
        var id = (await mette.AttachAsync("mette", logId, TestFiles.Pdf(), "cv.pdf")).GetProperty("id").GetGuid();
        var key = await KeyOf(id);
        File.Exists(fixture.PathOf(key)).ShouldBeTrue();

        (await mette.DeleteAsync($"{AttachmentRequests.Url("mette", logId)}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        File.Exists(fixture.PathOf(key)).ShouldBeFalse();
        (await fixture.Db.ScalarAsync<int>("select count(*)::int from attachments where id = @id", new { id })).ShouldBe(0);
        (await mette.GetAsync($"{AttachmentRequests.Url("mette", logId)}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task deleting_the_log_removes_its_attachments_rows_and_files()
    {
        var mette = await fixture.App.SignedIn("mette");
        var (log, etag) = await mette.CreateLogAsync("mette");
        var logId = log.GetProperty("id").GetGuid();
        var first = await KeyOf((await mette.AttachAsync("mette", logId, TestFiles.Pdf(), "ansøgning.pdf")).GetProperty("id").GetGuid());
        var second = await KeyOf((await mette.AttachAsync("mette", logId, TestFiles.Text(), "noter.txt")).GetProperty("id").GetGuid());
        var otherLog = await mette.NewLogAsync("mette");
        var kept = await KeyOf((await mette.AttachAsync("mette", otherLog, TestFiles.Odt(), "cv.odt")).GetProperty("id").GetGuid());

        var deleted = await mette.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{Clients.LogsUrl("mette")}/{logId}") { Headers = { { "If-Match", etag } } });

        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await fixture.CountAttachmentsAsync(logId)).ShouldBe(0);
        fixture.StoredKeys().ShouldNotContain(first);
        fixture.StoredKeys().ShouldNotContain(second);
        fixture.StoredKeys().ShouldContain(kept);
    }

    [Fact]
    public async Task the_sweeper_removes_files_without_rows_once_they_are_an_hour_old()
    {
        var mette = await fixture.App.SignedIn("mette");
        var logId = await mette.NewLogAsync("mette");
        var withRow = await KeyOf((await mette.AttachAsync("mette", logId, TestFiles.Pdf(), "cv.pdf")).GetProperty("id").GetGuid());
        var store = fixture.App.Services.GetRequiredService<IFileStore>();
        var ct = TestContext.Current.CancellationToken;
        var oldOrphan = await store.PutAsync(new MemoryStream(TestFiles.Pdf()), ct);
        var newOrphan = await store.PutAsync(new MemoryStream(TestFiles.Pdf()), ct);
        var twoHoursAgo = DateTime.UtcNow.AddHours(-2);
        File.SetLastWriteTimeUtc(fixture.PathOf(oldOrphan), twoHoursAgo);
        File.SetLastWriteTimeUtc(fixture.PathOf(withRow), twoHoursAgo);
        var halfWritten = fixture.PathOf(await store.PutAsync(new MemoryStream([1]), ct));
        File.Move(halfWritten, halfWritten + ".partial"); // as a crash in the middle of a write leaves it
        File.SetLastWriteTimeUtc(halfWritten + ".partial", twoHoursAgo);

        var removed = await fixture.App.Services.GetRequiredService<AttachmentSweeper>().SweepAsync(ct);

        removed.ShouldBeGreaterThanOrEqualTo(2);
        File.Exists(fixture.PathOf(oldOrphan)).ShouldBeFalse();
        File.Exists(halfWritten + ".partial").ShouldBeFalse();
        File.Exists(fixture.PathOf(newOrphan)).ShouldBeTrue();
        File.Exists(fixture.PathOf(withRow)).ShouldBeTrue();
    }

    [Fact]
    public async Task a_key_that_is_not_the_stores_own_never_reaches_the_file_system()
    {
        var store = fixture.App.Services.GetRequiredService<IFileStore>();
        await Should.ThrowAsync<ArgumentException>(() => store.OpenAsync("../../../etc/passwd", TestContext.Current.CancellationToken));
        await Should.ThrowAsync<ArgumentException>(() => store.DeleteAsync("..", TestContext.Current.CancellationToken));
    }
}
