using Dapper;
using Joblog.Core.Logs;
using Joblog.Web.Auth;
using Npgsql;

namespace Joblog.Web.Access;

/// <summary>What the gate hands out: the only way to reach a citizen's data (the log store takes nothing else).</summary>
public sealed record CitizenAccess(Guid CitizenId, Actor Actor, bool CanWrite, Channel Channel)
{
    public bool IsOwner => Actor.Kind == ActorKind.Citizen;

    /// <summary>
    /// A look the gate permitted but left for the write to record in its own statement (see
    /// <see cref="CitizenGate.OpenForWriteAsync"/>): then the record and the write commit together.
    /// </summary>
    public AccessRecord? PendingLook { get; init; }
}

/// <summary>One row of the citizen's access history.</summary>
public sealed record AccessRecord(Guid CitizenId, DateTimeOffset At, string ActorKind, string ActorId, string ActorName, string OrganisationId, string What)
{
    public const string InsertSql = """
        insert into access_log (citizen_id, at, actor_kind, actor_id, actor_name, organisation_id, what)
        values (@lookCitizenId, @lookAt, @lookActorKind, @lookActorId, @lookActorName, @lookOrganisationId, @lookWhat)
        """;

    public object Parameters => new
    {
        lookCitizenId = CitizenId, lookAt = At, lookActorKind = ActorKind, lookActorId = ActorId,
        lookActorName = ActorName, lookOrganisationId = OrganisationId, lookWhat = What,
    };
}

/// <summary>
/// The one gate for citizen data. The citizen reaches their own data; anyone else passes the
/// policies, and each permitted look is recorded before any data is returned. If the record
/// cannot be written the call fails (fail closed); a policy that throws is a denial.
/// Null means "as if it did not exist" (404).
/// </summary>
public sealed class CitizenGate(NpgsqlDataSource db, TimeProvider clock, IEnumerable<IAccessPolicy> policies, ILogger<CitizenGate> log)
{
    public Task<CitizenAccess?> OpenAsync(Actor actor, Guid citizenId, string what, CancellationToken ct) =>
        OpenAsync(actor, citizenId, what, recordNow: true, ct);

    /// <summary>
    /// For a write that returns what it wrote: the same decision, but the look is handed to the
    /// write (<see cref="CitizenAccess.PendingLook"/>), which records it in the statement that writes.
    /// If the write does not happen, nothing was shown and nothing is recorded.
    /// </summary>
    public Task<CitizenAccess?> OpenForWriteAsync(Actor actor, Guid citizenId, string what, CancellationToken ct) =>
        OpenAsync(actor, citizenId, what, recordNow: false, ct);

    private async Task<CitizenAccess?> OpenAsync(Actor actor, Guid citizenId, string what, bool recordNow, CancellationToken ct)
    {
        if (actor.Kind == ActorKind.Citizen)
            return actor.CitizenId == citizenId ? new CitizenAccess(citizenId, actor, true, Channel.Jobnet) : null;

        await using var conn = await db.OpenConnectionAsync(ct);
        var facts = await LoadFactsAsync(conn, actor, citizenId);
        if (facts is null) return null;

        var decision = Decide(actor, facts);
        if (decision == Decision.Deny) return null;

        var look = new AccessRecord(citizenId, clock.GetUtcNow(), actor.KindText, actor.Id, actor.Name, actor.OrganisationId!, what);
        if (recordNow) await conn.ExecuteAsync(AccessRecord.InsertSql, look.Parameters);
        return new CitizenAccess(citizenId, actor, decision == Decision.ReadWrite, Channels.For(actor, facts.OrganisationKind))
        {
            PendingLook = recordNow ? null : look,
        };
    }

    private Decision Decide(Actor actor, CitizenFacts facts)
    {
        var result = Decision.Deny;
        foreach (var policy in policies)
        {
            try
            {
                var d = policy.Decide(actor, facts);
                if (d == Decision.Deny) return Decision.Deny;
                if (d is { } permit) result = permit;
            }
            catch (Exception e)
            {
                log.LogError(e, "Access policy {Policy} failed; denying", policy.GetType().Name);
                return Decision.Deny;
            }
        }
        return result;
    }

    private async Task<CitizenFacts?> LoadFactsAsync(NpgsqlConnection conn, Actor actor, Guid citizenId)
    {
        if (actor.OrganisationId is null) return null;
        // One round trip: the citizen, the caller's organisation and the target groups open today.
        var row = await conn.QuerySingleOrDefaultAsync<(string Municipality, string? Akasse, string? OrgKind, string? OrgMunicipality, string[] Groups)?>(
            """
            select c.municipality_code, c.akasse_id, o.kind, o.municipality_code,
                   array(select p.target_group from target_group_periods p
                         where p.citizen_id = c.id and p.starts_on <= @today and (p.ends_on is null or p.ends_on >= @today))
            from citizens c left join organisations o on o.id = @org
            where c.id = @citizenId
            """,
            new { citizenId, org = actor.OrganisationId, today = clock.Today() });
        if (row is not { } r) return null;
        var groups = r.Groups;
        return new CitizenFacts(citizenId, r.Municipality, r.Akasse, groups.ToList(), actor.OrganisationId, r.OrgKind, r.OrgMunicipality);
    }
}
