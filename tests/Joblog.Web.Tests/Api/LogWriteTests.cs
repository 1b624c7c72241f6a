using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Joblog.Web.Tests.Infrastructure;
using Shouldly;

namespace Joblog.Web.Tests.Api;

/// <summary>Writes through the API: ETags, If-Match, Idempotency-Key, channels — checked in the rows too.</summary>
public sealed class LogWriteTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly PostgresConnection db = new(fixture.ConnectionString);

    private static HttpRequestMessage Put(string url, object body, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body, options: Clients.Json) };
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }

    [Fact]
    public async Task a_created_log_has_a_location_and_an_etag_and_reads_back_the_same()
    {
        var mette = await fixture.App.SignedIn("mette");
        var response = await mette.PostAsJsonAsync(Clients.LogsUrl("mette"), Clients.NewJobSearch("Lagerchef"), Clients.Json);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var etag = response.Headers.ETag!.Tag;
        var read = await mette.GetAsync(response.Headers.Location);
        read.Headers.ETag!.Tag.ShouldBe(etag);
        var log = await read.Content.ReadFromJsonAsync<JsonElement>();
        log.GetProperty("jobTitle").GetString().ShouldBe("Lagerchef");
        log.GetProperty("channel").GetString().ShouldBe("jobnet");
        log.GetProperty("employer").GetProperty("postalCode").GetString().ShouldBe("8000");
    }

    [Fact]
    public async Task a_write_without_if_match_answers_428_and_changes_nothing()
    {
        var mette = await fixture.App.SignedIn("mette");
        var (log, _) = await mette.CreateLogAsync("mette");
        var url = $"{Clients.LogsUrl("mette")}/{log.GetProperty("id")}";

        (await mette.SendAsync(Put(url, Clients.NewJobSearch("Ændret"), null))).StatusCode.ShouldBe((HttpStatusCode)428);
        (await mette.DeleteAsync(url)).StatusCode.ShouldBe((HttpStatusCode)428);

        (await mette.GetFromJsonAsync<JsonElement>(url)).GetProperty("jobTitle").GetString().ShouldBe("Kontorassistent");
    }

    [Fact]
    public async Task a_stale_write_answers_412_and_changes_nothing()
    {
        var mette = await fixture.App.SignedIn("mette");
        var (log, etag) = await mette.CreateLogAsync("mette");
        var url = $"{Clients.LogsUrl("mette")}/{log.GetProperty("id")}";
        var first = await mette.SendAsync(Put(url, Clients.NewJobSearch("Første ændring", "interview"), etag));
        first.StatusCode.ShouldBe(HttpStatusCode.OK);

        var stale = await mette.SendAsync(Put(url, Clients.NewJobSearch("Anden ændring", "rejected"), etag));

        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        stale.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var current = await mette.GetFromJsonAsync<JsonElement>(url);
        current.GetProperty("jobTitle").GetString().ShouldBe("Første ændring");
        (await db.ScalarAsync<int>("select count(*)::int from log_versions where log_id = @id", new { id = log.GetProperty("id").GetGuid() })).ShouldBe(2);
        (await mette.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url) { Headers = { { "If-Match", etag } } })).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task twenty_concurrent_updates_with_the_same_etag_give_exactly_one_success()
    {
        var ak = fixture.App.System("demo-ak-01-system-key");
        var (log, etag) = await ak.CreateLogAsync("mette");
        var url = $"{Clients.LogsUrl("mette")}/{log.GetProperty("id")}";

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            fixture.App.System("demo-ak-01-system-key").SendAsync(Put(url, Clients.NewJobSearch($"Samtidig {i}"), etag))));

        results.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        results.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed).ShouldBe(19);
        (await db.ScalarAsync<int>("select version from logs where id = @id", new { id = log.GetProperty("id").GetGuid() })).ShouldBe(2);
    }

    [Fact]
    public async Task a_repeated_create_with_the_same_idempotency_key_returns_the_first_result_and_creates_nothing_new()
    {
        var ak = fixture.App.System("demo-ak-01-system-key");
        var before = await db.CountLogsAsync("mette");
        async Task<HttpResponseMessage> Send(object body)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, Clients.LogsUrl("mette")) { Content = JsonContent.Create(body, options: Clients.Json) };
            request.Headers.Add("Idempotency-Key", "ak01-order-7781");
            return await ak.SendAsync(request);
        }

        var responses = await Task.WhenAll(Send(Clients.NewJobSearch("Idempotent")), Send(Clients.NewJobSearch("Idempotent")));
        var again = await Send(Clients.NewJobSearch("Idempotent"));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.Headers.Location.ShouldBe(responses[0].Headers.Location);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()
            .ShouldBe((await responses[1].Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        (await db.CountLogsAsync("mette")).ShouldBe(before + 1);
        (await Send(Clients.NewJobSearch("Noget andet"))).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task a_log_created_by_the_akasse_system_and_edited_on_the_web_shows_both_channels_in_its_history()
    {
        var ak = fixture.App.System("demo-ak-01-system-key");
        var (log, etag) = await ak.CreateLogAsync("mette", Clients.NewJobSearch("Fra a-kassen"));
        log.GetProperty("channel").GetString().ShouldBe("akasse");
        var mette = await fixture.App.SignedIn("mette");
        var url = $"{Clients.LogsUrl("mette")}/{log.GetProperty("id")}";

        (await mette.SendAsync(Put(url, Clients.NewJobSearch("Fra a-kassen", "interview"), etag))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var history = await mette.GetFromJsonAsync<JsonElement>(url + "/history");
        var versions = history.EnumerateArray().ToList();
        versions.Select(v => v.GetProperty("channel").GetString()).ShouldBe(["jobnet", "akasse"]);
        versions[0].GetProperty("actorName").GetString().ShouldBe("Mette Demo");
        versions[0].GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()).ShouldBe(["status"]);
        versions[1].GetProperty("actorName").GetString()!.ShouldContain("A-kassen");
        versions[1].GetProperty("change").GetString().ShouldBe("created");
    }

    [Fact]
    public async Task a_closed_log_is_read_only_until_it_is_reopened()
    {
        var mette = await fixture.App.SignedIn("mette");
        var (log, etag) = await mette.CreateLogAsync("mette");
        var url = $"{Clients.LogsUrl("mette")}/{log.GetProperty("id")}";
        var closedBody = new { kind = "jobSearch", status = "applied", jobTitle = "Kontorassistent", employer = new { name = "Firma A/S", postalCode = "8000", city = "Aarhus C" }, closed = true };
        var closed = await mette.SendAsync(Put(url, closedBody, etag));
        closed.StatusCode.ShouldBe(HttpStatusCode.OK);

        var changedWhileClosed = new { kind = "jobSearch", status = "hired", jobTitle = "Kontorassistent", employer = new { name = "Firma A/S" }, closed = true };
        var edit = await mette.SendAsync(Put(url, changedWhileClosed, closed.Headers.ETag!.Tag));
        edit.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var reopened = await mette.SendAsync(Put(url, Clients.NewJobSearch(), closed.Headers.ETag!.Tag));
        reopened.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reopened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("closed").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task a_deleted_log_is_gone_and_the_deletion_is_recorded_with_who_and_channel()
    {
        var ak = fixture.App.System("demo-ak-01-system-key");
        var (log, etag) = await ak.CreateLogAsync("mette");
        var url = $"{Clients.LogsUrl("mette")}/{log.GetProperty("id")}";

        var deleted = await ak.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url) { Headers = { { "If-Match", etag } } });

        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ak.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var audit = await db.QueryAsync<(string Channel, string Actor)>(
            "select channel, actor_id from audit_events where subject_id = @id and action = 'log.deleted'", new { id = log.GetProperty("id").GetGuid() });
        audit.ShouldBe([("akasse", "ak-01")]);
    }
}
