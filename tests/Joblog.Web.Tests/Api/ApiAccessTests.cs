using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Joblog.Web.Tests.Infrastructure;
using Shouldly;

namespace Joblog.Web.Tests.Api;

/// <summary>Who may reach which logs through the API. What you may not see is a 404.</summary>
public sealed class ApiAccessTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task another_citizens_log_is_a_404_for_a_citizen()
    {
        var mette = await fixture.App.SignedIn("mette");
        var (log, etag) = await mette.CreateLogAsync("mette");
        var lars = await fixture.App.SignedIn("lars");
        var url = $"{Clients.LogsUrl("mette")}/{log.GetProperty("id")}";

        (await lars.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lars.GetAsync(Clients.LogsUrl("mette"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lars.GetAsync(url + "/history")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lars.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url) { Headers = { { "If-Match", etag } } })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lars.PostAsJsonAsync(Clients.LogsUrl("mette"), Clients.NewJobSearch(), Clients.Json)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await mette.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task the_akasse_system_writes_for_its_members_in_a_dagpenge_course_only()
    {
        var ak01 = fixture.App.System("demo-ak-01-system-key");
        (await ak01.PostAsJsonAsync(Clients.LogsUrl("emma"), Clients.NewJobSearch(), Clients.Json)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await ak01.GetAsync(Clients.LogsUrl("sofie"))).StatusCode.ShouldBe(HttpStatusCode.NotFound); // sickness benefit now
        (await ak01.GetAsync(Clients.LogsUrl("lars"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);  // another a-kasse
        (await ak01.GetAsync(Clients.LogsUrl("ali"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);   // not a member
    }

    [Fact]
    public async Task the_jobcenter_system_reads_its_municipality_and_may_not_write()
    {
        var jc = fixture.App.System("demo-jc-0751-system-key");
        var mette = await fixture.App.SignedIn("mette");
        var (log, etag) = await mette.CreateLogAsync("mette");
        var url = $"{Clients.LogsUrl("mette")}/{log.GetProperty("id")}";

        (await jc.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await jc.GetAsync(Clients.LogsUrl("ali"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await jc.GetAsync(Clients.LogsUrl("emma"))).StatusCode.ShouldBe(HttpStatusCode.NotFound); // København
        (await jc.PostAsJsonAsync(Clients.LogsUrl("mette"), Clients.NewJobSearch(), Clients.Json)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await jc.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url) { Headers = { { "If-Match", etag } } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task a_case_system_finds_a_citizen_by_cpr_in_the_body_and_each_look_is_recorded()
    {
        var ak01 = fixture.App.System("demo-ak-01-system-key");
        var db = new PostgresConnection(fixture.ConnectionString);
        var before = await db.ScalarAsync<int>("select count(*)::int from access_log where citizen_id = @id", new { id = Clients.CitizenId("mette") });

        var found = await ak01.PostAsJsonAsync("/api/v1/citizens/lookup", new { cpr = "610190-0001" });
        var result = await found.Content.ReadFromJsonAsync<JsonElement>();

        result.GetProperty("citizenId").GetGuid().ShouldBe(Clients.CitizenId("mette"));
        (await db.ScalarAsync<int>("select count(*)::int from access_log where citizen_id = @id", new { id = Clients.CitizenId("mette") })).ShouldBe(before + 1);
        (await ak01.PostAsJsonAsync("/api/v1/citizens/lookup", new { cpr = "650588-0005" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ak01.PostAsJsonAsync("/api/v1/citizens/lookup", new { cpr = "320190-0001" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task a_case_systems_create_records_exactly_one_look_and_a_refused_write_records_none()
    {
        var db = new PostgresConnection(fixture.ConnectionString);
        Task<int> Looks() => db.ScalarAsync<int>("select count(*)::int from access_log where citizen_id = @id", new { id = Clients.CitizenId("mette") });
        var before = await Looks();

        await fixture.App.System("demo-ak-01-system-key").CreateLogAsync("mette");
        (await Looks()).ShouldBe(before + 1);

        (await fixture.App.System("demo-jc-0751-system-key").PostAsJsonAsync(Clients.LogsUrl("mette"), Clients.NewJobSearch(), Clients.Json))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Looks()).ShouldBe(before + 1);
    }

    [Fact]
    public async Task an_unknown_key_or_no_credentials_get_401()
    {
        (await fixture.App.System("not-a-key").GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await fixture.App.Anonymous().GetAsync(Clients.LogsUrl("mette"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task me_tells_who_is_calling()
    {
        var me = await (await fixture.App.SignedIn("mette")).GetFromJsonAsync<JsonElement>("/api/v1/me");
        me.GetProperty("kind").GetString().ShouldBe("citizen");
        me.GetProperty("citizenId").GetGuid().ShouldBe(Clients.CitizenId("mette"));
        var system = await fixture.App.System("demo-ak-01-system-key").GetFromJsonAsync<JsonElement>("/api/v1/me");
        system.GetProperty("kind").GetString().ShouldBe("system");
        system.GetProperty("organisation").GetProperty("id").GetString().ShouldBe("ak-01");
    }

    [Fact]
    public async Task a_cookie_session_needs_the_antiforgery_header_to_write()
    {
        var mette = await fixture.App.SignedIn("mette");
        mette.DefaultRequestHeaders.Remove("RequestVerificationToken");
        (await mette.PostAsJsonAsync(Clients.LogsUrl("mette"), Clients.NewJobSearch(), Clients.Json)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task the_openapi_document_describes_the_logs_api()
    {
        var doc = await fixture.App.Anonymous().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        paths.TryGetProperty("/api/v1/citizens/{citizenId}/logs", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/citizens/{citizenId}/logs/{logId}/history", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/citizens/lookup", out _).ShouldBeTrue();
    }
}
