using System.Globalization;
using System.Text;
using Dapper;
using Joblog.Web.Access;
using Joblog.Web.Auth;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;

namespace Joblog.Web.Features.Notices;

/// <summary>Whose work list a caller gets: a jobcenter's (citizens of its municipality) or an a-kasse's (its insured members).</summary>
public enum WorkListKind { Jobcenter, Akasse }

public sealed record WorkListItem(Guid CitizenId, string Name, string TargetGroup, string TargetGroupName, DateOnly InactiveSince,
    int DaysInactive, DateTimeOffset NotifiedAt);

public sealed record WorkListPage(WorkListKind Kind, IReadOnlyList<WorkListItem> Items, int Total, string? NextCursor);

public sealed class BadWorkListCursorException : Exception;

/// <summary>
/// The work list of inactivity notices: for jobcenter staff and systems the open notices sent to their jobcenter, of
/// citizens who still live in its municipality; for a-kasse staff and systems those sent to their a-kasse, of members who
/// are in a dagpenge or dimittend course today. Longest inactive first, keyset-paged by (since, citizen). Only notices
/// that are still true (<see cref="CitizenNotices.StillTrue"/>). A name in the list is not a look at the citizen's data:
/// nothing is recorded; opening the citizen goes through the gate (the page's "Se Jobnet").
/// </summary>
public sealed class WorkList(NpgsqlDataSource db, TimeProvider clock)
{
    /// <summary>The kind of work list the caller gets; null for citizens, the agency, and anyone else.</summary>
    public async Task<WorkListKind?> KindForAsync(Actor actor, CancellationToken ct)
    {
        if (actor.Kind == ActorKind.Citizen || actor.OrganisationId is not { } org) return null;
        await using var conn = await db.OpenConnectionAsync(ct);
        return Kind(await conn.QuerySingleOrDefaultAsync<string?>(
            new CommandDefinition("select kind from organisations where id = @org", new { org }, cancellationToken: ct)));
    }

    /// <summary>One page of the caller's list; null when the caller has no work list.</summary>
    public async Task<WorkListPage?> ListAsync(Actor actor, int limit, string? cursor, CancellationToken ct)
    {
        if (actor.Kind == ActorKind.Citizen || actor.OrganisationId is not { } org) return null;
        var after = Decode(cursor);
        var today = clock.Today();
        await using var conn = await db.OpenConnectionAsync(ct);
        var organisation = await conn.QuerySingleOrDefaultAsync<(string Kind, string? Municipality)?>(new CommandDefinition(
            "select kind, municipality_code from organisations where id = @org", new { org }, cancellationToken: ct));
        if (organisation is not { } o || Kind(o.Kind) is not { } kind) return null;

        var scope = kind == WorkListKind.Jobcenter
            ? "n.jobcenter_id = @org and c.municipality_code = @municipality"
            : """
              n.akasse_id = @org and c.akasse_id = @org
              and exists (select 1 from target_group_periods p join target_groups g on g.code = p.target_group
                          where p.citizen_id = n.citizen_id and g.akasse_may_see and p.starts_on <= @today
                            and (p.ends_on is null or p.ends_on >= @today))
              """;
        var from = $"""
            from inactivity_notices n
            join citizens c on c.id = n.citizen_id
            {CitizenNotices.DutyToday}
            join target_groups tg on tg.code = d.target_group
            where {scope} and {CitizenNotices.StillTrue}
            """;
        var args = new { org, municipality = o.Municipality, today, windowStart = InactivityRule.WindowStart(today), afterSince = after?.Since, afterId = after?.CitizenId ?? Guid.Empty, take = limit + 1 };
        var rows = (await conn.QueryAsync<Row>(new CommandDefinition(
            $"""
            select n.citizen_id as CitizenId, c.name as Name, d.target_group as TargetGroup, tg.name as TargetGroupName,
                   n.inactive_since as InactiveSince, n.created_at as NotifiedAt
            {from}
              and (@afterSince::date is null or (n.inactive_since, n.citizen_id) > (@afterSince::date, @afterId))
            order by n.inactive_since, n.citizen_id
            limit @take
            """, args, cancellationToken: ct))).ToList();
        var total = await conn.ExecuteScalarAsync<int>(new CommandDefinition($"select count(*)::int {from}", args, cancellationToken: ct));

        string? next = null;
        if (rows.Count > limit)
        {
            rows.RemoveAt(limit);
            next = Encode(rows[^1].InactiveSince, rows[^1].CitizenId);
        }
        var items = rows.Select(r => new WorkListItem(r.CitizenId, r.Name, r.TargetGroup, r.TargetGroupName, r.InactiveSince,
            InactivityRule.DaysInactive(today, r.InactiveSince), new DateTimeOffset(DateTime.SpecifyKind(r.NotifiedAt, DateTimeKind.Utc)))).ToList();
        return new WorkListPage(kind, items, total, next);
    }

    private static WorkListKind? Kind(string? organisationKind) => organisationKind switch
    {
        "jobcenter" => WorkListKind.Jobcenter,
        "akasse" => WorkListKind.Akasse,
        _ => null,
    };

    private sealed record Cursor(DateOnly Since, Guid CitizenId);

    private static string Encode(DateOnly since, Guid citizenId) =>
        WebEncoders.Base64UrlEncode(Encoding.ASCII.GetBytes($"{since:yyyy-MM-dd}|{citizenId:N}"));

    private static Cursor? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor)) return null;
        try
        {
            var parts = Encoding.ASCII.GetString(WebEncoders.Base64UrlDecode(cursor)).Split('|');
            if (parts.Length == 2
                && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var since)
                && Guid.TryParseExact(parts[1], "N", out var id)) return new Cursor(since, id);
        }
        catch (FormatException)
        {
            // falls through
        }
        throw new BadWorkListCursorException();
    }

    private sealed class Row
    {
        public Guid CitizenId { get; init; }
        public string Name { get; init; } = "";
        public string TargetGroup { get; init; } = "";
        public string TargetGroupName { get; init; } = "";
        public DateOnly InactiveSince { get; init; }
        public DateTime NotifiedAt { get; init; }
    }
}
