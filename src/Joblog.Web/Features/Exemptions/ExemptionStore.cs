using Dapper;
using Joblog.Core.Logs;
using Joblog.Web.Access;
using Joblog.Web.Features.Requirements;
using Npgsql;

namespace Joblog.Web.Features.Exemptions;

public enum ExemptionOutcome { Done, NotFound, Forbidden, Overlaps, AlreadyOver, Invalid }

/// <summary>What a change did; <see cref="Errors"/> name the broken rules when <see cref="Outcome"/> is Invalid.</summary>
public sealed record ExemptionWrite(ExemptionOutcome Outcome, Exemption? Exemption = null, IReadOnlyList<FieldError>? Errors = null);

/// <summary>
/// A citizen's exemptions (fritagelser). Takes a <see cref="CitizenAccess"/> from the gate: the list and every change
/// only for the jobcenter (<see cref="StaffTools.MayManageExemptions"/>); what applies today for anyone the gate lets
/// see the citizen (the citizen's own front page and progress). A change records who and through which channel in the
/// row, and the caller's pending look, in one transaction.
/// </summary>
public sealed class ExemptionStore(NpgsqlDataSource db, TimeProvider clock)
{
    private const string Columns = """
        e.id, e.starts_on, e.ends_on, e.reason, o.name as organisation_name, e.granted_by, e.actor_kind, e.actor_name, e.channel,
        e.created_at, e.ended_actor_kind, e.ended_actor_name, e.ended_channel, e.ended_at
        """;

    private const string From = "from exemptions e left join organisations o on o.id = e.organisation_id";

    /// <summary>Every exemption of the citizen, the latest first.</summary>
    public async Task<IReadOnlyList<Exemption>?> ListAsync(CitizenAccess access, CancellationToken ct)
    {
        if (!StaffTools.MayManageExemptions(access)) return null;
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<Row>(new CommandDefinition(
            $"select {Columns} {From} where e.citizen_id = @CitizenId order by e.starts_on desc, e.created_at desc",
            new { access.CitizenId }, cancellationToken: ct));
        return rows.Select(r => r.ToExemption()).ToList();
    }

    public async Task<Exemption?> GetAsync(CitizenAccess access, Guid id, CancellationToken ct)
    {
        if (!StaffTools.MayManageExemptions(access)) return null;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await ReadAsync(conn, null, access, id);
    }

    /// <summary>The exemption that applies today, if any (the citizen sees it; so does anyone the gate lets see the citizen).</summary>
    public async Task<Exemption?> TodayAsync(CitizenAccess access, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var row = await conn.QueryFirstOrDefaultAsync<Row>(new CommandDefinition(
            $"""
            select {Columns} {From}
            where e.citizen_id = @CitizenId and e.starts_on <= @today and (e.ends_on is null or e.ends_on >= @today)
            order by e.starts_on desc limit 1
            """, new { access.CitizenId, today = clock.Today() }, cancellationToken: ct));
        return row?.ToExemption();
    }

    /// <summary>Grants an exemption; refused when it would overlap another (one exemption applies on any day).</summary>
    public async Task<ExemptionWrite> GrantAsync(CitizenAccess access, DateOnly from, DateOnly? to, string reason, CancellationToken ct)
    {
        if (!StaffTools.MayManageExemptions(access)) return new(ExemptionOutcome.Forbidden);
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        // The citizen's row is the lock: two grants at once cannot both pass the overlap check.
        await conn.ExecuteAsync("select 1 from citizens where id = @CitizenId for update", new { access.CitizenId }, tx);
        var overlaps = await conn.ExecuteScalarAsync<bool>(
            """
            select exists (select 1 from exemptions where citizen_id = @CitizenId
                           and starts_on <= coalesce(@to, 'infinity'::date) and coalesce(ends_on, 'infinity'::date) >= @from)
            """, new { access.CitizenId, from, to }, tx);
        if (overlaps) return new(ExemptionOutcome.Overlaps);

        var id = Guid.CreateVersion7();
        await conn.ExecuteAsync(
            """
            insert into exemptions (id, citizen_id, starts_on, ends_on, reason, granted_by, created_at, organisation_id, actor_kind, actor_id, actor_name, channel)
            values (@id, @CitizenId, @from, @to, @reason, @actorId, @now, @org, @actorKind, @actorId, @actorName, @channel)
            """,
            new
            {
                id, access.CitizenId, from, to, reason = reason.Trim(), now = clock.GetUtcNow(), org = access.Actor.OrganisationId,
                actorKind = access.Actor.KindText, actorId = access.Actor.Id, actorName = access.Actor.Name, channel = ApiNames.Of(access.Channel),
            }, tx);
        await RecordLookAsync(conn, tx, access);
        var written = await ReadAsync(conn, tx, access, id);
        await tx.CommitAsync(ct);
        return new(ExemptionOutcome.Done, written);
    }

    /// <summary>Ends an exemption: <paramref name="to"/> is its last day (the rules: <see cref="ExemptionRules.ValidateEnd"/>).</summary>
    public async Task<ExemptionWrite> EndAsync(CitizenAccess access, Guid id, DateOnly? to, CancellationToken ct)
    {
        if (!StaffTools.MayManageExemptions(access)) return new(ExemptionOutcome.Forbidden);
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await conn.ExecuteAsync("select 1 from exemptions where id = @id and citizen_id = @CitizenId for update", new { id, access.CitizenId }, tx);
        var current = await ReadAsync(conn, tx, access, id);
        if (current is null) return new(ExemptionOutcome.NotFound);
        if (current.IsOver(clock.Today())) return new(ExemptionOutcome.AlreadyOver, current);
        if (ExemptionRules.ValidateEnd(current, to) is { Count: > 0 } errors) return new(ExemptionOutcome.Invalid, current, errors);
        await conn.ExecuteAsync(
            """
            update exemptions set ends_on = @to, ended_at = @now, ended_actor_kind = @actorKind, ended_actor_id = @actorId,
                                  ended_actor_name = @actorName, ended_channel = @channel
            where id = @id
            """,
            new
            {
                id, to, now = clock.GetUtcNow(), actorKind = access.Actor.KindText, actorId = access.Actor.Id, actorName = access.Actor.Name,
                channel = ApiNames.Of(access.Channel),
            }, tx);
        await RecordLookAsync(conn, tx, access);
        var written = await ReadAsync(conn, tx, access, id);
        await tx.CommitAsync(ct);
        return new(ExemptionOutcome.Done, written);
    }

    /// <summary>The look the gate left pending for this write (<see cref="CitizenGate.OpenForWriteAsync"/>), in the write's transaction.</summary>
    private static async Task RecordLookAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CitizenAccess access)
    {
        if (access.PendingLook is { } look) await conn.ExecuteAsync(AccessRecord.InsertSql, look.Parameters, tx);
    }

    private static async Task<Exemption?> ReadAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, CitizenAccess access, Guid id) =>
        (await conn.QuerySingleOrDefaultAsync<Row>($"select {Columns} {From} where e.id = @id and e.citizen_id = @CitizenId",
            new { id, access.CitizenId }, tx))?.ToExemption();

    private sealed class Row
    {
        public Guid Id { get; init; }
        public DateOnly StartsOn { get; init; }
        public DateOnly? EndsOn { get; init; }
        public string Reason { get; init; } = "";
        public string? OrganisationName { get; init; }
        public string GrantedBy { get; init; } = "";
        public string? ActorKind { get; init; }
        public string? ActorName { get; init; }
        public string? Channel { get; init; }
        public DateTime CreatedAt { get; init; }
        public string? EndedActorKind { get; init; }
        public string? EndedActorName { get; init; }
        public string? EndedChannel { get; init; }
        public DateTime? EndedAt { get; init; }

        public Exemption ToExemption() => new(Id, StartsOn, EndsOn, Reason, OrganisationName, GrantedBy,
            new Author(ActorKind, ActorName, ApiNames.ParseOrNull<Channel>(Channel)), Utc(CreatedAt),
            EndedAt is null ? null : new Author(EndedActorKind, EndedActorName, ApiNames.ParseOrNull<Channel>(EndedChannel)),
            EndedAt is { } e ? Utc(e) : null);

        private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
    }
}
