using System.Globalization;

namespace Joblog.Web.World;

/// <summary>The summary <c>generate-world</c> prints at the end: every step with its rows, seconds and rows per second.</summary>
public static class WorldSummary
{
    /// <summary>Statements within a phase are listed when they took at least this long.</summary>
    public static readonly TimeSpan MinimumDetail = TimeSpan.FromSeconds(1);

    public static void Print(WorldWriteResult result, TimeSpan total, long databaseBytes, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine(string.Create(inv, $"{"step",-45} {"rows",13} {"seconds",8} {"rows/s",11}"));
        foreach (var step in result.Steps.Where(s => !s.Detail || s.Elapsed >= MinimumDetail))
        {
            var rate = step.Rows > 0 ? step.RowsPerSecond.ToString("N0", inv) : "";
            var name = step.Detail ? "  " + step.Step : step.Step;
            output.WriteLine(string.Create(inv, $"{name,-45} {(step.Rows > 0 ? step.Rows.ToString("N0", inv) : ""),13} {step.Elapsed.TotalSeconds,8:0.0} {rate,11}"));
        }
        var rows = result.Rows;
        output.WriteLine(string.Create(inv, $"{"writing (COPY, indexes, keys, analyze)",-45} {rows,13:N0} {result.Elapsed.TotalSeconds,8:0.0} {rows / Math.Max(0.001, result.Elapsed.TotalSeconds),11:N0}"));
        output.WriteLine(string.Create(inv, $"{"total (with database, migrations, reference data, generation)",-45} {total.TotalSeconds,22:0.0} s"));
        output.WriteLine(string.Create(inv, $"database size: {databaseBytes / 1024.0 / 1024 / 1024:0.00} GiB"));
    }
}
