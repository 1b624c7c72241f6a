using System.Diagnostics;
using System.Globalization;

namespace Joblog.Web.Database;

/// <summary>Finds the PostgreSQL server programs and runs them (as the postgres user when this process is root).</summary>
public sealed class PostgresBinaries(string binDirectory)
{
    public const string NotFoundMessage =
        "PostgreSQL was not found. Install it with: sudo apt-get install postgresql " +
        "(or set ConnectionStrings__Joblog to an existing server).";

    public string BinDirectory { get; } = binDirectory;

    /// <summary>PostgreSQL refuses to run as root, so a root process runs its programs as postgres.</summary>
    public static bool RunAsPostgresUser => OperatingSystem.IsLinux() && Environment.IsPrivilegedProcess;

    /// <summary>Highest version under <paramref name="versionsRoot"/>/*/bin, else from PATH.</summary>
    public static PostgresBinaries Find(string versionsRoot = "/usr/lib/postgresql", string? path = null)
    {
        var versioned = Directory.Exists(versionsRoot)
            ? Directory.GetDirectories(versionsRoot)
                .Where(d => File.Exists(Path.Combine(d, "bin", "pg_ctl")))
                .OrderByDescending(d => decimal.TryParse(Path.GetFileName(d), CultureInfo.InvariantCulture, out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin"))
                .FirstOrDefault()
            : null;
        return new PostgresBinaries(versioned ?? FindOnPath(path ?? Environment.GetEnvironmentVariable("PATH") ?? "")
            ?? throw new InvalidOperationException(NotFoundMessage));
    }

    private static string? FindOnPath(string path)
    {
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(dir, "pg_config")))
            {
                var psi = new ProcessStartInfo(Path.Combine(dir, "pg_config"), "--bindir") { RedirectStandardOutput = true };
                using var process = Process.Start(psi)!;
                var bin = process.StandardOutput.ReadToEnd().Trim();
                process.WaitForExit();
                if (process.ExitCode == 0 && File.Exists(Path.Combine(bin, "pg_ctl"))) return bin;
            }
            if (File.Exists(Path.Combine(dir, "pg_ctl"))) return dir;
        }
        return null;
    }

    /// <summary>Runs a program from the bin folder; throws with its output if it fails.</summary>
    public async Task<string> RunAsync(string program, IEnumerable<string> arguments, CancellationToken ct = default)
    {
        var psi = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
            FileName = RunAsPostgresUser ? "runuser" : Path.Combine(BinDirectory, program),
        };
        if (RunAsPostgresUser)
        {
            foreach (var a in new[] { "-u", "postgres", "--", Path.Combine(BinDirectory, program) }) psi.ArgumentList.Add(a);
        }
        foreach (var a in arguments) psi.ArgumentList.Add(a);

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var output = (await stdout + await stderr).Trim();
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"{program} failed with exit code {process.ExitCode}: {output}");
    }
}
