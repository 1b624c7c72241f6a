using System.Text;
using System.Text.Json;
using Dapper;
using Joblog.Core.Logs;
using Joblog.Web.Access;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;

namespace Joblog.Web.Features.Logs;

/// <summary>What the citizen's list can be narrowed by (changed dates are Danish dates, inclusive).</summary>
public sealed record LogFilter(string? Q = null, LogStatus? Status = null, LogKind? Kind = null,
    DateOnly? ChangedFrom = null, DateOnly? ChangedTo = null, bool IncludeClosed = false);

public sealed record StatusCounts(int All, int NotApplied, int Applied, int Interview, int Rejected, int Hired)
{
    public int For(LogStatus? status) => status switch
    {
        null => All,
        LogStatus.NotApplied => NotApplied,
        LogStatus.Applied => Applied,
        LogStatus.Interview => Interview,
        LogStatus.Rejected => Rejected,
        _ => Hired,
    };
}

public sealed record LogPage(IReadOnlyList<Log> Items, string? NextCursor, StatusCounts Counts, int Total);

/// <summary>The citizen's list: open logs first, newest change first; filters; counts per status.</summary>
public sealed class LogQuery(NpgsqlDataSource db)
{
    /// <summary>Pages by cursor (the API) or by offset (the web page); counts ignore the status filter.</summary>
    public async Task<LogPage> ListAsync(CitizenAccess access, LogFilter filter, int limit, string? cursor, int offset, CancellationToken ct)
    {
        var p = new DynamicParameters(new
        {
            access.CitizenId, filter.IncludeClosed,
            kind = ApiNames.Of(filter.Kind), status = ApiNames.Of(filter.Status),
            from = filter.ChangedFrom is { } f ? DanishClock.Instant(f) : (DateTimeOffset?)null,
            to = filter.ChangedTo is { } t ? DanishClock.Instant(t.AddDays(1)) : (DateTimeOffset?)null,
            pattern = string.IsNullOrWhiteSpace(filter.Q) ? null : $"%{Escape(filter.Q.Trim())}%",
            limit = limit + 1, offset,
        });
        const string where = """
            citizen_id = @CitizenId and (@IncludeClosed or not closed)
            and (@kind::text is null or kind = @kind)
            and (@from::timestamptz is null or updated_at >= @from)
            and (@to::timestamptz is null or updated_at < @to)
            and (@pattern::text is null or job_title ilike @pattern or employer_name ilike @pattern
                 or contact_name ilike @pattern or contact_email ilike @pattern or contact_phone ilike @pattern)
            """;
        var after = "";
        if (Decode(cursor) is { } c)
        {
            p.AddDynamicParams(new { cClosed = c.Closed, cAt = c.At, cId = c.Id });
            after = "and (closed > @cClosed or (closed = @cClosed and (updated_at < @cAt or (updated_at = @cAt and id < @cId))))";
        }

        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = (await conn.QueryAsync<LogRow>(
            $"""
            select * from logs where {where} and (@status::text is null or status = @status) {after}
            order by closed, updated_at desc, id desc limit @limit offset @offset
            """, p)).ToList();
        var counts = (await conn.QueryAsync<(string? Status, int N)>(
            $"select status, count(*)::int from logs where {where} group by status", p)).ToList();

        var more = rows.Count > limit;
        var items = rows.Take(limit).Select(r => r.ToLog()).ToList();
        var next = more ? Encode(items[^1]) : null;
        int N(string s) => counts.Where(x => x.Status == s).Sum(x => x.N);
        var all = counts.Sum(x => x.N);
        var statusCounts = new StatusCounts(all, N("notApplied"), N("applied"), N("interview"), N("rejected"), N("hired"));
        return new LogPage(items, next, statusCounts, statusCounts.For(filter.Status));
    }

    private static string Escape(string q) =>
        q.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private sealed record Cursor(bool Closed, DateTimeOffset At, Guid Id);

    private static string Encode(Log last) => WebEncoders.Base64UrlEncode(
        JsonSerializer.SerializeToUtf8Bytes(new Cursor(last.Content.Closed, last.UpdatedAt, last.Id)));

    private static Cursor? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor)) return null;
        try { return JsonSerializer.Deserialize<Cursor>(Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor))); }
        catch (Exception e) when (e is FormatException or JsonException) { throw new BadCursorException(); }
    }
}

public sealed class BadCursorException : Exception;
