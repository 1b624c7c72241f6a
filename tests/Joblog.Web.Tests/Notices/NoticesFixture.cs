using Joblog.Web.Access;
using Joblog.Web.Features.Notices;
using Joblog.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Xunit;

namespace Joblog.Web.Tests.Notices;

/// <summary>
/// The app on a fresh demo database with a clock the test moves, and without the daily schedule (so a sweep happens only
/// when a test asks for one, or at the demo load when the app starts). The app starts at the real time, so the demo world
/// is anchored to the real today (<see cref="Today"/>); tests then set the clock where they need it.
/// </summary>
public sealed class NoticesFixture(PostgresServer server) : IAsyncLifetime
{
    private JoblogApp? inner;
    private WebApplicationFactory<Program>? app;

    public MovableClock Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>The real Danish today, to which the demo world is anchored.</summary>
    public DateOnly Today { get; } = TimeProvider.System.Today();

    public string ConnectionString { get; private set; } = "";

    public WebApplicationFactory<Program> App => app ?? throw new InvalidOperationException("The fixture is not initialized.");

    public PostgresConnection Db => new(ConnectionString);

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await server.CreateDemoDatabaseAsync();
        inner = new JoblogApp(ConnectionString);
        app = inner.WithWebHostBuilder(b =>
        {
            b.UseSetting("Joblog:Notices:DailyAt", "off");
            b.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
        });
        _ = app.Services; // start it (and load the demo world) now
    }

    /// <summary>Puts the clock at <paramref name="at"/> (forward or back).</summary>
    public void SetClock(DateTimeOffset at) => Clock.Advance(at - Clock.GetUtcNow());

    /// <summary>Puts the clock at the start of a Danish day plus <paramref name="offset"/> (e.g. minus one second).</summary>
    public void SetClock(DateOnly day, TimeSpan offset = default) => SetClock(DanishClock.Instant(day) + offset);

    /// <summary>Back to the real time.</summary>
    public void ResetClock() => SetClock(DateTimeOffset.UtcNow);

    /// <summary>A sweep now, on the app's clock, as the command would run it.</summary>
    public Task<SweepResult> SweepAsync() =>
        App.Services.GetRequiredService<InactivitySweep>().RunNowAsync(SweepStart.Command, null, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
        if (inner is not null) await inner.DisposeAsync();
    }
}
