using System.Data;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Dapper;
using Joblog.Web.Access;
using Joblog.Web.Api;
using Npgsql;

namespace Joblog.Web.Features.Search;

public enum SearchFormat { Page, Json, Csv }

/// <summary>One citizen found: the current target group and the figures of the period searched.</summary>
public sealed record SearchHit(Guid CitizenId, string Name, string TargetGroup, int Applications, int DistinctJobTitles,
    double? MaxDistanceKm, DateOnly? LastActivityOn)
{
    /// <summary>Only in a CSV file (a download, never a page or a URL).</summary>
    public string? Cpr { get; init; }
}

public sealed record SearchResult(IReadOnlyList<SearchHit> Items, int Total);

public sealed record TargetGroupChoice(string Code, bool DutyToLog);

/// <summary>
/// Searches across the citizens of a <see cref="SearchScope"/> (see <see cref="SearchSql"/> for the rules) and records
/// each search once in <c>searches</c> — who, when, the criteria, how many were found — before any result leaves.
/// A name in a result is not a look at the citizen's data; opening the citizen goes through the gate.
/// </summary>
public sealed class CitizenSearch(NpgsqlDataSource db, TimeProvider clock)
{
    // Each search plans and runs in one backend: no JIT compile (it costs more than it saves at this size), sorts and
    // hashes in memory, and no parallel workers (each would build the same hash of months again). Transaction-local:
    // pooled connections are not reset (DatabaseSetup: No Reset On Close).
    private const string Settings = "set local jit = off; set local work_mem = '64MB'; set local max_parallel_workers_per_gather = 0";

    public async Task<IReadOnlyList<TargetGroupChoice>> TargetGroupsAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<TargetGroupChoice>(new CommandDefinition(
            "select code, duty_to_log as DutyToLog from target_groups order by duty_to_log desc, code", cancellationToken: ct))).ToList();
    }

    /// <summary>One page of the result and the total; the search is recorded in the same statement.</summary>
    public async Task<SearchResult> SearchAsync(SearchScope scope, SearchCriteria criteria, SearchPaging paging, SearchFormat format, CancellationToken ct)
    {
        var query = SearchSql.Found(criteria, scope, clock.Today(), paging.Sort, everything: false);
        var p = query.Parameters;
        AddRecord(p, scope, criteria, format);
        p.Add("limit", paging.Limit);
        p.Add("offset", paging.Offset);
        var sql = $"{query.Sql}, {SearchSql.Recorded}{SearchSql.Page(paging)}";
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await BeginAsync(conn, ct);
        var rows = (await conn.QueryAsync<Row>(new CommandDefinition(sql, p, tx, commandTimeout: 0, cancellationToken: ct))).ToList();
        await tx.CommitAsync(ct);
        return new SearchResult(rows.Where(r => r.Id is not null).Select(r => r.ToHit()).ToList(), rows.Count == 0 ? 0 : rows[0].Total);
    }

    /// <summary>
    /// Every citizen found, in order, read one by one from the database as the caller writes them (nothing is held).
    /// The result is put aside in a temporary table and the search recorded and committed before the first row is
    /// returned; the rows then come from that table.
    /// </summary>
    public async IAsyncEnumerable<SearchHit> StreamAsync(SearchScope scope, SearchCriteria criteria, SearchPaging paging,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var query = SearchSql.Found(criteria, scope, clock.Today(), paging.Sort, everything: true);
        await using var conn = await db.OpenConnectionAsync(ct);
        try
        {
            await using (var tx = await BeginAsync(conn, ct))
            {
                await conn.ExecuteAsync(new CommandDefinition($"create temp table search_found as {query.Sql} select * from found",
                    query.Parameters, tx, commandTimeout: 0, cancellationToken: ct));
                var record = new DynamicParameters();
                AddRecord(record, scope, criteria, SearchFormat.Csv);
                record.Add("found", await conn.ExecuteScalarAsync<int>(new CommandDefinition("select count(*)::integer from search_found", transaction: tx, cancellationToken: ct)));
                await conn.ExecuteAsync(new CommandDefinition(SearchSql.InsertRecord, record, tx, cancellationToken: ct));
                await tx.CommitAsync(ct);
            }

            await using var read = await BeginAsync(conn, ct);
            await using var command = new NpgsqlCommand(
                $"select f.id, f.name, f.cpr, f.target_group, f.applications, f.titles, f.km, f.last_log_on from search_found f order by {SearchSql.OrderBy(paging, "f")}",
                conn, read) { CommandTimeout = 0 };
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
            while (await reader.ReadAsync(ct))
            {
                // Sequential access: the columns in their order.
                var (id, name, cpr, group) = (reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
                var (applications, titles) = (reader.GetInt32(4), reader.GetInt32(5));
                double? km = await reader.IsDBNullAsync(6, ct) ? null : reader.GetFloat(6);
                DateOnly? last = await reader.IsDBNullAsync(7, ct) ? null : reader.GetFieldValue<DateOnly>(7);
                yield return new SearchHit(id, name, group, applications, titles, km, last) { Cpr = cpr };
            }
            await reader.DisposeAsync();
            await read.CommitAsync(ct);
        }
        finally
        {
            // Pooled connections keep their session (No Reset On Close): the temporary table must go.
            await conn.ExecuteAsync("drop table if exists search_found");
        }
    }

    private static async Task<NpgsqlTransaction> BeginAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        var tx = await conn.BeginTransactionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(Settings, transaction: tx, cancellationToken: ct));
        return tx;
    }

    private void AddRecord(DynamicParameters p, SearchScope scope, SearchCriteria c, SearchFormat format)
    {
        p.Add("at", clock.GetUtcNow());
        p.Add("actorKind", scope.Actor.KindText);
        p.Add("actorId", scope.Actor.Id);
        p.Add("actorName", scope.Actor.Name);
        p.Add("organisationId", scope.OrganisationId);
        p.Add("format", format.ToString().ToLowerInvariant());
        p.Add("criteria", JsonSerializer.Serialize(new
        {
            c.TargetGroups, PeriodFrom = SearchRequest.MonthText(c.FromMonth), PeriodTo = SearchRequest.MonthText(c.ToMonth),
            c.MinApplications, c.MaxApplications, c.MaxDistinctJobTitles, c.MaxDistanceKm, c.InactiveDays, c.IncludeExempt, c.RequirementsNotMet,
            Scope = scope.MunicipalityCode ?? "all",
        }, ApiJson.Options));
    }

    private sealed class Row
    {
        public int Total { get; init; }
        public Guid? Id { get; init; }
        public string? Name { get; init; }
        public string? TargetGroup { get; init; }
        public int Applications { get; init; }
        public int Titles { get; init; }
        public float? Km { get; init; }
        public DateOnly? LastLogOn { get; init; }

        public SearchHit ToHit() => new(Id!.Value, Name!, TargetGroup!, Applications, Titles, Km, LastLogOn);
    }
}
