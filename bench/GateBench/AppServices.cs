using Joblog.Web.Database;
using Joblog.Web.Features;

namespace Joblog.Bench.Gate;

/// <summary>
/// The app's own service registrations on a given database — the data source with the app's settings (auto-prepare,
/// no reset on close), the gate and its policies, LogQuery — built but never run (no web host, no migrations, no demo
/// world: the database measured is not changed by them).
/// </summary>
internal static class AppServices
{
    public static async Task<WebApplication> BuildAsync(string connectionString, bool durableLooks = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection([
            new($"ConnectionStrings:{DatabaseSetup.ConnectionStringName}", connectionString),
            new("Logging:LogLevel:Default", "Warning"),
            new("Joblog:Access:DurableLooks", durableLooks ? "true" : "false"),
        ]);
        builder.Services.AddSingleton(TimeProvider.System);
        await builder.AddJoblogDatabaseAsync();
        builder.AddJoblogFeatures();
        return builder.Build();
    }
}
