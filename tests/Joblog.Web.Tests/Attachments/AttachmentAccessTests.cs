using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Joblog.Web.Tests.Infrastructure;
using Shouldly;

namespace Joblog.Web.Tests.Attachments;

/// <summary>An attachment is visible to exactly those who may see its log, and each look by someone else is recorded.</summary>
public sealed class AttachmentAccessTests(AttachmentsFixture fixture) : IClassFixture<AttachmentsFixture>
{
    private async Task<(Guid LogId, Guid AttachmentId)> MettesAttachmentAsync()
    {
        var mette = await fixture.App.SignedIn("mette");
        var logId = await mette.NewLogAsync("mette");
        var attachment = await mette.AttachAsync("mette", logId, TestFiles.Pdf(), "ansøgning.pdf");
        return (logId, attachment.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task another_citizen_gets_404_for_everything()
    {
        var (logId, id) = await MettesAttachmentAsync();
        var lars = await fixture.App.SignedIn("lars");
        var url = AttachmentRequests.Url("mette", logId);

        (await lars.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lars.GetAsync($"{url}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lars.DeleteAsync($"{url}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lars.UploadAsync("mette", logId, TestFiles.Pdf(), "cv.pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Lars's own log does not open Mette's file either.
        var larsLog = await lars.NewLogAsync("lars");
        (await lars.GetAsync($"{AttachmentRequests.Url("lars", larsLog)}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fixture.Db.ScalarAsync<int>("select count(*)::int from attachments where id = @id", new { id })).ShouldBe(1);
    }

    [Fact]
    public async Task the_case_system_of_the_members_akasse_lists_and_downloads_and_each_download_is_recorded()
    {
        var (logId, id) = await MettesAttachmentAsync();
        var ak01 = fixture.App.System("demo-ak-01-system-key");
        var url = AttachmentRequests.Url("mette", logId);
        const string downloads = "select count(*)::int from access_log where citizen_id = @citizen and what = 'attachment.download' and organisation_id = 'ak-01'";
        var citizen = Clients.CitizenId("mette");
        var before = await fixture.Db.ScalarAsync<int>(downloads, new { citizen });

        var list = await ak01.GetFromJsonAsync<JsonElement>(url, TestContext.Current.CancellationToken);
        list.GetProperty("items")[0].GetProperty("id").GetGuid().ShouldBe(id);
        (await ak01.GetByteArrayAsync($"{url}/{id}", TestContext.Current.CancellationToken)).ShouldBe(TestFiles.Pdf());
        (await ak01.GetByteArrayAsync($"{url}/{id}", TestContext.Current.CancellationToken)).ShouldBe(TestFiles.Pdf());

        (await fixture.Db.ScalarAsync<int>(downloads, new { citizen })).ShouldBe(before + 2);
        (await fixture.Db.ScalarAsync<int>(
            "select count(*)::int from access_log where citizen_id = @citizen and what = 'attachments.list' and organisation_id = 'ak-01'", new { citizen }))
            .ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task another_akasse_and_another_municipality_see_nothing()
    {
        var (logId, id) = await MettesAttachmentAsync();
        var url = AttachmentRequests.Url("mette", logId);

        (await fixture.App.System("demo-ak-02-system-key").GetAsync($"{url}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await fixture.App.SignedIn("karl")).GetAsync($"{url}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound); // Jobcenter København
    }

    [Fact]
    public async Task readers_may_download_but_not_add_or_delete()
    {
        var (logId, id) = await MettesAttachmentAsync();
        var url = AttachmentRequests.Url("mette", logId);

        foreach (var reader in new[] { await fixture.App.SignedIn("berit"), fixture.App.System("demo-jc-0751-system-key") })
        {
            (await reader.GetAsync($"{url}/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await reader.UploadAsync("mette", logId, TestFiles.Pdf(), "cv.pdf")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await reader.DeleteAsync($"{url}/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        (await fixture.CountAttachmentsAsync(logId)).ShouldBe(1);
    }

    [Fact]
    public async Task the_akasse_system_adds_and_deletes_for_its_member_and_the_history_says_who_and_through_which_channel()
    {
        var mette = await fixture.App.SignedIn("mette");
        var logId = await mette.NewLogAsync("mette");
        var ak01 = fixture.App.System("demo-ak-01-system-key");
        var id = (await ak01.AttachAsync("mette", logId, TestFiles.Docx(), "cv.docx")).GetProperty("id").GetGuid();

        (await ak01.DeleteAsync($"{AttachmentRequests.Url("mette", logId)}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var events = await fixture.Db.QueryAsync<(string Action, string FileName, string Channel, string ActorKind)>(
            "select action, file_name, channel, actor_kind from attachment_events where attachment_id = @id order by id", new { id });
        events.ShouldBe([("added", "cv.docx", "akasse", "system"), ("deleted", "cv.docx", "akasse", "system")]);
    }
}
