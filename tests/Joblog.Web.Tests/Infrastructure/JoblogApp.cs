using System.Net;
using Joblog.Web.Tests.Privacy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Joblog.Web.Tests.Infrastructure;

/// <summary>
/// The real app on a given database, in Development (demo mode). In-process by default (<see cref="WebApplicationFactory{T}.CreateClient()"/>);
/// <see cref="StartOnKestrel"/> puts it on a real port for browser tests. All log lines land in <see cref="LogLines"/>.
/// Its log lines and the path and query of every request it is asked for are checked for CPR numbers by
/// <see cref="CprScan.Run"/> (or the given scan), owned by the test class that made the app.
/// </summary>
public sealed class JoblogApp(string connectionString, CprScan? cprScan = null) : WebApplicationFactory<Program>
{
    private readonly InMemoryLoggerProvider logs = new(cprScan);

    public string ConnectionString { get; } = connectionString;

    /// <summary>Every log line of the app so far, at Debug and above.</summary>
    public IReadOnlyList<string> LogLines => logs.Lines;

    /// <summary>The test class that made this app (see <see cref="CprScan.CurrentOwner"/>).</summary>
    public string ScanOwner => logs.Owner;

    /// <summary>Where this app's log lines and request URLs are checked for CPR numbers.</summary>
    public CprScan Scan => logs.Scan;

    /// <summary>
    /// Declares that a test asks this app for a URL with a CPR number on purpose (exactly <paramref name="pathAndQuery"/>):
    /// the whole-run scan then lets through only that request and ASP.NET Core's echo of it (see <see cref="CprScan.AllowOnPurpose"/>).
    /// </summary>
    public void SendsCprInUrlOnPurpose(string pathAndQuery) => Scan.AllowOnPurpose(ScanOwner, pathAndQuery);

    /// <summary>http://127.0.0.1:port when started with <see cref="StartOnKestrel"/>; null in-process.</summary>
    public Uri? BaseAddress { get; private set; }

    /// <summary>Starts the app on Kestrel at 127.0.0.1 on a free port; see <see cref="BaseAddress"/>.</summary>
    public static JoblogApp StartOnKestrel(string connectionString, CprScan? cprScan = null)
    {
        var app = new JoblogApp(connectionString, cprScan);
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
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ScanRequestUrls(logs.Scan, logs.Owner)));
    }

    /// <summary>First in the pipeline: checks the path and query of every request (what any client sent) for CPR numbers.</summary>
    private sealed class ScanRequestUrls(CprScan scan, string owner) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                scan.Check(owner, CprScan.RequestUrl, $"{context.Request.Method} {context.Request.GetEncodedPathAndQuery()}");
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
