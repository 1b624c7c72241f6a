using System.Net;
using Joblog.Web.Access;
using Joblog.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Shouldly;
using Xunit;

namespace Joblog.Web.Tests.Access;

/// <summary>The a-kasse's permit is decided per request, on the clock of that request: nothing is cached.</summary>
public sealed class AccessClockTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Berit_reads_sofie_until_the_last_second_of_her_dagpenge_course_and_not_one_second_later()
    {
        var db = new PostgresConnection(fixture.ConnectionString);
        // Sofie's dagpenge course ends today−31. ends_on is inclusive, and the AkassePolicy asks whether a course is
        // open *today in Danish time* (Europe/Copenhagen): starts_on <= today <= ends_on. So the course is open until
        // midnight in Copenhagen at the start of the day after ends_on; the last permitted instant is just before it.
        var endsOn = await db.ScalarAsync<DateOnly>(
            "select ends_on from target_group_periods where citizen_id = @id and target_group = 'dagpenge'", new { id = Clients.CitizenId("sofie") });
        endsOn.ShouldBe(TimeProvider.System.Today().AddDays(-31), "DEMO.md: sofie's dagpenge course ends today−31");
        var end = DanishClock.Instant(endsOn.AddDays(1));

        // The app starts (and the demo loader runs) at the real time, so the periods stay as they are; then the clock moves.
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        await using var app = fixture.App.WithWebHostBuilder(b => b.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock))));
        var berit = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        (await berit.PostAsync("/test-login", new FormUrlEncodedContent(new Dictionary<string, string> { ["persona"] = "berit" })))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var sofie = Clients.LogsUrl("sofie");
        (await berit.GetAsync(sofie)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "today sofie has sickness benefit, not dagpenge");

        clock.Advance(end.AddSeconds(-1) - clock.GetUtcNow());
        (await berit.GetAsync(sofie)).StatusCode.ShouldBe(HttpStatusCode.OK, $"one second before {end:O}");

        clock.Advance(TimeSpan.FromSeconds(2));
        (await berit.GetAsync(sofie)).StatusCode.ShouldBe(HttpStatusCode.NotFound, $"one second after {end:O}");

        clock.Advance(TimeSpan.FromSeconds(-2));
        (await berit.GetAsync(sofie)).StatusCode.ShouldBe(HttpStatusCode.OK, "back before the end: decided again, per request");
    }
}
