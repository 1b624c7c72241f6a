using Dapper;
using Joblog.Web.Access;
using Npgsql;

namespace Joblog.Web.Features.Logs;

/// <summary>One version of a log: when, through which channel, who, and what changed.</summary>
public sealed record LogVersion(int Version, DateTimeOffset At, string Channel, string ActorKind, string ActorName, string Change, IReadOnlyList<string> ChangedFields);

public sealed class LogHistory(NpgsqlDataSource db)
{
    /// <summary>Null when the log does not exist for this citizen.</summary>
    public async Task<IReadOnlyList<LogVersion>?> GetAsync(CitizenAccess access, Guid logId, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = (await conn.QueryAsync<(int Version, DateTime At, string Channel, string ActorKind, string ActorName, string Change, string[] Fields)>(
            """
            select v.version, v.at, v.channel, v.actor_kind, v.actor_name, v.change, v.changed_fields
            from log_versions v join logs l on l.id = v.log_id
            where v.log_id = @logId and l.citizen_id = @citizenId
            order by v.version desc
            """, new { logId, access.CitizenId })).ToList();
        if (rows.Count == 0) return null;
        return rows.Select(r => new LogVersion(r.Version, new DateTimeOffset(DateTime.SpecifyKind(r.At, DateTimeKind.Utc)),
            r.Channel, r.ActorKind, r.ActorName, r.Change, r.Fields)).ToList();
    }
}
