using System.Diagnostics;
using System.Globalization;

namespace Joblog.Web.Database;

/// <summary>Reads <c>postmaster.pid</c> to find a server already running on a data directory.</summary>
internal static class PostmasterPid
{
    /// <summary>The port of the live server on <paramref name="pgData"/> once it is ready, or null if none runs.</summary>
    public static async Task<int?> WaitForRunningPortAsync(string pgData, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var lines = TryReadLines(Path.Combine(pgData, "postmaster.pid"));
            // Line 1: pid, line 4: port, line 8: status ("starting", "ready", "stopping").
            if (lines is null || lines.Length < 4 || !int.TryParse(lines[0], CultureInfo.InvariantCulture, out var pid)
                || !IsPostgres(pid))
                return null;
            if (lines.Length >= 8 && lines[7].Trim() == "ready")
                return int.Parse(lines[3], CultureInfo.InvariantCulture);
            await Task.Delay(100, ct);
        }
        throw new InvalidOperationException($"The PostgreSQL server on {pgData} did not become ready.");
    }

    private static string[]? TryReadLines(string path)
    {
        try { return File.Exists(path) ? File.ReadAllLines(path) : null; }
        catch (IOException) { return null; }
    }

    private static bool IsPostgres(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited && process.ProcessName.StartsWith("postgres", StringComparison.Ordinal);
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }
}
