using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Joblog.Web.Tests.Infrastructure;
using Shouldly;
using static Joblog.Web.Tests.Requirements.RequirementsTestData;

namespace Joblog.Web.Tests.Requirements;

/// <summary>GET|PUT|DELETE /api/v1/citizens/{id}/requirements: versions with who and the channel, If-Match, validation, who may set.</summary>
public sealed class RequirementsApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly PostgresConnection db = new(fixture.ConnectionString);

    private sealed record SetRow(int Version, string OrganisationId, decimal ApplicationsPerWeek, DateOnly StartsOn, DateOnly? EndsOn, string ActorName,
        string Channel, string? EndedActorName, string? EndedChannel);

    private sealed class Row
    {
        public int Version { get; init; }
        public string OrganisationId { get; init; } = "";
        public decimal ApplicationsPerWeek { get; init; }
        public DateOnly StartsOn { get; init; }
        public DateOnly? EndsOn { get; init; }
        public string ActorName { get; init; } = "";
        public string Channel { get; init; } = "";
        public string? EndedActorName { get; init; }
        public string? EndedChannel { get; init; }

        public SetRow ToRecord() => new(Version, OrganisationId, ApplicationsPerWeek, StartsOn, EndsOn, ActorName, Channel, EndedActorName, EndedChannel);
    }

    private async Task<IReadOnlyList<SetRow>> RowsAsync(string persona) => (await db.QueryAsync<Row>(
        """
        select version, organisation_id, applications_per_week, starts_on, ends_on, actor_name, channel, ended_actor_name, ended_channel
        from search_requirements where citizen_id = @id order by organisation_id, version
        """, new { id = Clients.CitizenId(persona) })).Select(r => r.ToRecord()).ToList();

    [Fact]
    public async Task mette_reads_the_demo_requirements_from_jobcenter_aarhus_and_the_jobcenter_gets_the_etag_and_a_recorded_look()
    {
        var mette = await fixture.App.SignedIn("mette");

        var (body, etag) = await mette.GetRequirementsAsync("mette");

        etag.ShouldBeNull("the citizen cannot change them");
        body.GetProperty("paused").GetBoolean().ShouldBeFalse();
        var set = body.SetFrom("jc-0751");
        set.GetProperty("applicationsPerWeek").GetDecimal().ShouldBe(1.5m);
        set.GetProperty("occupations").EnumerateArray().Select(o => o.GetProperty("code").GetString()).ShouldBe(["4110", "4311"]);
        set.GetProperty("occupations")[0].GetProperty("name").GetString().ShouldBe("Kontorassistenter");
        set.GetProperty("maxKm").GetInt32().ShouldBe(40);
        set.GetProperty("methods").EnumerateArray().Select(m => m.GetString()).ShouldBe(["advertised", "unsolicited"]);
        set.GetProperty("version").GetInt32().ShouldBe(1);
        set.GetProperty("setBy").GetProperty("actorName").GetString().ShouldBe("Nina Demo");
        set.GetProperty("progress").GetProperty("required").GetDecimal().ShouldBe(6m);

        var looks = await db.LooksAsync("mette", "requirements.read");
        var nina = await fixture.App.SignedIn("nina");
        (await nina.GetRequirementsAsync("mette")).ETag.ShouldBe("\"1\"");
        (await db.LooksAsync("mette", "requirements.read")).ShouldBe(looks + 1);
    }

    [Fact]
    public async Task each_change_ends_the_open_set_and_starts_a_new_version_with_who_and_the_channel_and_ending_is_a_version_too()
    {
        var nina = await fixture.App.SignedIn("nina");
        (await nina.GetRequirementsAsync("lars")).ETag.ShouldBe("\"0\"", "nothing set yet");

        var first = await nina.PutRequirementsAsync("lars", Body(2, ["7411"], 30, methods: ["advertised"]), "\"0\"");
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        first.Headers.ETag!.Tag.ShouldBe("\"1\"");
        var second = await nina.PutRequirementsAsync("lars", Body(1.5m, ["7411", "7412"]), "\"1\"");
        second.Headers.ETag!.Tag.ShouldBe("\"2\"");
        var answer = await second.Content.ReadFromJsonAsync<JsonElement>();
        answer.SetFrom("jc-0751").GetProperty("applicationsPerWeek").GetDecimal().ShouldBe(1.5m);

        var rows = await RowsAsync("lars");
        rows.Count.ShouldBe(2);
        rows[0].ShouldBe(new SetRow(1, "jc-0751", 2m, Today, Today, "Nina Demo", "jobcenter", "Nina Demo", "jobcenter"));
        rows[1].ShouldBe(new SetRow(2, "jc-0751", 1.5m, Today, null, "Nina Demo", "jobcenter", null, null));

        var writes = await db.LooksAsync("lars", "requirements.write");
        var same = await nina.PutRequirementsAsync("lars", Body(1.5m, ["7412", "7411"]), "\"2\"");
        same.Headers.ETag!.Tag.ShouldBe("\"2\"", "the same content again is no change");
        (await RowsAsync("lars")).Count.ShouldBe(2);
        (await db.LooksAsync("lars", "requirements.write")).ShouldBe(writes + 1, "but the answer shows the requirements: a look");

        var end = await nina.EndRequirementsAsync("lars", "\"2\"");
        end.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        end.Headers.ETag!.Tag.ShouldBe("\"3\"");
        (await nina.GetRequirementsAsync("lars")).Body.GetProperty("items").GetArrayLength().ShouldBe(0);
        (await RowsAsync("lars"))[1].ShouldBe(new SetRow(3, "jc-0751", 1.5m, Today, Today, "Nina Demo", "jobcenter", "Nina Demo", "jobcenter"));
        (await nina.EndRequirementsAsync("lars", "\"3\"")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "nothing in force to end");

        var again = await nina.PutRequirementsAsync("lars", Body(1), "\"3\"");
        again.Headers.ETag!.Tag.ShouldBe("\"4\"");
    }

    [Fact]
    public async Task a_stale_write_answers_412_and_one_without_if_match_428_and_neither_changes_anything()
    {
        var key = fixture.App.System("demo-jc-0751-system-key");
        (await key.PutRequirementsAsync("ali", Body(1.5m), "\"0\"")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var stale = await key.PutRequirementsAsync("ali", Body(3), "\"0\"");
        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().ShouldBe("Kravene er ændret, siden du hentede dem");
        var missing = await key.PutRequirementsAsync("ali", Body(3), null);
        missing.StatusCode.ShouldBe((HttpStatusCode)428);
        (await key.EndRequirementsAsync("ali", "\"7\"")).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await key.EndRequirementsAsync("ali", null)).StatusCode.ShouldBe((HttpStatusCode)428);

        var rows = await RowsAsync("ali");
        rows.Select(r => (r.Version, r.ApplicationsPerWeek, r.EndsOn)).ShouldBe([(1, 1.5m, (DateOnly?)null)]);
        rows[0].ActorName.ShouldBe("Jobcenter Aarhus (fagsystem)");
    }

    [Fact]
    public async Task a_body_that_breaks_the_rules_is_refused_with_a_danish_message_per_field()
    {
        var nina = await fixture.App.SignedIn("nina");

        var response = await nina.PutRequirementsAsync("ali",
            new { applicationsPerWeek = 1.234, occupationCodes = new[] { "4110", "0000" }, maxKm = 0, municipalityCodes = new[] { "9999" }, methods = new[] { "pigeon" } },
            "\"0\"");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("applicationsPerWeek")[0].GetString().ShouldBe("Antal ansøgninger om ugen skal være et tal over 0 og højst 20 med højst to decimaler, fx 1,5");
        errors.GetProperty("maxKm")[0].GetString().ShouldBe("Afstanden skal være et helt antal km fra 1 til 1000");
        errors.GetProperty("occupationCodes")[0].GetString().ShouldBe("Angiv stillinger som koder fra DISCO-08-listen");
        errors.GetProperty("municipalityCodes")[0].GetString().ShouldBe("Angiv kommuner som kommunekoder, fx 0751");
        errors.GetProperty("methods")[0].GetString().ShouldStartWith("Måder at søge på skal være");

        var none = await nina.PutRequirementsAsync("ali", new { occupationCodes = new[] { "4110" } }, "\"0\"");
        (await none.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("applicationsPerWeek")[0].GetString()
            .ShouldBe("Indtast antal ansøgninger om ugen");
        (await nina.PutRequirementsAsync("ali", Body(20.01m), "\"0\"")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await RowsAsync("ali")).Where(r => r.ActorName == "Nina Demo").ShouldBeEmpty();
    }

    [Fact]
    public async Task the_jobcenter_of_the_municipality_and_the_akasse_of_a_member_in_course_set_their_own_sets_and_no_one_else()
    {
        // Emma: København (jc-0101, Karl), member of ak-01 (Berit) in a dimittend course.
        var emma = await fixture.App.SignedIn("emma");
        var looks = await db.ScalarAsync<long>("select count(*) from access_log where citizen_id = @id", new { id = Clients.CitizenId("emma") });
        foreach (var (caller, expected) in new (HttpClient, HttpStatusCode)[]
        {
            (emma, HttpStatusCode.Forbidden),
            (await fixture.App.SignedIn("nina"), HttpStatusCode.NotFound),
            (await fixture.App.SignedIn("ole"), HttpStatusCode.NotFound),
            (await fixture.App.SignedIn("stine"), HttpStatusCode.NotFound),
            (fixture.App.System("demo-jc-0751-system-key"), HttpStatusCode.NotFound),
            (fixture.App.System("demo-ak-02-system-key"), HttpStatusCode.NotFound),
        })
        {
            (await caller.PutRequirementsAsync("emma", Body(2), "\"0\"")).StatusCode.ShouldBe(expected);
            (await caller.EndRequirementsAsync("emma", "\"0\"")).StatusCode.ShouldBe(expected);
        }
        (await RowsAsync("emma")).ShouldBeEmpty();
        (await db.ScalarAsync<long>("select count(*) from access_log where citizen_id = @id", new { id = Clients.CitizenId("emma") })).ShouldBe(looks,
            "a refused write records no look");

        var karl = await fixture.App.SignedIn("karl");
        (await karl.PutRequirementsAsync("emma", Body(1.5m), "\"0\"")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var berit = await fixture.App.SignedIn("berit");
        (await berit.GetRequirementsAsync("emma")).ETag.ShouldBe("\"0\"", "the a-kasse's own version: it has set nothing yet");
        (await berit.PutRequirementsAsync("emma", Body(2), "\"0\"")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var system = fixture.App.System("demo-ak-01-system-key");
        (await system.PutRequirementsAsync("emma", Body(2.5m), "\"1\"")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var rows = await RowsAsync("emma");
        rows.Select(r => (r.OrganisationId, r.Version, r.ApplicationsPerWeek, r.Channel, r.EndsOn is null)).ShouldBe(
        [
            ("ak-01", 1, 2m, "akasse", false),
            ("ak-01", 2, 2.5m, "akasse", true),
            ("jc-0101", 1, 1.5m, "jobcenter", true),
        ]);
        (await db.LooksAsync("emma", "requirements.write")).ShouldBe(3, "each write is a recorded look, in the write's transaction");

        var (seen, etag) = await emma.GetRequirementsAsync("emma");
        etag.ShouldBeNull();
        seen.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("organisation").GetProperty("id").GetString()).ShouldBe(["jc-0101", "ak-01"],
            "both sets, the jobcenter's first");
    }
}
