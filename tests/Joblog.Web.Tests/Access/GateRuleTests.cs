using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Joblog.Web.Access;
using Joblog.Web.Auth;
using Joblog.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Joblog.Web.Tests.Access;

/// <summary>
/// Withheld categories through the API, and the gate's failure modes: a policy that throws denies,
/// a withholding rule that throws withholds.
/// </summary>
public sealed class GateRuleTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private JoblogApp App => fixture.App;
    private PostgresConnection Db => new(fixture.ConnectionString);
    private static string CitizenUrl(string persona) => $"/api/v1/citizens/{Clients.CitizenId(persona)}";

    [Fact]
    public async Task The_akasse_gets_only_dagpenge_and_dimittend_periods_and_is_told_what_is_withheld_the_jobcenter_gets_all()
    {
        // Mette once had sickness benefit (another target group): a-kassen has no legal basis to see that period.
        await Db.ExecuteAsync(
            "insert into target_group_periods (id, citizen_id, target_group, starts_on, ends_on) values (gen_random_uuid(), @id, 'sickness', current_date - 800, current_date - 700)",
            new { id = Clients.CitizenId("mette") });

        var akasse = await App.System(AccessTestData.Akasse01Key).GetFromJsonAsync<JsonElement>(CitizenUrl("mette"));
        var akassePeriods = akasse.GetProperty("targetGroupPeriods").EnumerateArray().Select(p => p.GetProperty("targetGroup").GetString()).ToList();
        akassePeriods.ShouldBe(["dagpenge"]);
        var withheld = akasse.GetProperty("withheld").EnumerateArray().ToDictionary(w => w.GetProperty("category").GetString()!, w => w.GetProperty("reason").GetString()!);
        withheld.Keys.ShouldBe(["history", "otherTargetGroups", "aidsAndMentor", "messageContents", "historicalAbsence", "presentationCv", "caseToTeam", "preparationFormOtherGroup"], ignoreOrder: true);
        withheld["otherTargetGroups"].ShouldContain("dagpengemodtager eller dimittend");

        var jobcenter = await App.System("demo-jc-0751-system-key").GetFromJsonAsync<JsonElement>(CitizenUrl("mette"));
        jobcenter.GetProperty("targetGroupPeriods").EnumerateArray().Select(p => p.GetProperty("targetGroup").GetString()).ShouldBe(["dagpenge", "sickness"]);
        jobcenter.GetProperty("withheld").EnumerateArray().Select(w => w.GetProperty("category").GetString()).ShouldBe(["history"]);

        var mette = await App.SignedIn("mette");
        var own = await mette.GetFromJsonAsync<JsonElement>(CitizenUrl("mette"));
        own.GetProperty("targetGroupPeriods").GetArrayLength().ShouldBe(2);
        own.GetProperty("withheld").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_policy_that_throws_is_a_denial_and_nothing_is_recorded()
    {
        await using var app = App.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IAccessPolicy, ThrowingPolicy>()));
        var looks = await Db.CountLooksAsync("mette");
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", "demo-jc-0751-system-key");

        (await client.GetAsync(Clients.LogsUrl("mette"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Db.CountLooksAsync("mette")).ShouldBe(looks);
        (await App.System("demo-jc-0751-system-key").GetAsync(Clients.LogsUrl("mette"))).StatusCode.ShouldBe(HttpStatusCode.OK, "without the throwing policy");
    }

    [Fact]
    public async Task A_withholding_rule_that_throws_withholds_its_category()
    {
        await using var app = App.WithWebHostBuilder(b => b.ConfigureServices(s =>
        {
            var cv = s.Single(d => d.ImplementationType == typeof(PresentationCvRule));
            s.Remove(cv);
            s.AddSingleton<IWithholdingRule, ThrowingCvRule>();
        }));
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", "demo-jc-0751-system-key");

        var citizen = await client.GetFromJsonAsync<JsonElement>(CitizenUrl("mette"));
        citizen.GetProperty("withheld").EnumerateArray().Select(w => w.GetProperty("category").GetString()).ShouldBe(["history", "presentationCv"], ignoreOrder: true);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_look_is_committed_before_the_data_is_returned_whether_durable_or_not(bool durable)
    {
        await using var app = App.WithWebHostBuilder(b => b.UseSetting("Joblog:Access:DurableLooks", durable ? "true" : "false"));
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", "demo-jc-0751-system-key");
        var looks = await Db.CountLooksAsync("mette");
        (await client.GetAsync(Clients.LogsUrl("mette"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Db.CountLooksAsync("mette")).ShouldBe(looks + 1, "seen from another connection as soon as the answer is there");
    }

    private sealed class ThrowingPolicy : IAccessPolicy
    {
        public Decision? Decide(Actor actor, CitizenFacts facts) => throw new InvalidOperationException("policy failed");
    }

    private sealed class ThrowingCvRule : IWithholdingRule
    {
        public Category Category => Category.PresentationCv;

        public bool Withholds(Actor actor, CitizenFacts facts) => throw new InvalidOperationException("rule failed");
    }
}
