using System.Diagnostics;
using Dapper;
using Joblog.Web.Access;
using Joblog.Web.Auth;
using Joblog.Web.Features.Logs;
using Npgsql;

namespace Joblog.Bench.Gate;

/// <summary>Milliseconds per measured iteration (same index = same iteration).</summary>
internal sealed class GateSamples(int n)
{
    public double[] Gate { get; } = new double[n];
    public double[] GatedRead { get; } = new double[n];
    public double[] GatedList { get; } = new double[n];
    public double[] PlainRead { get; } = new double[n];
    public double[] Refused { get; } = new double[n];
    public double[] Record { get; } = new double[n];
    public double[] RecordNoFlush { get; } = new double[n];
    public double[] GateDurable { get; } = new double[n];
    public int[] OpenLogs { get; } = new int[n];

    /// <summary>Per iteration: the read through the gate minus the same read without it.</summary>
    public double[] PairedDifference => GatedRead.Select((g, i) => g - PlainRead[i]).ToArray();
}

/// <summary>
/// The caseworker's read of a joblog's first page, as <c>GET /api/v1/citizens/{id}/logs</c> and the Logs page do it:
/// (a) through the gate — <c>OpenAsync(actor, citizen, "joblog.list")</c>, then <c>LogQuery.ListAsync</c>; (b) the same
/// <c>ListAsync</c> with a <see cref="CitizenAccess"/> made here (only a benchmark may do that). To see where the gate's
/// time goes, each iteration also times (c) the gate refusing a stranger the same citizen (its facts query, no record)
/// and (d) the gate's insert into access_log alone, on a pooled connection as the gate does it, and (e) the same insert
/// with <c>synchronous_commit</c> off for its transaction (the commit does not wait for the WAL flush), and (f) the
/// gate itself — the same class, policies and settings — on a data source whose sessions have <c>synchronous_commit</c>
/// off: what the gate would cost with that fix. The six run in a random order, for the same caseworker and citizen,
/// so none always finds the others' pages cached.
/// </summary>
internal sealed class GateMeasurement(CitizenGate gate, CitizenGate gateDurable, LogQuery query, NpgsqlDataSource db, TimeProvider clock)
{
    public const string What = "joblog.list";
    private static readonly LogFilter FirstPage = new();

    /// <summary>One round trip, one implicit transaction: the setting lasts only for this insert's transaction.</summary>
    private const string InsertWithoutFlushWait = "select set_config('synchronous_commit', 'off', true); " + AccessRecord.InsertSql;

    public async Task<GateSamples> RunAsync(IReadOnlyList<Reader> readers, int warmup, int iterations, int seed, CancellationToken ct)
    {
        var s = new GateSamples(iterations);
        var rng = new Random(seed);
        int[] order = [0, 1, 2, 3, 4, 5];
        for (var i = -warmup; i < iterations; i++)
        {
            ct.ThrowIfCancellationRequested();
            var reader = readers[(i + warmup) % readers.Count];
            rng.Shuffle(order);
            foreach (var step in order)
            {
                var task = step switch
                {
                    0 => GatedAsync(reader, i, s, ct),
                    1 => PlainAsync(reader, i, s, ct),
                    2 => RefusedAsync(reader, i, s, ct),
                    3 => RecordAsync(reader, AccessRecord.InsertSql, i, s.Record, ct),
                    4 => RecordAsync(reader, InsertWithoutFlushWait, i, s.RecordNoFlush, ct),
                    _ => GateDurableAsync(reader, i, s, ct),
                };
                await task;
            }
        }
        return s;
    }

    private async Task GatedAsync(Reader reader, int i, GateSamples s, CancellationToken ct)
    {
        var t0 = Stopwatch.GetTimestamp();
        var access = await gate.OpenAsync(reader.Actor, reader.CitizenId, What, ct)
            ?? throw new InvalidOperationException($"The gate refused {reader.Actor.Id} a citizen of the sample; the sample is wrong.");
        var t1 = Stopwatch.GetTimestamp();
        var page = await query.ListAsync(access, FirstPage, IndexModel.PageSize, null, 0, ct);
        var t2 = Stopwatch.GetTimestamp();
        if (i < 0) return;
        s.Gate[i] = Ms(t0, t1);
        s.GatedList[i] = Ms(t1, t2);
        s.GatedRead[i] = Ms(t0, t2);
        s.OpenLogs[i] = page.Counts.All;
    }

    private async Task GateDurableAsync(Reader reader, int i, GateSamples s, CancellationToken ct)
    {
        var t0 = Stopwatch.GetTimestamp();
        _ = await gateDurable.OpenAsync(reader.Actor, reader.CitizenId, What, ct)
            ?? throw new InvalidOperationException($"The gate refused {reader.Actor.Id} a citizen of the sample; the sample is wrong.");
        if (i >= 0) s.GateDurable[i] = Ms(t0, Stopwatch.GetTimestamp());
    }

    // Only the gate makes a CitizenAccess: the read "without the gate" reuses one the gate handed out once per reader.
    private readonly Dictionary<(string, Guid), CitizenAccess> opened = [];

    private async Task PlainAsync(Reader reader, int i, GateSamples s, CancellationToken ct)
    {
        var key = (reader.Actor.Id, reader.CitizenId);
        if (!opened.TryGetValue(key, out var access))
        {
            access = await gate.OpenAsync(reader.Actor, reader.CitizenId, What, ct)
                ?? throw new InvalidOperationException($"The gate refused {reader.Actor.Id} a citizen of the sample; the sample is wrong.");
            opened[key] = access;
        }
        var t0 = Stopwatch.GetTimestamp();
        await query.ListAsync(access, FirstPage, IndexModel.PageSize, null, 0, ct);
        var t1 = Stopwatch.GetTimestamp();
        if (i >= 0) s.PlainRead[i] = Ms(t0, t1);
    }

    private async Task RefusedAsync(Reader reader, int i, GateSamples s, CancellationToken ct)
    {
        var t0 = Stopwatch.GetTimestamp();
        var access = await gate.OpenAsync(reader.Stranger, reader.CitizenId, What, ct);
        var t1 = Stopwatch.GetTimestamp();
        if (access is not null) throw new InvalidOperationException($"The gate let {reader.Stranger.Id} in; the sample is wrong.");
        if (i >= 0) s.Refused[i] = Ms(t0, t1);
    }

    private async Task RecordAsync(Reader reader, string sql, int i, double[] samples, CancellationToken ct)
    {
        var a = reader.Actor;
        var look = new AccessRecord(reader.CitizenId, clock.GetUtcNow(), a.KindText, a.Id, a.Name, a.OrganisationId!, What);
        var t0 = Stopwatch.GetTimestamp();
        await using (var conn = await db.OpenConnectionAsync(ct))
            await conn.ExecuteAsync(sql, look.Parameters);
        if (i >= 0) samples[i] = Ms(t0, Stopwatch.GetTimestamp());
    }

    private static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
}
