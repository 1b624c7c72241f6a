using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Joblog.Web.Tests.Infrastructure;
using Shouldly;

namespace Joblog.Web.Tests.JobGoals;

/// <summary>GET|PUT /api/v1/citizens/{citizenId}/job-goals: the whole set, ETag/If-Match, validation, the gate.</summary>
public sealed class JobGoalsApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly PostgresConnection db = new(fixture.ConnectionString);

    private static string Url(string persona) => $"/api/v1/citizens/{Clients.CitizenId(persona)}/job-goals";

    private static object Goal(string code, bool trained = true, int years = 2, int months = 0, int? last = 2025) =>
        new { occupationCode = code, trained, experienceYears = years, experienceMonths = months, lastWorkedYear = last };

    private static object Body(object[] goals, int? hours = null, string? start = null) =>
        new { goals, employmentConditions = new { weeklyHours = hours, earliestStart = start } };

    private static HttpRequestMessage Put(string url, object body, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body, options: Clients.Json) };
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }

    private Task<int> GoalCountAsync(string persona) =>
        db.ScalarAsync<int>("select count(*)::int from job_goals where citizen_id = @id", new { id = Clients.CitizenId(persona) });

    [Fact]
    public async Task a_citizen_reads_her_job_goals_with_titles_and_an_etag()
    {
        var mette = await fixture.App.SignedIn("mette");

        var response = await mette.GetAsync(Url("mette"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.ETag!.Tag.ShouldBe("\"0\"");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var goals = body.GetProperty("goals").EnumerateArray().ToList();
        goals.Select(g => g.GetProperty("occupationCode").GetString()).ShouldBe(["4110", "4311"]);
        goals[0].GetProperty("occupationTitle").GetString().ShouldBe("Kontorassistenter");
        goals[0].GetProperty("trained").GetBoolean().ShouldBeTrue();
        goals[0].GetProperty("experienceYears").GetInt32().ShouldBe(6);
        goals[0].GetProperty("experienceMonths").GetInt32().ShouldBe(3);
        body.GetProperty("employmentConditions").GetProperty("weeklyHours").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task a_put_replaces_the_whole_set_and_records_who_and_the_channel()
    {
        var lars = await fixture.App.SignedIn("lars");
        var etag = (await lars.GetAsync(Url("lars"))).Headers.ETag!.Tag;

        var response = await lars.SendAsync(Put(Url("lars"), Body([Goal("7412", years: 3, months: 6), Goal("7411", false, 12, 0, null)], 37, "2027-01-04"), etag));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Headers.ETag!.Tag.ShouldNotBe(etag);
        var read = await lars.GetFromJsonAsync<JsonElement>(Url("lars"));
        read.GetProperty("goals").EnumerateArray().Select(g => g.GetProperty("occupationCode").GetString()).ShouldBe(["7412", "7411"]);
        read.GetProperty("goals")[1].GetProperty("lastWorkedYear").ValueKind.ShouldBe(JsonValueKind.Null);
        read.GetProperty("employmentConditions").GetProperty("weeklyHours").GetInt32().ShouldBe(37);
        read.GetProperty("employmentConditions").GetProperty("earliestStart").GetString().ShouldBe("2027-01-04");
        var version = (await db.QueryAsync<(string ActorKind, string ActorName, string Channel)>(
            "select actor_kind, actor_name, channel from job_goal_versions where citizen_id = @id", new { id = Clients.CitizenId("lars") })).Single();
        version.ShouldBe(("citizen", "Lars Demo", "jobnet"));
    }

    [Fact]
    public async Task a_put_without_if_match_answers_428_and_a_stale_one_412_and_nothing_changes()
    {
        var jens = await fixture.App.SignedIn("jens");
        var first = (await jens.GetAsync(Url("jens"))).Headers.ETag!.Tag;

        var missing = await jens.SendAsync(Put(Url("jens"), Body([Goal("2432")]), null));
        missing.StatusCode.ShouldBe((HttpStatusCode)428);
        (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().ShouldBe("If-Match mangler");

        (await jens.SendAsync(Put(Url("jens"), Body([Goal("2431", years: 1)]), first))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = await jens.SendAsync(Put(Url("jens"), Body([Goal("2432")]), first));

        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        stale.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var codes = await db.QueryAsync<string>("select occupation_code from job_goals where citizen_id = @id", new { id = Clients.CitizenId("jens") });
        codes.ShouldBe(["2431"]);
    }

    [Fact]
    public async Task broken_rules_answer_400_with_danish_messages_per_field_and_nothing_changes()
    {
        var ali = await fixture.App.SignedIn("ali");
        var bad = Body([Goal("9999"), Goal("4110", years: 61, months: 12, last: DateTime.UtcNow.Year + 1), Goal("4110")], hours: 0);

        var response = await ali.SendAsync(Put(Url("ali"), bad, "\"0\""));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("goals[0].occupationCode")[0].GetString().ShouldBe("Koden findes ikke på listen over fag (DISCO-08). Vælg et fag fra listen");
        errors.GetProperty("goals[1].experienceYears")[0].GetString().ShouldBe("Skriv antal år som et tal fra 0 til 60");
        errors.GetProperty("goals[1].experienceMonths")[0].GetString().ShouldBe("Skriv antal måneder som et tal fra 0 til 11");
        errors.GetProperty("goals[1].lastWorkedYear")[0].GetString().ShouldBe("Skriv et årstal, der ikke ligger i fremtiden");
        errors.GetProperty("goals[2].occupationCode")[0].GetString().ShouldBe("Du har allerede dette fag som jobmål. Vælg et andet fag");
        errors.GetProperty("employmentConditions.weeklyHours")[0].GetString().ShouldBe("Skriv antal timer om ugen som et tal fra 1 til 60");
        (await GoalCountAsync("ali")).ShouldBe(0);

        var empty = await ali.SendAsync(Put(Url("ali"), Body([]), "\"0\""));
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("goals")[0].GetString()
            .ShouldBe("Du skal have mindst ét jobmål");
        var missingFields = await ali.SendAsync(Put(Url("ali"), new { goals = new object[] { new { occupationCode = "4110" } } }, "\"0\""));
        var missing = (await missingFields.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        missing.GetProperty("goals[0].trained")[0].GetString().ShouldBe("Vælg, om du er uddannet inden for faget");
        missing.GetProperty("goals[0].experienceYears")[0].GetString().ShouldBe("Skriv antal år som et tal fra 0 til 60");
        (await db.ScalarAsync<int>("select count(*)::int from job_goal_versions where citizen_id = @id", new { id = Clients.CitizenId("ali") })).ShouldBe(0);
    }

    [Fact]
    public async Task another_citizens_job_goals_are_not_found()
    {
        var mette = await fixture.App.SignedIn("mette");

        (await mette.GetAsync(Url("sofie"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await mette.SendAsync(Put(Url("sofie"), Body([Goal("4110")]), "\"0\""))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await GoalCountAsync("sofie")).ShouldBe(1);
    }

    [Fact]
    public async Task the_jobcenter_system_of_the_municipality_reads_the_goals_but_cannot_write_them()
    {
        var jobcenter = fixture.App.System("demo-jc-0751-system-key");
        var before = await db.ScalarAsync<long>("select count(*) from access_log where citizen_id = @id", new { id = Clients.CitizenId("mette") });

        var read = await jobcenter.GetAsync(Url("mette"));
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        var write = await jobcenter.SendAsync(Put(Url("mette"), Body([Goal("9112")]), read.Headers.ETag!.Tag));

        write.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await db.QueryAsync<string>("select occupation_code from job_goals where citizen_id = @id order by position", new { id = Clients.CitizenId("mette") }))
            .ShouldBe(["4110", "4311"]);
        (await db.ScalarAsync<long>("select count(*) from access_log where citizen_id = @id and what like 'jobgoals.%'", new { id = Clients.CitizenId("mette") }))
            .ShouldBeGreaterThanOrEqualTo(1);
        (await db.ScalarAsync<long>("select count(*) from access_log where citizen_id = @id", new { id = Clients.CitizenId("mette") })).ShouldBeGreaterThan(before);
        (await fixture.App.System("demo-jc-0751-system-key").GetAsync(Url("emma"))).StatusCode.ShouldBe(HttpStatusCode.NotFound); // København
    }

    [Fact]
    public async Task the_akasse_case_system_writes_for_its_member_through_its_own_channel()
    {
        var akasse = fixture.App.System("demo-ak-01-system-key");
        var etag = (await akasse.GetAsync(Url("emma"))).Headers.ETag!.Tag;

        var response = await akasse.SendAsync(Put(Url("emma"), Body([Goal("2431", years: 1), Goal("2432", false, 0, 6, null)], 30), etag));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await db.QueryAsync<(string ActorKind, string Channel)>("select actor_kind, channel from job_goal_versions where citizen_id = @id",
            new { id = Clients.CitizenId("emma") })).ShouldBe([("system", "akasse")]);
    }

    [Fact]
    public async Task occupations_are_found_by_job_title_prefix_and_by_title()
    {
        var mette = await fixture.App.SignedIn("mette");

        var kontor = await mette.GetFromJsonAsync<JsonElement>("/api/v1/occupations?q=kontorass");
        var first = kontor.GetProperty("items")[0];
        first.GetProperty("code").GetString().ShouldBe("4110");
        first.GetProperty("title").GetString().ShouldBe("Kontorassistenter");

        var paedagog = await mette.GetFromJsonAsync<JsonElement>("/api/v1/occupations?q=P%C3%A6dagog&limit=5");
        var codes = paedagog.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        codes.ShouldContain("2342");
        codes.ShouldContain("5311");
        codes.Count.ShouldBeLessThanOrEqualTo(5);

        (await mette.GetAsync("/api/v1/occupations?q=k")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await mette.GetAsync("/api/v1/occupations?q=kontor&limit=500")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await fixture.App.Anonymous().GetAsync("/api/v1/occupations?q=kontor")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
