using System.Net;
using Joblog.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Shouldly;

namespace Joblog.Web.Tests.Pages;

/// <summary>A session lasts 30 minutes without use and 12 hours at most, whatever the use.</summary>
public sealed class SessionLifetimeTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private (WebApplicationFactory<Program> App, MovableClock Clock) AppWithClock()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        var app = fixture.App.WithWebHostBuilder(b => b.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock))));
        return (app, clock);
    }

    private static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        (await client.PostAsync("/test-login", new FormUrlEncodedContent(new Dictionary<string, string> { ["persona"] = "mette" })))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    [Fact]
    public async Task a_session_unused_for_more_than_30_minutes_has_ended()
    {
        var (app, clock) = AppWithClock();
        await using var _ = app;
        var client = await SignInAsync(app);
        clock.Advance(TimeSpan.FromMinutes(29));
        (await client.GetAsync("/joblog")).StatusCode.ShouldBe(HttpStatusCode.OK);

        clock.Advance(TimeSpan.FromMinutes(31));

        (await client.GetAsync("/joblog")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task a_session_in_steady_use_ends_after_12_hours()
    {
        var (app, clock) = AppWithClock();
        await using var _ = app;
        var client = await SignInAsync(app);
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(11.5); elapsed += TimeSpan.FromMinutes(20))
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            (await client.GetAsync("/joblog")).StatusCode.ShouldBe(HttpStatusCode.OK, $"after {elapsed}");
        }

        clock.Advance(TimeSpan.FromMinutes(40));

        (await client.GetAsync("/joblog")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
