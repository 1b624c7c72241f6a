using Dapper;
using Joblog.Core.Logs;
using Npgsql;

namespace Joblog.Web.Access;

/// <summary>
/// Writes that leave no version row behind (a deleted log or saved job, a calendar link made or revoked): who, through
/// which channel, what, on which row — in the caller's transaction, so the change and its record stand or fall together.
/// </summary>
public static class AuditEvents
{
    public static Task WriteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CitizenAccess access, DateTimeOffset at, string action, Guid subjectId) =>
        conn.ExecuteAsync(
            """
            insert into audit_events (at, citizen_id, actor_kind, actor_id, actor_name, channel, action, subject_id)
            values (@at, @CitizenId, @kind, @actorId, @name, @channel, @action, @subjectId)
            """,
            new
            {
                at, access.CitizenId, kind = access.Actor.KindText, actorId = access.Actor.Id, name = access.Actor.Name,
                channel = ApiNames.Of(access.Channel), action, subjectId,
            }, tx);
}
