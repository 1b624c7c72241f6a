using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Joblog.Web.Tests.Infrastructure;
using Joblog.Web.Tests.Privacy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace Joblog.Web.Tests.Browser;

/// <summary>
/// A class fixture for browser tests: the app on Kestrel on its own fresh database (demo world loaded) and one headless
/// Debian Chromium, driven by Playwright. Each test gets a fresh browser context (no cookies) from <see cref="NewPageAsync"/>.
/// The browser is Debian's (<c>JOBLOG_CHROMIUM</c> or /usr/bin/chromium), never one downloaded by <c>playwright install</c>.
/// Every request of the browser is checked for CPR numbers (<see cref="CprScan"/>).
/// <para>
/// The app is served over HTTPS with a throwaway self-signed certificate (the context ignores certificate errors), as in
/// production: the antiforgery cookie has <c>SecurePolicy = Always</c>, and ASP.NET Core's antiforgery then refuses to
/// issue tokens on plain-HTTP requests (every page has the language form). <c>JOBLOG_BROWSER_HTTP=1</c> serves plain
/// HTTP on 127.0.0.1 instead (<see cref="JoblogApp.StartOnKestrel"/>); Chromium accepts the Secure <c>__Host-</c>
/// cookies there too.
/// </para>
/// </summary>
public sealed class BrowserFixture(PostgresServer server) : IAsyncLifetime
{
    public const string DefaultChromium = "/usr/bin/chromium";

    /// <summary>A desktop window and a phone (iPhone X/11 Pro size).</summary>
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };
    public static readonly ViewportSize Phone = new() { Width = 375, Height = 812 };

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? playwright;
    private IBrowser? browser;
    private JoblogApp? app;
    private Uri? baseAddress;

    public JoblogApp App => app ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>The app's address, e.g. https://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => baseAddress ?? throw new InvalidOperationException("The fixture is not initialized.");

    private static bool PlainHttp => Environment.GetEnvironmentVariable("JOBLOG_BROWSER_HTTP") is "1" or "true";

    public async ValueTask InitializeAsync()
    {
        var chromium = ChromiumPath();
        // Start the app while Chromium launches.
        var appTask = Task.Run(async () =>
        {
            var connectionString = await server.CreateDemoDatabaseAsync();
            return PlainHttp ? JoblogApp.StartOnKestrel(connectionString) : StartOnHttps(connectionString);
        });
        try
        {
            playwright = await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium, Headless = true, Args = ChromiumArgs, Timeout = 30_000,
            });
        }
        finally
        {
            app = await appTask;
            baseAddress = app.BaseAddress ?? app.ClientOptions.BaseAddress;
        }
    }

    /// <summary>The app on Kestrel at https://127.0.0.1 on a free port, with a self-signed certificate made now.</summary>
    private static JoblogApp StartOnHttps(string connectionString)
    {
        var certificate = SelfSignedCertificate();
        var app = new JoblogApp(connectionString);
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        app.StartServer();
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        app.ClientOptions.BaseAddress = new Uri(addresses.Addresses.First());
        return app;
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>The Chromium to use; throws (failing every browser test) with how to install it when it is missing.</summary>
    public static string ChromiumPath()
    {
        var configured = Environment.GetEnvironmentVariable("JOBLOG_CHROMIUM");
        var path = string.IsNullOrWhiteSpace(configured) ? DefaultChromium : configured;
        if (!File.Exists(path))
            throw new InvalidOperationException(
                $"Chromium was not found at {path}{(string.IsNullOrWhiteSpace(configured) ? "" : " (from JOBLOG_CHROMIUM)")}. " +
                "The browser tests need Debian's Chromium: sudo apt-get install chromium " +
                "(or set JOBLOG_CHROMIUM to a Chromium executable; test.sh installs it). Playwright's own browser downloads are not used.");
        return path;
    }

    /// <summary>A page in a fresh browser context (own cookies), Danish, at the given viewport (desktop by default).</summary>
    public async Task<BrowserSession> NewPageAsync(ViewportSize? viewport = null)
    {
        if (browser is null) throw new InvalidOperationException("The fixture is not initialized.");
        var phone = viewport is { Width: < 600 };
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "da-DK",
            TimezoneId = "Europe/Copenhagen",
            ViewportSize = viewport ?? Desktop,
            IsMobile = phone,
            HasTouch = phone,
            IgnoreHTTPSErrors = true, // the fixture's self-signed certificate
        });
        // Every request the browser makes is checked for CPR numbers (the app's request log sees those that reach it).
        var app = App;
        context.Request += (_, request) => app.Scan.Check(app.ScanOwner, CprScan.BrowserRequest, $"{request.Method} {request.Url}");
        context.SetDefaultTimeout(10_000);
        context.SetDefaultNavigationTimeout(15_000);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page);
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null) await browser.CloseAsync();
        playwright?.Dispose();
        if (app is not null) await app.DisposeAsync();
    }
}

/// <summary>One test's browser context and page; collects JavaScript errors and failed requests; closes the context when disposed.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly List<string> pageErrors = [];

    public BrowserSession(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
        page.PageError += (_, error) => { lock (pageErrors) pageErrors.Add($"{page.Url}: {error}"); };
        page.Console += (_, message) =>
        {
            // A failed request is reported below, with its address.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
                lock (pageErrors) pageErrors.Add($"{page.Url}: console error: {message.Text}");
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400) lock (pageErrors) pageErrors.Add($"{page.Url}: {response.Status} from {response.Request.Method} {response.Url}");
        };
    }

    public IPage Page { get; }

    /// <summary>Uncaught exceptions, console errors and failed requests (status 400 and above) seen so far, with the page's address.</summary>
    public IReadOnlyList<string> PageErrors
    {
        get { lock (pageErrors) return pageErrors.ToArray(); }
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}
