using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Joblog.Web.Tests.Infrastructure;
using Shouldly;

namespace Joblog.Web.Tests.Api;

/// <summary>Bad input gets a clear error (400/415, problem details, Danish field messages) and writes nothing.</summary>
public sealed class LogValidationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly PostgresConnection db = new(fixture.ConnectionString);

    private async Task<(HttpStatusCode Status, JsonElement Problem)> PostRawAsync(string body, string contentType = "application/json")
    {
        var ak = fixture.App.System("demo-ak-01-system-key");
        var before = await db.CountLogsAsync("mette");
        var response = await ak.PostAsync(Clients.LogsUrl("mette"), new StringContent(body, Encoding.UTF8, contentType));
        (await db.CountLogsAsync("mette")).ShouldBe(before, "nothing may be written");
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static string[] Messages(JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()!).ToArray();

    [Fact]
    public async Task empty_required_fields_are_named_in_danish()
    {
        var (status, problem) = await PostRawAsync("""{"kind":"jobSearch","jobTitle":" ","employer":{"name":""}}""");
        status.ShouldBe(HttpStatusCode.BadRequest);
        Messages(problem, "jobTitle").ShouldBe(["Indtast stillingsbetegnelsen"]);
        Messages(problem, "employer.name").ShouldBe(["Indtast virksomhedens navn"]);
        Messages(problem, "status").ShouldBe(["Vælg status for ansøgningen"]);
    }

    [Fact]
    public async Task another_activity_needs_its_type_and_date()
    {
        var (status, problem) = await PostRawAsync("""{"kind":"otherActivity","description":"Jobmesse"}""");
        status.ShouldBe(HttpStatusCode.BadRequest);
        Messages(problem, "activityType").ShouldBe(["Vælg hvilken aktivitet det er"]);
        Messages(problem, "activityDate").ShouldBe(["Indtast datoen for aktiviteten"]);
    }

    [Fact]
    public async Task over_long_text_is_refused()
    {
        var body = JsonSerializer.Serialize(new { kind = "jobSearch", status = "applied", jobTitle = new string('x', 201), employer = new { name = "A" }, note = new string('n', 5001) });
        var (status, problem) = await PostRawAsync(body);
        status.ShouldBe(HttpStatusCode.BadRequest);
        Messages(problem, "jobTitle").ShouldBe(["Teksten må højst være 200 tegn"]);
        Messages(problem, "note").ShouldBe(["Teksten må højst være 5.000 tegn"]);
    }

    [Fact]
    public async Task an_impossible_date_names_its_field()
    {
        var (status, problem) = await PostRawAsync("""{"kind":"jobSearch","status":"applied","jobTitle":"A","employer":{"name":"B"},"deadline":"2026-02-30"}""");
        status.ShouldBe(HttpStatusCode.BadRequest);
        Messages(problem, "deadline").ShouldBe(["Indtast en gyldig dato som ÅÅÅÅ-MM-DD, fx 2026-12-24"]);
    }

    [Fact]
    public async Task a_malformed_email_is_refused()
    {
        var (status, problem) = await PostRawAsync("""{"kind":"jobSearch","status":"applied","jobTitle":"A","employer":{"name":"B"},"contact":{"email":"hanne@"}}""");
        status.ShouldBe(HttpStatusCode.BadRequest);
        Messages(problem, "contact.email").ShouldBe(["Indtast en gyldig e-mailadresse, fx navn@firma.dk"]);
    }

    [Theory]
    [InlineData("""{"kind":"jobSearch","status":"maybe","jobTitle":"A","employer":{"name":"B"}}""", "status")]
    [InlineData("""{"kind":"wish","status":"applied","jobTitle":"A","employer":{"name":"B"}}""", "kind")]
    [InlineData("""{"status":"applied","jobTitle":"A","employer":{"name":"B"}}""", "kind")]
    public async Task an_unknown_status_or_kind_is_refused(string body, string field)
    {
        var (status, problem) = await PostRawAsync(body);
        status.ShouldBe(HttpStatusCode.BadRequest);
        Messages(problem, field).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task a_body_that_is_not_json_is_a_400()
    {
        var (status, problem) = await PostRawAsync("{ this is not json");
        status.ShouldBe(HttpStatusCode.BadRequest);
        problem.GetProperty("title").GetString().ShouldBe("Indholdet er ikke gyldig JSON");
    }

    [Fact]
    public async Task a_wrong_content_type_is_a_415()
    {
        var (status, _) = await PostRawAsync("kind=jobSearch", "application/x-www-form-urlencoded");
        status.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task bad_list_parameters_are_named()
    {
        var ak = fixture.App.System("demo-ak-01-system-key");
        var response = await ak.GetAsync(Clients.LogsUrl("mette") + "?status=done&changedFrom=2026-13-01&limit=501");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty("status", out _).ShouldBeTrue();
        errors.TryGetProperty("changedFrom", out _).ShouldBeTrue();
        errors.TryGetProperty("limit", out _).ShouldBeTrue();
    }
}
