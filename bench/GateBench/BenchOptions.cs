using System.Globalization;

namespace Joblog.Bench.Gate;

/// <summary>The command line of the gate benchmark (see bench/README.md).</summary>
internal sealed record BenchOptions
{
    /// <summary>
    /// A connection string to the database to measure (or <c>GATEBENCH_CONNECTION</c>, which keeps a password out of the
    /// process list); without it, the private cluster in <see cref="DataDir"/>.
    /// </summary>
    public string? Connection { get; init; } = Environment.GetEnvironmentVariable("GATEBENCH_CONNECTION") is { Length: > 0 } c ? c : null;
    public string DataDir { get; init; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "joblog", "postgres");
    public string Database { get; init; } = "joblog_world";
    /// <summary>Measure on a throwaway copy of the cluster in <see cref="DataDir"/>, made in this (new) folder.</summary>
    public string? CopyTo { get; init; }
    /// <summary>Measure on the app's demo world in a fresh private cluster made in this (new) folder.</summary>
    public string? DemoIn { get; init; }
    /// <summary>What the data is, for the report ("national-scale world", "demo world (fallback)").</summary>
    public string Label { get; init; } = "national-scale world";
    public int Warmup { get; init; } = 500;
    public int Iterations { get; init; } = 5000;
    /// <summary>Distinct (caseworker, citizen) pairs drawn; the iterations cycle through them.</summary>
    public int Readers { get; init; } = 4000;
    /// <summary>Share of reads by jobcenter staff; the rest are by a-kasse staff.</summary>
    public double JobcenterShare { get; init; } = 0.5;
    public int Seed { get; init; } = 1;
    /// <summary>Rows of plausible looks in the scratch table for the access_log-size phase; 0 skips it.</summary>
    public long AccessLogRows { get; init; } = 10_000_000;
    public int InsertSamples { get; init; } = 3000;
    public double GoalMs { get; init; } = 2.0;

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Int() => int.Parse(Next(), CultureInfo.InvariantCulture);
            o = args[i] switch
            {
                "--connection" => o with { Connection = Next() },
                "--data-dir" => o with { DataDir = Next() },
                "--database" => o with { Database = Next() },
                "--copy-to" => o with { CopyTo = Next() },
                "--demo-in" => o with { DemoIn = Next() },
                "--label" => o with { Label = Next() },
                "--warmup" => o with { Warmup = Int() },
                "--iterations" => o with { Iterations = Int() },
                "--readers" => o with { Readers = Int() },
                "--jobcenter-share" => o with { JobcenterShare = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--seed" => o with { Seed = Int() },
                "--access-log-rows" => o with { AccessLogRows = long.Parse(Next(), CultureInfo.InvariantCulture) },
                "--insert-samples" => o with { InsertSamples = Int() },
                "--goal-ms" => o with { GoalMs = double.Parse(Next(), CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        if (o.Iterations < 100 || o.Readers < 1 || o.Warmup < 0) throw new ArgumentException("--iterations >= 100, --readers >= 1, --warmup >= 0");
        if (o.JobcenterShare is < 0 or > 1) throw new ArgumentException("--jobcenter-share is between 0 and 1");
        return o;
    }
}
