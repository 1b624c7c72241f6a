using System.Net;
using Joblog.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Shouldly;

namespace Joblog.Web.Tests.Privacy;

/// <summary>
/// The whole-run scan records what it should. Each test plants CPR numbers into a scan of its own (never
/// <see cref="CprScan.Run"/>), so these tests prove the mechanism without failing the run.
/// </summary>
public sealed class CprScanTests
{
    private const string Cpr = "610190-0001";

    [Fact]
    public void A_sighting_names_the_owner_and_the_place_and_never_the_number()
    {
        var scan = new CprScan();
        scan.Check("Some.TestClass", CprScan.RequestUrl, "GET /joblog?q=6101900001");
        scan.Check("Some.TestClass", CprScan.RequestUrl, "GET /joblog?q=Kontorassistent");

        var sightings = scan.Take(_ => true);

        sightings.ShouldBe([new CprSighting("Some.TestClass", CprScan.RequestUrl, "GET /joblog?q=######-####")]);
        var message = CprScan.Describe(sightings);
        message.ShouldContain("request URL, app of Some.TestClass: GET /joblog?q=######-####");
        message.ShouldNotContain("610190");
        scan.Take(_ => true).ShouldBeEmpty(); // reported once
    }

    [Fact]
    public void Take_leaves_the_sightings_of_other_owners()
    {
        var scan = new CprScan();
        scan.Check("A", "log line of X", Cpr);
        scan.Check("B", "log line of X", Cpr);

        scan.Take(s => s.Owner == "A").Select(s => s.Owner).ShouldBe(["A"]);
        scan.Take(_ => true).Select(s => s.Owner).ShouldBe(["B"]);
    }

    [Fact]
    public void A_long_line_is_shortened_around_the_masked_number()
    {
        var scan = new CprScan();
        scan.Check("A", "log line of X", new string('a', 1000) + " " + Cpr + " " + new string('b', 1000));

        var text = scan.Take(_ => true).Single().MaskedText;

        text.Length.ShouldBeLessThan(410);
        text.ShouldContain(" ######-#### ");
    }

    [Fact]
    public void A_URL_sent_on_purpose_passes_only_as_that_request_and_in_ASP_NET_Cores_echo_of_it()
    {
        var scan = new CprScan();
        const string path = "/kalender/feed/610190-0001.ics";
        scan.AllowOnPurpose("A", path);

        scan.Check("A", CprScan.RequestUrl, $"GET {path}");
        scan.Check("A", CprScan.BrowserRequest, $"GET https://127.0.0.1:5001{path}");
        scan.Check("A", "log line of Microsoft.AspNetCore.Hosting.Diagnostics", $"Information Microsoft.AspNetCore.Hosting.Diagnostics: Request starting HTTP/1.1 GET https://localhost{path} - - -");
        scan.Check("A", CprScan.RequestUrl, $"GET {path}?also=0101011234");
        scan.Check("A", "log line of Joblog.Web.Features.Calendar", $"Information Joblog.Web.Features.Calendar: no feed at {path}");
        scan.Check("B", CprScan.RequestUrl, $"GET {path}");
        scan.Check("A", CprScan.RequestUrl, "GET /kalender/feed/6101900001.ics");

        scan.Take(_ => true).Select(s => (s.Owner, s.Where)).ShouldBe(
        [
            ("A", CprScan.RequestUrl), // another number besides
            ("A", "log line of Joblog.Web.Features.Calendar"), // the app's own line
            ("B", CprScan.RequestUrl), // another class's app
            ("A", CprScan.RequestUrl), // not exactly the URL allowed
        ]);
        Should.Throw<ArgumentException>(() => scan.AllowOnPurpose("A", "/kalender/feed/kort.ics"));
    }

    [Fact]
    public void Each_log_line_is_checked_as_it_is_logged()
    {
        var scan = new CprScan();
        using var provider = new InMemoryLoggerProvider(scan, "Some.TestClass");

        provider.CreateLogger("Joblog.Web.Lookup").LogInformation("Looked up {Cpr}", Cpr);

        scan.Take(_ => true).ShouldBe(
            [new CprSighting("Some.TestClass", "log line of Joblog.Web.Lookup", "Information Joblog.Web.Lookup: Looked up ######-####")]);
    }
}

/// <summary>
/// The app's log lines and request URLs reach the scan, in-process and on Kestrel, and ASP.NET Core's hosting log line
/// ("Request starting … path?query") is among the captured lines. The apps here have scans of their own, as they are sent
/// CPR numbers in URLs on purpose.
/// </summary>
public sealed class CprScanAppTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_in_process_app_reports_a_CPR_number_in_a_URL_and_in_its_request_log()
    {
        var scan = new CprScan();
        await using var app = new JoblogApp(await server.CreateDemoDatabaseAsync(), scan);
        var client = app.Anonymous();

        (await client.GetAsync(new Uri("/health?probe=plain", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await client.GetAsync(new Uri("/joblog?q=6101900001", UriKind.Relative), Ct);

        app.LogLines.ShouldContain(l => l.Contains("Request starting HTTP/1.1 GET https://localhost/health?probe=plain", StringComparison.Ordinal));
        var sightings = scan.Take(_ => true);
        sightings.ShouldContain(new CprSighting(app.ScanOwner, CprScan.RequestUrl, "GET /joblog?q=######-####"));
        sightings.ShouldContain(s => s.Where == "log line of Microsoft.AspNetCore.Hosting.Diagnostics"
            && s.MaskedText.Contains("GET https://localhost/joblog?q=######-####", StringComparison.Ordinal));
        app.ScanOwner.ShouldBe(typeof(CprScanAppTests).FullName);
    }

    [Fact]
    public async Task An_app_on_Kestrel_reports_a_CPR_number_in_a_URL_and_in_its_request_log()
    {
        var scan = new CprScan();
        await using var app = JoblogApp.StartOnKestrel(await server.CreateDemoDatabaseAsync(), scan);
        using var outside = new HttpClient { BaseAddress = app.BaseAddress };

        (await outside.GetAsync(new Uri("/health?probe=plain", UriKind.Relative), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await outside.GetAsync(new Uri("/health?cpr=610190%2D0001", UriKind.Relative), Ct);

        var origin = app.BaseAddress!.GetLeftPart(UriPartial.Authority);
        app.LogLines.ShouldContain(l => l.Contains($"Request starting HTTP/1.1 GET {origin}/health?probe=plain", StringComparison.Ordinal));
        var sightings = scan.Take(_ => true);
        sightings.ShouldContain(new CprSighting(app.ScanOwner, CprScan.RequestUrl, "GET /health?cpr=######-####"));
        sightings.ShouldContain(s => s.Where == "log line of Microsoft.AspNetCore.Hosting.Diagnostics"
            && s.MaskedText.Contains($"GET {origin}/health?cpr=######-####", StringComparison.Ordinal));
    }
}
