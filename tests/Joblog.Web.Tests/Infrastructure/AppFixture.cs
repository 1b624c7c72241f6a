using Xunit;

namespace Joblog.Web.Tests.Infrastructure;

/// <summary>
/// A class fixture: a fresh database (from the template) and the app on it, shared by the tests of one class.
/// Use as <c>public class MyTests(AppFixture fixture) : IClassFixture&lt;AppFixture&gt;</c>.
/// </summary>
public sealed class AppFixture(PostgresServer server) : IAsyncLifetime
{
    private JoblogApp? app;

    public string ConnectionString { get; private set; } = "";

    public JoblogApp App => app ?? throw new InvalidOperationException("The fixture is not initialized.");

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await server.CreateDemoDatabaseAsync();
        app = new JoblogApp(ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }
}
