using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Joblog.Web.Features.Demo;
using Joblog.Web.Tests.Infrastructure;
using Shouldly;

namespace Joblog.Web.Tests.JobAds;

/// <summary>/api/v1/citizens/{id}/saved-jobs: list, save (an ad or any job), remove, turn into a log — through the gate.</summary>
public sealed class SavedJobsApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly PostgresConnection db = new(fixture.ConnectionString);

    private static string SavedUrl(string persona) => $"/api/v1/citizens/{Clients.CitizenId(persona)}/saved-jobs";

    private static Guid Ad(int number) => Personas.IdFor($"job-ad:{number}");

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private Task<int> CountAsync(string persona) =>
        db.ScalarAsync<int>("select count(*)::int from saved_jobs where citizen_id = @id", new { id = Clients.CitizenId(persona) });

    [Fact]
    public async Task the_list_has_the_soonest_deadline_first_and_marks_a_passed_one()
    {
        var mette = await fixture.App.SignedIn("mette");

        var items = (await mette.GetFromJsonAsync<JsonElement>(SavedUrl("mette"))).GetProperty("items").EnumerateArray().ToList();

        // Mette's demo saved jobs (other tests may add more): deadline 10 days ago, tomorrow, none.
        Guid[] demo = [Ad(1001), Ad(1002), Ad(1005)];
        var demoItems = items.Where(i => i.GetProperty("jobAdId").ValueKind == JsonValueKind.String && demo.Contains(i.GetProperty("jobAdId").GetGuid())).ToList();
        demoItems.Select(i => i.GetProperty("jobAdId").GetGuid()).ShouldBe(demo);
        demoItems.Select(i => i.GetProperty("deadlinePassed").GetBoolean()).ShouldBe([true, false, false]);
        demoItems[0].GetProperty("jobTitle").GetString().ShouldBe("Kontorassistent");
        demoItems[0].GetProperty("employer").GetProperty("postalCode").GetString().ShouldBe("8000");
        demoItems[2].GetProperty("deadline").ValueKind.ShouldBe(JsonValueKind.Null);
        items.Last().GetProperty("deadline").ValueKind.ShouldBe(JsonValueKind.Null, "those without a deadline come last");
    }

    [Fact]
    public async Task saving_an_ad_copies_it_records_who_and_channel_and_saving_it_again_makes_no_second_row()
    {
        var lars = await fixture.App.SignedIn("lars");

        var first = await lars.PostAsJsonAsync(SavedUrl("lars"), new { jobAdId = Ad(1022) });
        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        var saved = await JsonAsync(first);
        first.Headers.Location!.ToString().ShouldBe($"{SavedUrl("lars")}/{saved.GetProperty("id").GetGuid()}");
        first.Headers.ETag!.Tag.ShouldBe("\"1\"");
        saved.GetProperty("jobTitle").GetString().ShouldBe("Elektriker");
        saved.GetProperty("jobAdUrl").GetString().ShouldBe("https://job.example/annonce/1022");
        saved.GetProperty("channel").GetString().ShouldBe("jobnet");
        (await db.ScalarAsync<string>("select actor_kind || ':' || actor_name from saved_jobs where id = @id", new { id = saved.GetProperty("id").GetGuid() }))
            .ShouldBe("citizen:Lars Demo");

        var again = await lars.PostAsJsonAsync(SavedUrl("lars"), new { jobAdId = Ad(1022) });
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JsonAsync(again)).GetProperty("id").GetGuid().ShouldBe(saved.GetProperty("id").GetGuid());
        (await db.ScalarAsync<int>("select count(*)::int from saved_jobs where job_ad_id = @ad and citizen_id = @id", new { ad = Ad(1022), id = Clients.CitizenId("lars") }))
            .ShouldBe(1);
    }

    [Fact]
    public async Task any_job_can_be_saved_by_its_fields_once_per_link()
    {
        var emma = await fixture.App.SignedIn("emma");
        var before = await CountAsync("emma");
        var job = new { jobTitle = "Kommunikationsmedarbejder", employer = new { name = "Museet", postalCode = "1620" }, jobAdUrl = "https://museet.example/job/7", deadline = "2026-12-24" };

        var first = await emma.PostAsJsonAsync(SavedUrl("emma"), job);
        var again = await emma.PostAsJsonAsync(SavedUrl("emma"), job);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CountAsync("emma")).ShouldBe(before + 1);
        (await JsonAsync(first)).GetProperty("jobAdId").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task a_saved_job_needs_a_title_valid_fields_and_a_known_ad()
    {
        var emma = await fixture.App.SignedIn("emma");
        var before = await CountAsync("emma");

        var invalid = await emma.PostAsJsonAsync(SavedUrl("emma"), new { employer = new { postalCode = "123" }, jobAdUrl = "ftp://x" });
        var unknown = await emma.PostAsJsonAsync(SavedUrl("emma"), new { jobAdId = Guid.NewGuid() });

        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await JsonAsync(invalid)).GetProperty("errors");
        errors.GetProperty("jobTitle")[0].GetString().ShouldBe("Indtast stillingsbetegnelsen");
        errors.GetProperty("employer.postalCode")[0].GetString()!.ShouldStartWith("Indtast");
        errors.TryGetProperty("jobAdUrl", out _).ShouldBeTrue();
        errors.TryGetProperty("employer.name", out _).ShouldBeFalse("the employer may be filled in when the log is made");
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonAsync(unknown)).GetProperty("errors").GetProperty("jobAdId")[0].GetString().ShouldBe("Jobannoncen findes ikke");
        (await CountAsync("emma")).ShouldBe(before);
    }

    [Fact]
    public async Task removing_needs_the_current_etag_and_is_recorded_without_the_content()
    {
        var lars = await fixture.App.SignedIn("lars");
        var saved = await JsonAsync(await lars.PostAsJsonAsync(SavedUrl("lars"), new { jobAdId = Ad(1023) }));
        var url = $"{SavedUrl("lars")}/{saved.GetProperty("id").GetGuid()}";

        (await lars.DeleteAsync(url)).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        (await lars.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url) { Headers = { { "If-Match", "\"7\"" } } })).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await lars.SendAsync(new HttpRequestMessage(HttpMethod.Delete, url) { Headers = { { "If-Match", "\"1\"" } } })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await lars.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await db.ScalarAsync<string>("select action || ':' || actor_name || ':' || channel from audit_events where subject_id = @id",
            new { id = saved.GetProperty("id").GetGuid() })).ShouldBe("savedJob.deleted:Lars Demo:jobnet");
    }

    [Fact]
    public async Task a_saved_job_becomes_a_log_with_status_not_applied_once()
    {
        var lars = await fixture.App.SignedIn("lars");
        var saved = await JsonAsync(await lars.PostAsJsonAsync(SavedUrl("lars"), new { jobAdId = Ad(1024) }));
        var url = $"{SavedUrl("lars")}/{saved.GetProperty("id").GetGuid()}";

        var response = await lars.PostAsync(url + "/log", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var log = await JsonAsync(response);
        response.Headers.Location!.ToString().ShouldBe($"{Clients.LogsUrl("lars")}/{log.GetProperty("id").GetGuid()}");
        response.Headers.ETag!.Tag.ShouldBe("\"1\"");
        log.GetProperty("status").GetString().ShouldBe("notApplied");
        log.GetProperty("jobTitle").GetString().ShouldBe(saved.GetProperty("jobTitle").GetString());
        log.GetProperty("employer").GetProperty("name").GetString().ShouldBe(saved.GetProperty("employer").GetProperty("name").GetString());
        log.GetProperty("jobAdUrl").GetString().ShouldBe("https://job.example/annonce/1024");
        log.GetProperty("occupationCode").GetString().ShouldBe("7411");
        var after = await lars.GetFromJsonAsync<JsonElement>(url);
        after.GetProperty("logId").GetGuid().ShouldBe(log.GetProperty("id").GetGuid());

        var again = await lars.PostAsync(url + "/log", null);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await JsonAsync(again)).GetProperty("title").GetString().ShouldBe("Der er allerede oprettet en log om dette gemte job");
        (await db.ScalarAsync<int>("select count(*)::int from logs where job_ad_url = 'https://job.example/annonce/1024'")).ShouldBe(1);
    }

    [Fact]
    public async Task caseworkers_read_through_the_gate_and_the_look_is_recorded_but_only_a_case_system_of_the_akasse_may_write()
    {
        var nina = await fixture.App.SignedIn("nina");    // jobcenter Aarhus: reads Mette, read only
        var ole = await fixture.App.SignedIn("ole");      // another a-kasse: not Mette
        var ak01 = fixture.App.System("demo-ak-01-system-key");
        var lookedBefore = await db.ScalarAsync<int>("select count(*)::int from access_log where actor_id = 'nina' and what = 'savedJobs.list'");

        (await nina.GetAsync(SavedUrl("mette"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await db.ScalarAsync<int>("select count(*)::int from access_log where actor_id = 'nina' and what = 'savedJobs.list'")).ShouldBe(lookedBefore + 1);
        (await nina.PostAsJsonAsync(SavedUrl("mette"), new { jobAdId = Ad(1010) })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ole.GetAsync(SavedUrl("mette"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await fixture.App.SignedIn("lars")).GetAsync(SavedUrl("mette"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var bySystem = await ak01.PostAsJsonAsync(SavedUrl("mette"), new { jobAdId = Ad(1010) });
        bySystem.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await JsonAsync(bySystem)).GetProperty("channel").GetString().ShouldBe("akasse");
    }
}
