using Dapper;
using Joblog.Web.Access;
using Joblog.Web.Auth;
using Npgsql;

namespace Joblog.Web.Features.Statistics;

/// <summary>A target group with a duty to log, as the statistics name it.</summary>
public sealed record DutyGroup(string Code, string Name);

/// <summary>A municipality of the reference data.</summary>
public sealed record Municipality(string Code, string Name);

/// <summary>
/// One month range of the statistics as they may be shown: per month and target group the country and every municipality,
/// suppressed by <see cref="UsageRules.Publish"/> over the whole month and group — so a figure reads the same to every caller,
/// whatever part of the table they may see.
/// </summary>
public sealed record UsageTable(IReadOnlyList<UsageFigure> National, IReadOnlyList<UsageFigure> Municipalities)
{
    public UsageFigure? NationalOf(DateOnly month, string group) => National.FirstOrDefault(f => f.Month == month && f.TargetGroup == group);

    public IEnumerable<UsageFigure> MunicipalitiesOf(DateOnly month, string group) =>
        Municipalities.Where(f => f.Month == month && f.TargetGroup == group);

    public UsageFigure? Of(DateOnly month, string group, string municipality) =>
        Municipalities.FirstOrDefault(f => f.Month == month && f.TargetGroup == group && f.MunicipalityCode == municipality);
}

/// <summary>
/// Reads the precomputed statistics: plain index ranges of <c>joblog_usage</c> (by month, group, municipality) and
/// <c>joblog_usage_national</c>. Aggregates only; nothing here is about one citizen, so nothing passes the gate.
/// </summary>
public sealed class UsageQuery(NpgsqlDataSource db)
{
    /// <summary>
    /// The months <paramref name="from"/>..<paramref name="to"/> (first days), one target group or all. Suppression needs
    /// every municipality of a month and group, so all are read; the caller shows the part it may.
    /// </summary>
    public async Task<UsageTable> ReadAsync(DateOnly from, DateOnly to, string? group, CancellationToken ct)
    {
        var (national, municipalities) = await FetchAsync(from, to, group, ct);
        var names = (await MunicipalitiesAsync(ct)).ToDictionary(m => m.Code, m => m.Name);
        var slices = municipalities.ToLookup(c => (c.Month, c.TargetGroup));
        var publishedNational = new List<UsageFigure>(national.Count);
        var publishedMunicipalities = new List<UsageFigure>(municipalities.Count);
        foreach (var n in national.OrderBy(c => c.Month).ThenBy(c => c.TargetGroup, StringComparer.Ordinal))
        {
            var slice = slices[(n.Month, n.TargetGroup)]
                .Select(c => c with { MunicipalityName = names.GetValueOrDefault(c.MunicipalityCode!) ?? c.MunicipalityCode })
                .OrderBy(c => c.MunicipalityCode, StringComparer.Ordinal).ToList();
            var (country, each) = UsageRules.Publish(n, slice);
            publishedNational.Add(country);
            publishedMunicipalities.AddRange(each);
        }
        return new UsageTable(publishedNational, publishedMunicipalities);
    }

    /// <summary>
    /// The cells as computed (before suppression), unordered: the SQL of <see cref="ReadAsync"/> — two ranges of the tables'
    /// primary keys (or, for most of the history, a scan of the small tables).
    /// </summary>
    internal async Task<(IReadOnlyList<UsageCell> National, IReadOnlyList<UsageCell> Municipalities)> FetchAsync(DateOnly from, DateOnly to, string? group,
        CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var args = new { from, to, group };
        var national = await conn.QueryAsync<Row>(new CommandDefinition(
            """
            select month as Month, target_group as TargetGroup, null as MunicipalityCode, obligated as Obligated, logged as Logged, applications as Applications
            from joblog_usage_national
            where month between @from and @to and (@group::text is null or target_group = @group)
            """, args, cancellationToken: ct));
        var municipalities = await conn.QueryAsync<Row>(new CommandDefinition(
            """
            select month as Month, target_group as TargetGroup, municipality_code as MunicipalityCode, obligated as Obligated, logged as Logged,
                   applications as Applications
            from joblog_usage
            where month between @from and @to and (@group::text is null or target_group = @group)
            """, args, cancellationToken: ct));
        return (national.Select(r => r.Cell()).ToList(), municipalities.Select(r => r.Cell()).ToList());
    }

    /// <summary>The part of the statistics <paramref name="actor"/> may see; null: none.</summary>
    public async Task<StatisticsScope?> ScopeForAsync(Actor? actor, CancellationToken ct)
    {
        if (actor is null || actor.Kind == ActorKind.Citizen || actor.OrganisationId is not { } org) return null;
        await using var conn = await db.OpenConnectionAsync(ct);
        var organisation = await conn.QuerySingleOrDefaultAsync<(string Kind, string? Municipality)?>(new CommandDefinition(
            "select kind, municipality_code from organisations where id = @org", new { org }, cancellationToken: ct));
        return organisation switch
        {
            ("agency", _) => new StatisticsScope(null),
            ("jobcenter", { } municipality) => new StatisticsScope(municipality),
            _ => null,
        };
    }

    /// <summary>The months computed, newest first.</summary>
    public async Task<IReadOnlyList<DateOnly>> MonthsAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<DateOnly>(new CommandDefinition(
            "select distinct month from joblog_usage_national order by month desc", cancellationToken: ct))).ToList();
    }

    /// <summary>The newest month computed; before any, the last month that has ended.</summary>
    public async Task<DateOnly> NewestMonthAsync(TimeProvider clock, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteScalarAsync<DateOnly?>(new CommandDefinition("select max(month) from joblog_usage_national", cancellationToken: ct))
            ?? UsageRefresh.LastMonth(clock.Today());
    }

    /// <summary>The last recompute (and the last of the whole history); null when nothing has been computed yet.</summary>
    public async Task<UsageFreshness?> FreshnessAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<(DateTime FinishedAt, DateOnly FromMonth, DateOnly ToMonth, bool FullHistory, DateTime? LastFullAt)?>(
            new CommandDefinition(
                """
                select finished_at, from_month, to_month, full_history,
                       (select max(finished_at) from joblog_usage_refreshes where full_history)
                from joblog_usage_refreshes order by finished_at desc limit 1
                """, cancellationToken: ct));
        return row is { } r ? new UsageFreshness(Utc(r.FinishedAt), r.FromMonth, r.ToMonth, r.FullHistory, r.LastFullAt is { } f ? Utc(f) : null) : null;
    }

    /// <summary>The target groups with a duty to log, in the order of the reference data's names.</summary>
    public async Task<IReadOnlyList<DutyGroup>> GroupsAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<DutyGroup>(new CommandDefinition(
            "select code as Code, name as Name from target_groups where duty_to_log order by code", cancellationToken: ct))).ToList();
    }

    public async Task<IReadOnlyList<Municipality>> MunicipalitiesAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<Municipality>(new CommandDefinition(
            "select code as Code, name as Name from municipalities order by name", cancellationToken: ct))).ToList();
    }

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    private sealed class Row
    {
        public DateOnly Month { get; init; }
        public string TargetGroup { get; init; } = "";
        public string? MunicipalityCode { get; init; }
        public int Obligated { get; init; }
        public int Logged { get; init; }
        public int Applications { get; init; }

        public UsageCell Cell() => new(Month, TargetGroup, MunicipalityCode, null, Obligated, Logged, Applications);
    }
}
