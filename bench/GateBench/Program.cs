using System.Globalization;
using System.Runtime.InteropServices;
using Dapper;
using Joblog.Web.Access;
using Joblog.Web.Features.Logs;
using Npgsql;

namespace Joblog.Bench.Gate;

/// <summary>
/// bench/gate.sh's measuring program: what the gate adds to a caseworker's read of a joblog. Prints figures; exit code
/// 0 whether the goal passes or not, 2 if it could not run, 3 if the database is not there (gate.sh then falls back).
/// </summary>
internal static class Program
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static async Task<int> Main(string[] args)
    {
        BenchOptions options;
        try { options = BenchOptions.Parse(args); }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine($"GateBench: {e.Message}");
            return 2;
        }

        using var cts = new CancellationTokenSource();
        void Cancel(PosixSignalContext c) { c.Cancel = true; cts.Cancel(); }
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));

        try
        {
            await using var server = await BenchServer.OpenAsync(options, loggers.CreateLogger("GateBench"), Say, cts.Token);
            if (server is null)
            {
                Console.Error.WriteLine($"GateBench: database {options.Database} not found in {options.DataDir}");
                return 3;
            }
            return await RunAsync(options, server, cts.Token);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("GateBench: interrupted");
            return 2;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            Console.Error.WriteLine($"GateBench: could not run: {e.Message}{(e.InnerException is { } inner ? " — " + inner.Message : "")}");
            return 2;
        }
    }

    private static async Task<int> RunAsync(BenchOptions options, BenchServer server, CancellationToken ct)
    {
        await using var app = await AppServices.BuildAsync(server.ConnectionString);
        var db = app.Services.GetRequiredService<NpgsqlDataSource>();
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var today = clock.Today();
        // The app's gate records a look without waiting for the WAL flush (Joblog:Access:DurableLooks=false, the default);
        // the same registrations with DurableLooks=true show what waiting for the disk on every look costs.
        await using var durable = await AppServices.BuildAsync(server.ConnectionString, durableLooks: true);
        var measurement = new GateMeasurement(app.Services.GetRequiredService<CitizenGate>(), durable.Services.GetRequiredService<CitizenGate>(),
            app.Services.GetRequiredService<LogQuery>(), db, clock);

        await using var conn = await db.OpenConnectionAsync(ct);
        var leftOver = await Readers.CleanUpAsync(conn, ct);
        if (leftOver != (0, 0)) Say($"removed {leftOver.Looks} looks and {leftOver.Organisations} organisations an earlier run left");
        var facts = await DatabaseFacts.ReadAsync(conn, ct);

        GateSamples samples;
        string load, busy, accessLogDuring, others;
        int sampled, jobcenterReads, jobcenters, akasser, added;
        try
        {
            Say($"drawing {options.Readers} caseworker-citizen pairs");
            var (readers, organisationsAdded) = await Readers.DrawAsync(conn, options, today, ct);
            (sampled, added) = (readers.Count, organisationsAdded);
            jobcenterReads = readers.Count(r => r.OrganisationKind == "jobcenter");
            jobcenters = readers.Where(r => r.OrganisationKind == "jobcenter").Select(r => r.Actor.OrganisationId).Distinct().Count();
            akasser = readers.Where(r => r.OrganisationKind == "akasse").Select(r => r.Actor.OrganisationId).Distinct().Count();
            if (readers.Count == 0) throw new InvalidOperationException("no citizen to read in this database");

            Say($"measuring: {options.Warmup} warm-up + {options.Iterations} iterations");
            var before = Machine.LoadAverage;
            var server0 = await ServerActivity.ReadAsync(conn, ct);
            var machine = new Machine();
            samples = await measurement.RunAsync(readers, options.Warmup, options.Iterations, options.Seed, ct);
            busy = machine.Since();
            others = ServerActivity.Describe(server0, await ServerActivity.ReadAsync(conn, ct));
            load = $"{before} before, {Machine.LoadAverage} after";
            accessLogDuring = await conn.ExecuteScalarAsync<string>(
                "select count(*) || ' rows, ' || pg_size_pretty(pg_total_relation_size('access_log')) || ' with its indexes' from access_log") ?? "";
        }
        finally
        {
            try
            {
                var removed = await Readers.CleanUpAsync(conn, CancellationToken.None);
                Say($"cleaned up: deleted the {removed.Looks} looks the benchmark recorded in access_log and the {removed.Organisations} organisations it added");
            }
            catch (InvalidOperationException e)
            {
                Say($"WARNING: could not delete the benchmark's rows now ({e.Message}); the next run deletes them first");
            }
        }

        var gate = new Percentiles(samples.Gate);
        var gated = new Percentiles(samples.GatedRead);
        var durableGate = new Percentiles(samples.GateDurable);
        var plain = new Percentiles(samples.PlainRead);
        var openLogs = new Percentiles(samples.OpenLogs.Select(n => (double)n));
        Console.WriteLine($"""

            ==================== Joblog gate benchmark ====================
            data:     {options.Label}: database {facts.Database}, {facts.Citizens:N0} citizens, ~{facts.Logs:N0} logs, {facts.Periods:N0} target-group periods
            server:   PostgreSQL {facts.Version}, shared_buffers {facts.SharedBuffers}, synchronous_commit {facts.SynchronousCommit}; {server.Describe}
            machine:  {Environment.ProcessorCount} cores; load average {load}; during the measurement {busy}
            sample:   {sampled:N0} (caseworker, citizen) pairs, caseworkers made in memory:
                      {jobcenterReads:N0} jobcenter staff reading citizens of their municipality ({jobcenters} jobcenters, {added} added for the run),
                      {sampled - jobcenterReads:N0} a-kasse staff reading members in a dagpenge or dimittend course ({akasser} a-kasser);
                      open logs of the citizens read: median {openLogs[50]:0}, p95 {openLogs[95]:0}, max {samples.OpenLogs.Max()}
            run:      {options.Warmup} warm-up + {options.Iterations:N0} measured iterations, one caller; each iteration reads the same
                      citizen's first page ({IndexModel.PageSize} logs + counts per status) through the gate and without it, lets the
                      gate refuse a stranger, times the gate's insert alone with and without waiting for the
                      WAL flush, and the gate with durable looks — six steps in random order
            access_log during the run: {accessLogDuring} (the benchmark's looks included; deleted afterwards)
            server during the run: {others}

            gate alone, as the app runs it: OpenAsync("{GateMeasurement.What}") (look committed without waiting for the disk)
                                                       {gate.Line}
            read through the gate (gate + list)        {gated.Line}
              of which the list                        {new Percentiles(samples.GatedList).Line}
            read without the gate (list alone)         {plain.Line}
            gated − plain, per iteration               {new Percentiles(samples.PairedDifference).Line}
            p95 gated − p95 plain                      {(gated[95] - plain[95]).ToString("0.000", Inv)} ms   (p50: {(gated[50] - plain[50]).ToString("0.000", Inv)} ms, p99: {(gated[99] - plain[99]).ToString("0.000", Inv)} ms)
            where the gate's time goes:
              the gate refusing a stranger (facts only) {new Percentiles(samples.Refused).Line}
              the access_log insert alone (+ commit)   {new Percentiles(samples.Record).Line}
              the same, synchronous_commit off         {new Percentiles(samples.RecordNoFlush).Line}
              the wait for the WAL flush (difference)  {new Percentiles(samples.Record.Select((r, i) => r - samples.RecordNoFlush[i])).Line}
            the gate with DurableLooks=true            {durableGate.Line}
            """);

        if (options.AccessLogRows > 0)
        {
            Say($"access_log at scale: scratch database, {options.AccessLogRows:N0} rows");
            var (small, big, fill) = await AccessLogScale.RunAsync(server, options.AccessLogRows, options.InsertSamples, Say, ct);
            Console.WriteLine($"""

                access_log at scale (the gate's insert, {options.InsertSamples:N0} times into each table, alternating, in a scratch database
                on the same server; dropped afterwards):
                  {Size(small)}   {small.Insert.Line}
                  {Size(big)}   {big.Insert.Line}
                  (filling took {fill.TotalSeconds:0} s; index levels = pages read from root to leaf per insert: O(log n))
                """);
        }

        var pass = gate[95] < options.GoalMs;
        Console.WriteLine($"""

            goal: gate adds < {options.GoalMs.ToString("0.##", Inv)} ms at p95 — OpenAsync p95 {gate[95].ToString("0.000", Inv)} ms: {(pass ? "PASS" : "FAIL")}
                  (with Joblog:Access:DurableLooks=true, waiting for the disk on every look: {durableGate[95].ToString("0.000", Inv)} ms: {(durableGate[95] < options.GoalMs ? "PASS" : "FAIL")})
            ================================================================
            """);
        return 0;
    }

    private static string Size(InsertAtSize s) => string.Create(Inv,
        $"{s.Rows,12:N0} rows ({s.TableSize} + index {s.IndexSize}, {(s.IndexLevels is { } l ? $"{l} levels" : "levels n/a")})").PadRight(60);

    private static void Say(string message) => Console.Error.WriteLine($"== {message}");
}
