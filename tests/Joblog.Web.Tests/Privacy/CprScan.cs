using Xunit;

namespace Joblog.Web.Tests.Privacy;

/// <summary>A CPR number seen where none may be: whose app (the test class that made it), where, and the text with the number masked.</summary>
public sealed record CprSighting(string Owner, string Where, string MaskedText);

/// <summary>
/// Collects the places a CPR number was seen. <see cref="Run"/> is the scan of the whole test run: every log line of every app
/// instance (<see cref="Infrastructure.InMemoryLoggerProvider"/>), every request URL an app was asked for (in-process or on
/// Kestrel, <see cref="Infrastructure.JoblogApp"/>) and every request Chromium made (<see cref="Browser.BrowserFixture"/>) is
/// checked here as it happens. <see cref="NoCprSeenAttribute"/> fails the test after which a sighting of its class shows up,
/// <see cref="CprScanEndOfRunTests"/> (run last) and <see cref="CprScanAtEndOfRun"/> fail the run for the rest (see
/// CprScanGuards.cs). Other instances are for testing the scan itself.
/// </summary>
public sealed class CprScan
{
    /// <summary>Where a request target is checked: what an app was asked for, and what Chromium asked for.</summary>
    public const string RequestUrl = "request URL", BrowserRequest = "browser request";

    private const int LongestText = 400;
    private const string FrameworkLogLine = "log line of Microsoft.AspNetCore.";
    private readonly Lock gate = new();
    private readonly List<CprSighting> unreported = [];
    private readonly List<(string Owner, string Target)> onPurpose = [];

    /// <summary>The scan of this test run.</summary>
    public static CprScan Run { get; } = new();

    /// <summary>Stands for "no test class" as an owner: set up outside any test class (e.g. by an assembly fixture).</summary>
    public const string NoTestClass = "(no test class)";

    /// <summary>The test class running now (its full name), as the owner of an app or logger made now.</summary>
    public static string CurrentOwner() => TestContext.Current.TestClass?.TestClassName ?? NoTestClass;

    /// <summary>Checks one text (a log line, a request) and records it, masked, if it holds a CPR number.</summary>
    public void Check(string owner, string where, string text)
    {
        if (!CprDetector.Contains(text) || IsSentOnPurpose(owner, where, text)) return;
        var sighting = new CprSighting(owner, where, Shorten(CprDetector.Mask(text)));
        lock (gate) unreported.Add(sighting);
    }

    /// <summary>
    /// For a test that sends a CPR number in a URL on purpose (to prove the app refuses it): the apps of <paramref name="owner"/>
    /// may be asked for exactly <paramref name="pathAndQuery"/>, as the test writes it. Only the record of that request and
    /// ASP.NET Core's own log lines (<c>Microsoft.AspNetCore.*</c>) that echo it are let through, and only when no other CPR
    /// number is in them; the app's own log lines still count.
    /// </summary>
    public void AllowOnPurpose(string owner, string pathAndQuery)
    {
        if (!CprDetector.Contains(pathAndQuery)) throw new ArgumentException("There is no CPR number to allow in this URL.", nameof(pathAndQuery));
        lock (gate) onPurpose.Add((owner, pathAndQuery));
    }

    private bool IsSentOnPurpose(string owner, string where, string text)
    {
        if (where is not (RequestUrl or BrowserRequest) && !where.StartsWith(FrameworkLogLine, StringComparison.Ordinal)) return false;
        lock (gate)
            return onPurpose.Any(allowed => allowed.Owner == owner && text.Contains(allowed.Target, StringComparison.Ordinal)
                && !CprDetector.Contains(text.Replace(allowed.Target, "", StringComparison.Ordinal)));
    }

    /// <summary>Removes and returns the sightings not yet reported that match.</summary>
    public IReadOnlyList<CprSighting> Take(Func<CprSighting, bool> which)
    {
        lock (gate)
        {
            var taken = unreported.Where(which).ToList();
            unreported.RemoveAll(taken.Contains);
            return taken;
        }
    }

    /// <summary>A failure message naming each place (never the number itself).</summary>
    public static string Describe(IReadOnlyList<CprSighting> sightings) =>
        $"A CPR number was seen in {sightings.Count} place(s) where none may be (shown masked as {CprDetector.Masked}):" +
        string.Concat(sightings.Select(s => $"{Environment.NewLine}  * {s.Where}, app of {s.Owner}: {s.MaskedText}"));

    /// <summary>At most <see cref="LongestText"/> characters, around the first masked number.</summary>
    private static string Shorten(string text)
    {
        if (text.Length <= LongestText) return text;
        var start = Math.Clamp(text.IndexOf(CprDetector.Masked, StringComparison.Ordinal) - LongestText / 2, 0, text.Length - LongestText);
        return $"{(start > 0 ? "…" : "")}{text.AsSpan(start, LongestText)}{(start + LongestText < text.Length ? "…" : "")}";
    }
}
