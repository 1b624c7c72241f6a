using Dapper;
using Joblog.Core.Logs;
using Joblog.Web.Access;
using Joblog.Web.Features.Evidence;
using Joblog.Web.Features.Logs;
using Npgsql;

namespace Joblog.Web.Features.Search;

/// <summary>
/// Keeps the search's aggregates (<c>search_months</c>, <c>search_activity</c>; migration 0012) current. (The third,
/// <c>search_stretches</c>, follows the target-group periods by a trigger of its own.) A log write calls
/// <see cref="RefreshAsync"/> in its own transaction: the months the log counted in before and after the write are
/// computed again from the citizen's logs (<c>search_month_source</c>), so an aggregate is never adjusted by hand and
/// cannot drift. Bulk loads call <see cref="RebuildAsync"/> (set-based, for some citizens or everyone).
/// </summary>
public static class LogAggregates
{
    public enum Change { Created, Updated, Deleted }

    /// <summary>The trigger on <c>target_group_periods</c> that keeps <c>search_stretches</c> (a bulk load turns it off and rebuilds).</summary>
    public const string PeriodsTrigger = "search_periods_changed";

    // One round trip. The citizen's row is locked first (no key update: it does not block the logs' foreign-key checks),
    // so two writes for one citizen refresh one after the other, each reading the logs as committed by the other.
    private const string RefreshSql = """
        select 1 from citizens where id = @citizenId for no key update;
        insert into search_titles (title)
        select distinct x from unnest(@titles) t(raw), search_title(t.raw) x where x is not null order by 1
        on conflict (title) do nothing;
        delete from search_months where citizen_id = @citizenId and month = any(@months);
        insert into search_months select * from search_month_source where citizen_id = @citizenId and month = any(@months);
        """;

    private const string CreatedSql = """
        insert into search_activity (citizen_id, last_log_on) values (@citizenId, @createdOn)
        on conflict (citizen_id) do update set last_log_on = greatest(search_activity.last_log_on, excluded.last_log_on);
        """;

    private const string DeletedSql = """
        delete from search_activity where citizen_id = @citizenId;
        insert into search_activity select * from search_activity_source where citizen_id = @citizenId;
        """;

    /// <summary>After a log write, in its transaction: <paramref name="versions"/> are the log before and/or after it.</summary>
    internal static Task RefreshAsync(NpgsqlTransaction tx, CitizenAccess access, Change change, params Log[] versions)
    {
        var months = versions.Where(v => v.Content.Kind == LogKind.JobSearch)
            .Select(v => MonthOf(EvidenceDates.DayOf(v))).Distinct().ToArray();
        var sql = (months.Length > 0 ? RefreshSql : "") + change switch
        {
            Change.Created => CreatedSql,
            Change.Deleted => DeletedSql,
            _ => "",
        };
        if (sql.Length == 0) return Task.CompletedTask;
        var created = versions[0].CreatedAt;
        return tx.Connection!.ExecuteAsync(sql, new
        {
            citizenId = access.CitizenId,
            titles = versions.Select(v => v.Content.JobTitle).OfType<string>().ToArray(),
            months,
            createdOn = DateOnly.FromDateTime(DanishClock.Local(created).DateTime),
        }, tx);
    }

    /// <summary>
    /// Builds the aggregates of <paramref name="citizenIds"/> again from their logs — or, with null, of everyone (after a
    /// bulk load; then analyzed too).
    /// </summary>
    public static async Task RebuildAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid[]? citizenIds, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition("select search_rebuild(@citizenIds)", new { citizenIds }, tx,
            commandTimeout: 0, cancellationToken: ct));
        if (citizenIds is null)
            await connection.ExecuteAsync(new CommandDefinition("analyze search_titles; analyze search_months; analyze search_activity; analyze search_stretches", transaction: tx,
                commandTimeout: 0, cancellationToken: ct));
    }

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);
}
