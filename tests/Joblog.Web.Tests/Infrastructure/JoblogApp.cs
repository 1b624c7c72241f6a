using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Joblog.Web.Tests.Infrastructure;

/// <summary>
/// The real app on a given database, in Development (demo mode). In-process by default (<see cref="WebApplicationFactory{T}.CreateClient()"/>);
/// <see cref="StartOnKestrel"/> puts it on a real port for browser tests. All log lines land in <see cref="LogLines"/>.
/// </summary>
public sealed class JoblogApp(string connectionString) : WebApplicationFactory<Program>
{
    private readonly InMemoryLoggerProvider logs = new();

    public string ConnectionString { get; } = connectionString;

    /// <summary>Every log line of the app so far, at Debug and above.</summary>
    public IReadOnlyList<string> LogLines => logs.Lines;

    /// <summary>http://127.0.0.1:port when started with <see cref="StartOnKestrel"/>; null in-process.</summary>
    public Uri? BaseAddress { get; private set; }

    /// <summary>Starts the app on Kestrel at 127.0.0.1 on a free port; see <see cref="BaseAddress"/>.</summary>
    public static JoblogApp StartOnKestrel(string connectionString)
    {
        var app = new JoblogApp(connectionString);
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        app.BaseAddress = new Uri(addresses.Addresses.First());
        app.ClientOptions.BaseAddress = app.BaseAddress;
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Joblog", ConnectionString);
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(logs);
            logging.AddFilter<InMemoryLoggerProvider>(null, LogLevel.Debug);
        });
    }
}
