using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Joblog.Web.Tests.Access;
using Joblog.Web.Tests.Infrastructure;
using Joblog.Web.Tests.Pages;
using Joblog.Web.Tests.Requirements;
using Shouldly;
using static Joblog.Web.Tests.Requirements.RequirementsTestData;

namespace Joblog.Web.Tests.Exemptions;

/// <summary>/api/v1/citizens/{id}/exemptions: grant, list, end — the jobcenter only — and what an exemption does to requirements and pages.</summary>
public sealed class ExemptionsApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string JobcenterKey = "demo-jc-0751-system-key";
    private readonly PostgresConnection db = new(fixture.ConnectionString);

    private static string Url(string persona) => $"/api/v1/citizens/{Clients.CitizenId(persona)}/exemptions";

    private static object Grant(int fromDaysAgo, int? toDaysAhead = null, string? reason = "Nedsat psykisk funktionsevne (LAS § 75, stk. 5)") =>
        new { from = Iso(Today.AddDays(-fromDaysAgo)), to = toDaysAhead is { } t ? Iso(Today.AddDays(t)) : null, reason };

    private Task<long> RowsAsync(string persona) =>
        db.ScalarAsync<long>("select count(*) from exemptions where citizen_id = @id", new { id = Clients.CitizenId(persona) });

    [Fact]
    public async Task the_jobcenter_grants_lists_and_ends_an_exemption_recording_who_and_the_channel()
    {
        var key = fixture.App.System(JobcenterKey);
        var looks = await db.LooksAsync("ali", "exemptions.write");

        var granted = await key.PostAsJsonAsync(Url("ali"), Grant(0), Clients.Json);

        granted.StatusCode.ShouldBe(HttpStatusCode.Created, await granted.Content.ReadAsStringAsync());
        var exemption = await granted.Content.ReadFromJsonAsync<JsonElement>();
        var id = exemption.GetProperty("id").GetGuid();
        granted.Headers.Location!.OriginalString.ShouldBe($"{Url("ali")}/{id}");
        exemption.GetProperty("appliesToday").GetBoolean().ShouldBeTrue();
        exemption.GetProperty("to").ValueKind.ShouldBe(JsonValueKind.Null);
        exemption.GetProperty("granted").GetProperty("channel").GetString().ShouldBe("jobcenter");
        (await db.LooksAsync("ali", "exemptions.write")).ShouldBe(looks + 1);

        var list = await key.GetFromJsonAsync<JsonElement>(Url("ali"));
        list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldBe([id]);
        (await key.GetFromJsonAsync<JsonElement>($"{Url("ali")}/{id}")).GetProperty("reason").GetString().ShouldBe("Nedsat psykisk funktionsevne (LAS § 75, stk. 5)");

        var before = await key.PostAsJsonAsync($"{Url("ali")}/{id}/end", new { to = Iso(Today.AddDays(-1)) }, Clients.Json);
        before.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await before.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("to")[0].GetString()
            .ShouldBe("Den sidste dag kan ikke ligge før fritagelsens første dag");

        var nina = await fixture.App.SignedIn("nina");
        var ended = await nina.PostAsync($"{Url("ali")}/{id}/end", null);
        ended.StatusCode.ShouldBe(HttpStatusCode.OK, await ended.Content.ReadAsStringAsync());
        var end = await ended.Content.ReadFromJsonAsync<JsonElement>();
        end.GetProperty("to").GetString().ShouldBe(Iso(Today), "no body: the last day is today");
        end.GetProperty("ended").GetProperty("actorName").GetString().ShouldBe("Nina Demo");
        var row = (await db.QueryAsync<(string Org, string Kind, string Name, string Channel, string EndedName, string EndedChannel)>(
            "select organisation_id, actor_kind, actor_name, channel, ended_actor_name, ended_channel from exemptions where id = @id", new { id })).Single();
        row.ShouldBe(("jc-0751", "system", "Jobcenter Aarhus (fagsystem)", "jobcenter", "Nina Demo", "jobcenter"));
        (await key.PostAsync($"{Url("ali")}/{Guid.NewGuid()}/end", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task an_exemption_may_not_overlap_another_and_one_that_is_over_cannot_be_ended()
    {
        var key = fixture.App.System(JobcenterKey);
        var first = await (await key.PostAsJsonAsync(Url("lars"), Grant(30, -10), Clients.Json)).Content.ReadFromJsonAsync<JsonElement>();

        var overlap = await key.PostAsJsonAsync(Url("lars"), Grant(12, 5), Clients.Json);

        overlap.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await overlap.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().ShouldBe("Borgeren er allerede fritaget i en del af perioden");
        (await key.PostAsJsonAsync(Url("lars"), Grant(9, 5), Clients.Json)).StatusCode.ShouldBe(HttpStatusCode.Created, "the day after the first ends");
        (await key.PostAsync($"{Url("lars")}/{first.GetProperty("id").GetGuid()}/end", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await RowsAsync("lars")).ShouldBe(2);
    }

    [Fact]
    public async Task a_grant_without_a_start_or_a_reason_or_ending_before_it_starts_is_refused_field_by_field()
    {
        var key = fixture.App.System(JobcenterKey);

        var response = await key.PostAsJsonAsync(Url("ali"), new { to = Iso(Today), reason = " " }, Clients.Json);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("from")[0].GetString().ShouldBe("Indtast den dato, fritagelsen gælder fra");
        errors.GetProperty("reason")[0].GetString().ShouldBe("Indtast begrundelsen for fritagelsen");
        var backwards = await key.PostAsJsonAsync(Url("ali"), new { from = Iso(Today), to = Iso(Today.AddDays(-1)), reason = "x" }, Clients.Json);
        (await backwards.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("to")[0].GetString()
            .ShouldBe("Slutdatoen skal være samme dag som startdatoen eller senere");
        var long_ = await key.PostAsJsonAsync(Url("ali"), new { from = Iso(Today), reason = new string('x', 501) }, Clients.Json);
        (await long_.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("reason")[0].GetString()
            .ShouldBe("Begrundelsen må højst være 500 tegn");
        (await key.PostAsJsonAsync(Url("ali"), new { from = "2026-02-30", reason = "x" }, Clients.Json)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task the_akasse_and_the_citizen_get_403_others_404_and_none_of_them_changes_anything_or_leaves_a_look()
    {
        var looks = await db.CountLooksAsync("mette");
        var rows = await RowsAsync("mette");
        foreach (var (caller, expected) in new (HttpClient, HttpStatusCode)[]
        {
            (await fixture.App.SignedIn("berit"), HttpStatusCode.Forbidden),
            (fixture.App.System("demo-ak-01-system-key"), HttpStatusCode.Forbidden),
            (await fixture.App.SignedIn("mette"), HttpStatusCode.Forbidden),
            (await fixture.App.SignedIn("karl"), HttpStatusCode.NotFound),
            (await fixture.App.SignedIn("ole"), HttpStatusCode.NotFound),
            (await fixture.App.SignedIn("stine"), HttpStatusCode.NotFound),
            (fixture.App.System("demo-ak-02-system-key"), HttpStatusCode.NotFound),
        })
        {
            (await caller.GetAsync(Url("mette"))).StatusCode.ShouldBe(expected);
            (await caller.PostAsJsonAsync(Url("mette"), Grant(0), Clients.Json)).StatusCode.ShouldBe(expected);
            (await caller.PostAsync($"{Url("mette")}/{Guid.NewGuid()}/end", null)).StatusCode.ShouldBe(expected);
        }
        (await RowsAsync("mette")).ShouldBe(rows);
        (await db.CountLooksAsync("mette")).ShouldBe(looks);
    }

    [Fact]
    public async Task while_exempt_the_requirements_are_paused_and_mette_is_told_she_is_exempt_and_must_still_search()
    {
        var key = fixture.App.System(JobcenterKey);
        var mette = await fixture.App.SignedIn("mette");
        var granted = await (await key.PostAsJsonAsync(Url("mette"), Grant(1, 30), Clients.Json)).Content.ReadFromJsonAsync<JsonElement>();

        var (requirements, _) = await mette.GetRequirementsAsync("mette");
        requirements.GetProperty("paused").GetBoolean().ShouldBeTrue();
        requirements.GetProperty("exemption").GetProperty("from").GetString().ShouldBe(Iso(Today.AddDays(-1)));
        requirements.SetFrom("jc-0751").GetProperty("progress").GetProperty("status").GetString().ShouldBe("paused");
        (await mette.GetFromJsonAsync<JsonElement>($"/api/v1/citizens/{Clients.CitizenId("mette")}")).GetProperty("dutyToLog").GetString().ShouldBe("exempt");

        var progress = await mette.GetPageAsync("/joblog/fremdrift");
        progress.QuerySelector("#requirements-paused")!.TextContent.Trim().ShouldBe(
            $"Dine krav er sat i bero, fordi du er fritaget for at registrere din jobsøgning fra {D(-1)} til {D(30)}. Du skal stadig søge job.");
        progress.QuerySelector("#requirement-set-0 .requirement-status")!.TextContent.Trim().ShouldBe("Kravene er sat i bero");
        var front = await mette.GetPageAsync("/");
        var notice = front.QuerySelector("#exempt-notice")!.TextContent;
        notice.ShouldContain("Du er fritaget for at registrere din jobsøgning");
        notice.ShouldContain($"Jobcentret har fritaget dig for at registrere din jobsøgning i joblog fra {D(-1)} til og med {D(30)}.");
        notice.ShouldContain("Du skal stadig søge job. Fritagelsen gælder kun pligten til at registrere.");
        notice.ShouldNotContain("funktionsevne", Case.Insensitive);

        var end = await key.PostAsJsonAsync($"{Url("mette")}/{granted.GetProperty("id").GetGuid()}/end", new { to = Iso(Today.AddDays(-1)) }, Clients.Json);
        end.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await mette.GetRequirementsAsync("mette")).Body.GetProperty("paused").GetBoolean().ShouldBeFalse();
        (await mette.GetPageAsync("/")).QuerySelector("#exempt-notice").ShouldBeNull();
        (await mette.GetPageAsync("/joblog/fremdrift")).QuerySelector("#requirements-paused").ShouldBeNull();
    }
}
