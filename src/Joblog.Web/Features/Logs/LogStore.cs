using System.Text.Json;
using Dapper;
using Joblog.Core.Logs;
using Joblog.Web.Access;
using Joblog.Web.Api;
using Joblog.Web.Features.Attachments;
using Joblog.Web.Features.Search;
using Npgsql;

namespace Joblog.Web.Features.Logs;

public enum WriteOutcome { Done, NotFound, Stale, ClosedLog, ReadOnly }

/// <summary>The outcome of a write; <see cref="Json"/> is the stored version as the API shows it, when there is one.</summary>
public sealed record WriteResult(WriteOutcome Outcome, Log? Log = null, string? Json = null);

/// <summary>
/// Reads and writes logs. Every method takes a <see cref="CitizenAccess"/> from the gate, never a
/// bare citizen id, and every write stores who made it and through which channel in the same
/// transaction as the change.
/// </summary>
public sealed class LogStore(NpgsqlDataSource db, TimeProvider clock, AttachmentStore attachments)
{
    public async Task<Log?> GetAsync(CitizenAccess access, Guid logId, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<LogRow>(
            "select * from logs where id = @logId and citizen_id = @citizenId", new { logId, access.CitizenId });
        return row?.ToLog();
    }

    /// <summary>
    /// Creates a log and its first version in one statement (one round trip, one transaction),
    /// or inside <paramref name="outer"/> when the caller has a transaction of its own.
    /// </summary>
    public async Task<WriteResult> CreateAsync(CitizenAccess access, LogContent content, CancellationToken ct, NpgsqlTransaction? outer = null)
    {
        if (!access.CanWrite) return new(WriteOutcome.ReadOnly);
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % 10)); // PostgreSQL keeps microseconds: be exactly what is stored
        var log = new Log(Guid.CreateVersion7(), access.CitizenId, content, now, now, access.Channel, 1);
        var fields = LogChange.ChangedFields(new LogContent { Kind = content.Kind }, content).Append("kind").Distinct().ToArray();
        var parameters = new DynamicParameters(LogRow.Parameters(log.Id, access.CitizenId, content, now, access.Channel));
        var version = VersionParameters(access, log, ChangeKind.Created, fields);
        parameters.AddDynamicParams(version);
        if (access.PendingLook is { } look) parameters.AddDynamicParams(look.Parameters);
        var sql = $"""
            with {(access.PendingLook is null ? "" : $"look as ({AccessRecord.InsertSql}),")}
            {Notices.CitizenNotices.EndedByLog},
            created as (
                insert into logs (id, citizen_id, {LogRow.Columns}, created_at, updated_at, channel, version)
                values (@id, @citizenId, {LogRow.Values}, @now, @now, @channel, 1))
            {InsertVersion}
            """;
        await using var conn = outer is null ? await db.OpenConnectionAsync(ct) : null;
        await using var own = conn is null ? null : await conn.BeginTransactionAsync(ct);
        var tx = outer ?? own!;
        await tx.Connection!.ExecuteAsync(sql, parameters, tx);
        await LogAggregates.RefreshAsync(tx, access, LogAggregates.Change.Created, log);
        if (own is not null) await own.CommitAsync(ct);
        return new(WriteOutcome.Done, log, version.snapshot);
    }

    public async Task<WriteResult> UpdateAsync(CitizenAccess access, Guid logId, int expectedVersion, LogContent content, CancellationToken ct)
    {
        if (!access.CanWrite) return new(WriteOutcome.ReadOnly);
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var current = await conn.QuerySingleOrDefaultAsync<LogRow>(
            "select * from logs where id = @logId and citizen_id = @citizenId for update", new { logId, access.CitizenId }, tx);
        if (current is null) return new(WriteOutcome.NotFound);
        if (current.Version != expectedVersion) return new(WriteOutcome.Stale, current.ToLog());

        var before = current.ToLog();
        var change = LogChange.Classify(before.Content, content);
        if (change is null) return new(WriteOutcome.ClosedLog, before);
        var fields = LogChange.ChangedFields(before.Content, content);
        if (fields.Count == 0) return new(WriteOutcome.Done, before);

        var row = await conn.QuerySingleAsync<LogRow>(
            $"""
            with {Notices.CitizenNotices.EndedByLog}
            update logs set ({LogRow.Columns}, updated_at, channel, version) =
                ({LogRow.Values}, @now, @channel, version + 1)
            where id = @id and citizen_id = @citizenId
            returning *
            """,
            LogRow.Parameters(logId, access.CitizenId, content, clock.GetUtcNow(), access.Channel), tx);
        var log = row.ToLog();
        await AddVersionAsync(conn, tx, access, log, change.Value, fields);
        await LogAggregates.RefreshAsync(tx, access, LogAggregates.Change.Updated, before, log);
        await tx.CommitAsync(ct);
        return new(WriteOutcome.Done, log);
    }

    public async Task<WriteResult> DeleteAsync(CitizenAccess access, Guid logId, int expectedVersion, CancellationToken ct)
    {
        if (!access.CanWrite) return new(WriteOutcome.ReadOnly);
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var current = await conn.QuerySingleOrDefaultAsync<LogRow>(
            "select * from logs where id = @logId and citizen_id = @citizenId for update", new { logId, access.CitizenId }, tx);
        if (current is null) return new(WriteOutcome.NotFound);
        if (current.Version != expectedVersion) return new(WriteOutcome.Stale);

        var files = await AttachmentStore.KeysOfLogAsync(tx, logId); // the rows go with the log (on delete cascade)
        await conn.ExecuteAsync("delete from logs where id = @logId", new { logId }, tx);
        await AuditEvents.WriteAsync(conn, tx, access, clock.GetUtcNow(), "log.deleted", logId);
        await LogAggregates.RefreshAsync(tx, access, LogAggregates.Change.Deleted, current.ToLog());
        await tx.CommitAsync(ct);
        await attachments.DeleteFilesAsync(files);
        return new(WriteOutcome.Done);
    }

    /// <summary>Inserts one row of a log's history; parameters from <see cref="VersionParameters"/>.</summary>
    internal const string InsertVersion = """
        insert into log_versions (log_id, version, at, channel, actor_kind, actor_id, actor_name, change, changed_fields, snapshot)
        values (@logId, @version, @at, @versionChannel, @actorKind, @actorId, @actorName, @change, @fields, @snapshot::jsonb)
        """;

    internal sealed record VersionRow(Guid logId, int version, DateTimeOffset at, string versionChannel, string actorKind, string actorId,
        string actorName, string change, string[] fields, string snapshot);

    internal static VersionRow VersionParameters(CitizenAccess access, Log log, ChangeKind change, IReadOnlyList<string> fields) => new
    (
        log.Id, log.Version, log.UpdatedAt, ApiNames.Of(log.Channel), access.Actor.KindText, access.Actor.Id, access.Actor.Name,
        ApiNames.Of(change), fields.ToArray(), JsonSerializer.Serialize(LogDto.From(log), ApiJson.Options));

    private static Task AddVersionAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CitizenAccess access, Log log, ChangeKind change, IReadOnlyList<string> fields) =>
        conn.ExecuteAsync(InsertVersion, VersionParameters(access, log, change, fields), tx);
}
