using Joblog.Web.Features.JobAds;
using Joblog.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Joblog.Web.Tests.JobAds;

/// <summary>
/// A fresh database and the app on it (like <see cref="AppFixture"/>), plus the <see cref="FixturePages"/> server on
/// 127.0.0.1. The app's reader is allowed to reach loopback addresses (the setting
/// <c>Joblog:JobAdFetch:AllowPrivateAddresses</c>, which only tests turn on) and gives up after 2 seconds.
/// </summary>
public sealed class JobAdFixture(PostgresServer server) : IAsyncLifetime
{
    private JoblogApp? app;

    public FixturePages Pages { get; } = new();

    public string ConnectionString { get; private set; } = "";

    public JoblogApp App => app ?? throw new InvalidOperationException("The fixture is not initialized.");

    public async ValueTask InitializeAsync()
    {
        await Pages.InitializeAsync();
        ConnectionString = await server.CreateDemoDatabaseAsync();
        app = new JoblogApp(ConnectionString);
        AllowLoopback(app, TimeSpan.FromSeconds(2));
    }

    /// <summary>Lets an app's job-ad reader fetch the fixture pages on 127.0.0.1.</summary>
    public static void AllowLoopback(JoblogApp app, TimeSpan? timeout = null)
    {
        var options = app.Services.GetRequiredService<IOptions<JobAdFetchOptions>>().Value;
        options.AllowPrivateAddresses = true;
        if (timeout is { } t) options.Timeout = t;
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
        await Pages.DisposeAsync();
    }
}
