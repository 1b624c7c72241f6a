using Dapper;
using Joblog.Core.Logs;
using Joblog.Web.Access;
using Joblog.Web.Storage;
using Npgsql;

namespace Joblog.Web.Features.Attachments;

/// <summary>
/// A log's attachments: the rows here, the bytes in the <see cref="IFileStore"/>. Every method takes a
/// <see cref="CitizenAccess"/> from the gate, so a file is visible to exactly those who may see its log.
/// A file is written before its row and removed after its row, so a row never lacks its file; a file
/// left without a row (a failed insert, a crash, a cascade) is removed by <see cref="AttachmentSweeper"/>.
/// </summary>
public sealed class AttachmentStore(NpgsqlDataSource db, IFileStore files, TimeProvider clock, ILogger<AttachmentStore> log)
{
    private const string Columns = "a.id, a.log_id, a.file_name, a.content_type, a.size, a.created_at, a.storage_key";

    /// <summary>Null when the log does not exist for this citizen.</summary>
    public async Task<IReadOnlyList<Attachment>?> ListAsync(CitizenAccess access, Guid logId, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = (await conn.QueryAsync<Row>(
            $"""
            select {Columns} from attachments a join logs l on l.id = a.log_id
            where a.log_id = @logId and l.citizen_id = @citizenId
            order by a.created_at, a.id
            """, new { logId, access.CitizenId })).ToList();
        if (rows.Count == 0 && !await conn.ExecuteScalarAsync<bool>(
                "select exists (select 1 from logs where id = @logId and citizen_id = @citizenId)", new { logId, access.CitizenId }))
            return null;
        return rows.Select(r => r.ToAttachment()).ToList();
    }

    public async Task<Attachment?> GetAsync(CitizenAccess access, Guid logId, Guid attachmentId, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<Row>(
            $"""
            select {Columns} from attachments a join logs l on l.id = a.log_id
            where a.id = @attachmentId and a.log_id = @logId and l.citizen_id = @citizenId
            """, new { attachmentId, logId, access.CitizenId });
        return row?.ToAttachment();
    }

    /// <summary>The bytes of an attachment got from <see cref="GetAsync"/>; null (and an error in the log) if the file is missing.</summary>
    public async Task<Stream?> OpenAsync(Attachment attachment, CancellationToken ct)
    {
        var stream = await files.OpenAsync(attachment.StorageKey, ct);
        if (stream is null) log.LogError("The file of attachment {AttachmentId} is missing from the file store", attachment.Id);
        return stream;
    }

    /// <summary>Whether a file can be added to the log now; checked before an upload is read, and again when it is stored.</summary>
    public async Task<LogState> StateAsync(CitizenAccess access, Guid logId, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await StateAsync(conn, null, access, logId, lockLog: false);
    }

    public async Task<AddResult> AddAsync(CitizenAccess access, Guid logId, UploadedFile upload, CancellationToken ct)
    {
        if (!access.CanWrite) return new(AddOutcome.ReadOnly);
        var content = upload.Content!;
        if (content.Length == 0) return new(AddOutcome.Empty);
        var kind = FileKind.Detect(content);
        if (kind is null) return new(AddOutcome.UnsupportedType);
        var before = await StateAsync(access, logId, ct);
        if (before != LogState.Open) return new(Refusal(before));

        content.Position = 0;
        var key = await files.PutAsync(content, ct);
        var stored = false;
        try
        {
            await using var conn = await db.OpenConnectionAsync(ct);
            await using var tx = await conn.BeginTransactionAsync(ct);
            var state = await StateAsync(conn, tx, access, logId, lockLog: true);
            if (state != LogState.Open) return new(Refusal(state));

            var now = clock.GetUtcNow();
            now = now.AddTicks(-(now.Ticks % 10)); // PostgreSQL keeps microseconds
            var attachment = new Attachment(Guid.CreateVersion7(), logId, FileNames.Clean(upload.FileName, kind), kind.ContentType, content.Length, now, key);
            await conn.ExecuteAsync(
                "insert into attachments (id, log_id, file_name, content_type, size, storage_key, created_at) values (@Id, @LogId, @FileName, @ContentType, @Size, @StorageKey, @CreatedAt)",
                attachment, tx);
            await RecordAsync(conn, tx, access, attachment.Id, logId, "added", attachment.FileName);
            await tx.CommitAsync(ct);
            stored = true;
            return new(AddOutcome.Added, attachment);
        }
        finally
        {
            if (!stored) await DeleteFilesAsync([key]);
        }
    }

    public async Task<RemoveOutcome> RemoveAsync(CitizenAccess access, Guid logId, Guid attachmentId, CancellationToken ct)
    {
        if (!access.CanWrite) return RemoveOutcome.ReadOnly;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        // The log first, as a log's deletion locks it first: no deadlock between the two.
        var closed = await conn.QuerySingleOrDefaultAsync<bool?>(
            "select closed from logs where id = @logId and citizen_id = @citizenId for share", new { logId, access.CitizenId }, tx);
        if (closed is null) return RemoveOutcome.NotFound;
        var row = await conn.QuerySingleOrDefaultAsync<(string Key, string FileName)?>(
            "select storage_key, file_name from attachments where id = @attachmentId and log_id = @logId for update", new { attachmentId, logId }, tx);
        if (row is not { } removed) return RemoveOutcome.NotFound;
        if (closed.Value) return RemoveOutcome.Closed;

        await conn.ExecuteAsync("delete from attachments where id = @attachmentId", new { attachmentId }, tx);
        await RecordAsync(conn, tx, access, attachmentId, logId, "deleted", removed.FileName);
        await tx.CommitAsync(ct);
        await DeleteFilesAsync([removed.Key]);
        return RemoveOutcome.Removed;
    }

    /// <summary>Who added and deleted which files of the log, newest first.</summary>
    public async Task<IReadOnlyList<AttachmentEvent>> HistoryAsync(CitizenAccess access, Guid logId, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(DateTime At, string Action, string FileName, string Channel, string ActorName)>(
            """
            select e.at, e.action, e.file_name, e.channel, e.actor_name
            from attachment_events e join logs l on l.id = e.log_id
            where e.log_id = @logId and l.citizen_id = @citizenId
            order by e.at desc, e.id desc
            """, new { logId, access.CitizenId });
        return rows.Select(r => new AttachmentEvent(Utc(r.At), r.Action, r.FileName, r.Channel, r.ActorName)).ToList();
    }

    /// <summary>
    /// For the deletion of a log, inside its transaction after the log is locked: the keys of its files.
    /// The rows go with the log (on delete cascade); the caller removes the files once it has committed.
    /// </summary>
    public static async Task<IReadOnlyList<string>> KeysOfLogAsync(NpgsqlTransaction tx, Guid logId) =>
        (await tx.Connection!.QueryAsync<string>("select storage_key from attachments where log_id = @logId", new { logId }, tx)).ToList();

    /// <summary>Removes files whose rows are gone. A failure is logged, not thrown: the sweeper removes what is left.</summary>
    public async Task DeleteFilesAsync(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            try
            {
                await files.DeleteAsync(key, CancellationToken.None);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                log.LogWarning(e, "Could not delete file {Key}; the sweeper will remove it", key);
            }
        }
    }

    private static async Task<LogState> StateAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, CitizenAccess access, Guid logId, bool lockLog)
    {
        var row = await conn.QuerySingleOrDefaultAsync<(bool Closed, int Count)?>(
            $"""
            select l.closed, (select count(*)::int from attachments a where a.log_id = l.id)
            from logs l where l.id = @logId and l.citizen_id = @citizenId {(lockLog ? "for share" : "")}
            """, new { logId, access.CitizenId }, tx);
        return row switch
        {
            null => LogState.NotFound,
            { Closed: true } => LogState.Closed,
            { Count: >= AttachmentLimits.MaxPerLog } => LogState.Full,
            _ => LogState.Open,
        };
    }

    private static AddOutcome Refusal(LogState state) => state switch
    {
        LogState.NotFound => AddOutcome.NotFound,
        LogState.Closed => AddOutcome.Closed,
        _ => AddOutcome.Full,
    };

    private Task RecordAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CitizenAccess access, Guid attachmentId, Guid logId, string action, string fileName) =>
        conn.ExecuteAsync(
            """
            insert into attachment_events (log_id, attachment_id, at, action, file_name, channel, actor_kind, actor_id, actor_name)
            values (@logId, @attachmentId, @at, @action, @fileName, @channel, @actorKind, @actorId, @actorName)
            """,
            new
            {
                logId, attachmentId, at = clock.GetUtcNow(), action, fileName, channel = ApiNames.Of(access.Channel),
                actorKind = access.Actor.KindText, actorId = access.Actor.Id, actorName = access.Actor.Name,
            }, tx);

    private static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc));

    private sealed class Row
    {
        public Guid Id { get; set; }
        public Guid LogId { get; set; }
        public string FileName { get; set; } = "";
        public string ContentType { get; set; } = "";
        public long Size { get; set; }
        public DateTime CreatedAt { get; set; }
        public string StorageKey { get; set; } = "";

        public Attachment ToAttachment() => new(Id, LogId, FileName, ContentType, Size, Utc(CreatedAt), StorageKey);
    }
}
