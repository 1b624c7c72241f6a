using Dapper;
using Joblog.Core.Logs;
using Joblog.Web.Access;
using Joblog.Web.Features.Logs;
using Npgsql;

namespace Joblog.Web.Features.SavedJobs;

public enum SavedJobOutcome { Done, AlreadySaved, NotFound, Stale, ReadOnly, AlreadyLogged }

public sealed record SavedJobResult(SavedJobOutcome Outcome, SavedJob? Job = null, Log? Log = null, string? LogJson = null);

/// <summary>
/// Reads and writes a citizen's saved jobs. Every method takes a <see cref="CitizenAccess"/> from the
/// gate; every write stores who made it and through which channel, in the same transaction.
/// </summary>
public sealed class SavedJobStore(NpgsqlDataSource db, LogStore logs, TimeProvider clock)
{
    private const string Columns = "id, job_ad_id, title, employer_name, address, postal_code, city, deadline, url, occupation_code, working_time, created_at, channel, actor_name, log_id, version";

    /// <summary>Soonest deadline first; those without a deadline last, newest first.</summary>
    public async Task<IReadOnlyList<SavedJob>> ListAsync(CitizenAccess access, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<SavedJobRow>(
            $"select {Columns} from saved_jobs where citizen_id = @CitizenId order by deadline nulls last, created_at desc, id", new { access.CitizenId });
        return rows.Select(r => r.ToSavedJob()).ToList();
    }

    public async Task<SavedJob?> GetAsync(CitizenAccess access, Guid id, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<SavedJobRow>(
            $"select {Columns} from saved_jobs where id = @id and citizen_id = @CitizenId", new { id, access.CitizenId });
        return row?.ToSavedJob();
    }

    /// <summary>Saves a job from what was read or typed. The same address saved again gives the first one back (<see cref="SavedJobOutcome.AlreadySaved"/>).</summary>
    public Task<SavedJobResult> SaveAsync(CitizenAccess access, LogContent content, CancellationToken ct) =>
        InsertAsync(access, "values (@id, @CitizenId, null, @JobTitle, @EmployerName, @EmployerAddress, @EmployerPostalCode, @EmployerCity, @Deadline, @JobAdUrl, @OccupationCode, @workingTime, @now, @actorKind, @actorId, @actorName, @channel)",
            new { content.JobTitle, content.EmployerName, content.EmployerAddress, content.EmployerPostalCode, content.EmployerCity, content.Deadline, content.JobAdUrl, content.OccupationCode, workingTime = ApiNames.Of(content.WorkingTime) },
            "url = @JobAdUrl", ct);

    /// <summary>Saves one of the job ads (Find job → Gem job); null <see cref="SavedJobResult.Job"/> with NotFound when there is no such ad.</summary>
    public Task<SavedJobResult> SaveAdAsync(CitizenAccess access, Guid jobAdId, CancellationToken ct) =>
        InsertAsync(access, """
            select @id, @CitizenId, a.id, a.title, a.employer_name, a.address, a.postal_code, a.city, a.deadline, a.url, a.occupation_code, a.working_time,
                   @now, @actorKind, @actorId, @actorName, @channel
            from job_ads a where a.id = @jobAdId
            """, new { jobAdId }, "job_ad_id = @jobAdId or (url is not null and url = (select url from job_ads where id = @jobAdId))", ct);

    private async Task<SavedJobResult> InsertAsync(CitizenAccess access, string source, object values, string sameJob, CancellationToken ct)
    {
        if (!access.CanWrite) return new(SavedJobOutcome.ReadOnly);
        var parameters = new DynamicParameters(values);
        parameters.AddDynamicParams(new
        {
            id = Guid.CreateVersion7(), access.CitizenId, now = clock.GetUtcNow(), actorKind = access.Actor.KindText, actorId = access.Actor.Id,
            actorName = access.Actor.Name, channel = ApiNames.Of(access.Channel),
        });
        if (access.PendingLook is { } look) parameters.AddDynamicParams(look.Parameters);
        await using var conn = await db.OpenConnectionAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<SavedJobRow>(
            $"""
            with {(access.PendingLook is null ? "" : $"look as ({AccessRecord.InsertSql}),")}
            saved as (
                insert into saved_jobs (id, citizen_id, job_ad_id, title, employer_name, address, postal_code, city, deadline, url,
                                        occupation_code, working_time, created_at, actor_kind, actor_id, actor_name, channel)
                {source}
                on conflict do nothing
                returning {Columns})
            select * from saved
            """, parameters);
        if (row is not null) return new(SavedJobOutcome.Done, row.ToSavedJob());
        var existing = await conn.QueryFirstOrDefaultAsync<SavedJobRow>(
            $"select {Columns} from saved_jobs where citizen_id = @CitizenId and ({sameJob}) order by created_at limit 1", parameters);
        return existing is null ? new(SavedJobOutcome.NotFound) : new(SavedJobOutcome.AlreadySaved, existing.ToSavedJob());
    }

    /// <summary>Removes a saved job ("Fjern"); recorded as an audit event (who, channel) without the content.</summary>
    public async Task<SavedJobOutcome> DeleteAsync(CitizenAccess access, Guid id, int expectedVersion, CancellationToken ct)
    {
        if (!access.CanWrite) return SavedJobOutcome.ReadOnly;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var version = await conn.QuerySingleOrDefaultAsync<int?>(
            "select version from saved_jobs where id = @id and citizen_id = @CitizenId for update", new { id, access.CitizenId }, tx);
        if (version is null) return SavedJobOutcome.NotFound;
        if (version != expectedVersion) return SavedJobOutcome.Stale;
        await conn.ExecuteAsync("delete from saved_jobs where id = @id", new { id }, tx);
        await AuditEvents.WriteAsync(conn, tx, access, clock.GetUtcNow(), "savedJob.deleted", id);
        await tx.CommitAsync(ct);
        return SavedJobOutcome.Done;
    }

    /// <summary>
    /// Makes the log of a saved job ("Opret log") with <paramref name="content"/> (the saved job's, perhaps
    /// completed by the citizen), and marks the saved job as logged — in one transaction.
    /// </summary>
    public async Task<SavedJobResult> CreateLogAsync(CitizenAccess access, Guid id, LogContent content, CancellationToken ct)
    {
        if (!access.CanWrite) return new(SavedJobOutcome.ReadOnly);
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<SavedJobRow>(
            $"select {Columns} from saved_jobs where id = @id and citizen_id = @CitizenId for update", new { id, access.CitizenId }, tx);
        if (row is null) return new(SavedJobOutcome.NotFound);
        if (row.LogId is not null) return new(SavedJobOutcome.AlreadyLogged, row.ToSavedJob());

        var created = await logs.CreateAsync(access, content, ct, tx);
        var marked = await conn.QuerySingleAsync<SavedJobRow>(
            $"update saved_jobs set log_id = @logId, logged_at = @now, version = version + 1 where id = @id returning {Columns}",
            new { id, logId = created.Log!.Id, now = clock.GetUtcNow() }, tx);
        await tx.CommitAsync(ct);
        return new(SavedJobOutcome.Done, marked.ToSavedJob(), created.Log, created.Json);
    }
}
