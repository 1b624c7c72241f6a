using Dapper;
using Joblog.Core.Logs;
using Joblog.Web.Auth;
using Npgsql;

namespace Joblog.Web.Access;

/// <summary>
/// What the gate hands out: the only way to reach a citizen's data (the stores take nothing else).
/// A class, not a record, and its constructor is internal: it cannot be copied with changes (<c>with</c>),
/// and a test (GateBoundaryTests) checks that only <see cref="CitizenGate"/> makes one.
/// </summary>
public sealed class CitizenAccess
{
    internal CitizenAccess(Guid citizenId, Actor actor, bool canWrite, Channel channel)
    {
        CitizenId = citizenId;
        Actor = actor;
        CanWrite = canWrite;
        Channel = channel;
    }

    public Guid CitizenId { get; }

    public Actor Actor { get; }

    public bool CanWrite { get; }

    public Channel Channel { get; }

    public bool IsOwner => Actor.Kind == ActorKind.Citizen;

    /// <summary>The citizen's name, for the caseworker's banner ("Du ser Jobnet for …"). Null for the citizen.</summary>
    public string? CitizenName { get; internal init; }

    /// <summary>The caller's organisation by name (null for the citizen).</summary>
    public string? OrganisationName { get; internal init; }

    /// <summary>The kind of the caller's organisation: jobcenter, akasse (null for the citizen). See <see cref="StaffTools"/>.</summary>
    public string? OrganisationKind { get; internal init; }

    /// <summary>The categories held back from this caller (never from the citizen).</summary>
    public IReadOnlySet<Category> Withheld { get; internal init; } = new HashSet<Category>();

    public bool Withholds(Category category) => Withheld.Contains(category);

    /// <summary>
    /// A look the gate permitted but left for the write to record in its own statement (see
    /// <see cref="CitizenGate.OpenForWriteAsync"/>): then the record and the write commit together.
    /// </summary>
    public AccessRecord? PendingLook { get; internal init; }
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
public sealed class CitizenGate(NpgsqlDataSource db, TimeProvider clock, IEnumerable<IAccessPolicy> policies,
    IEnumerable<IWithholdingRule> rules, LookCommit lookCommit, ILogger<CitizenGate> log)
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
        if (recordNow) await conn.ExecuteAsync(lookCommit.Sql, look.Parameters);
        return new CitizenAccess(citizenId, actor, decision == Decision.ReadWrite, Channels.For(actor, facts.OrganisationKind))
        {
            PendingLook = recordNow ? null : look,
            CitizenName = facts.CitizenName,
            OrganisationName = facts.OrganisationName,
            OrganisationKind = facts.OrganisationKind,
            Withheld = Withheld(actor, facts),
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

    private HashSet<Category> Withheld(Actor actor, CitizenFacts facts)
    {
        var withheld = new HashSet<Category>();
        foreach (var rule in rules)
        {
            try
            {
                if (rule.Withholds(actor, facts)) withheld.Add(rule.Category);
            }
            catch (Exception e)
            {
                log.LogError(e, "Withholding rule {Rule} failed; withholding {Category}", rule.GetType().Name, rule.Category);
                withheld.Add(rule.Category);
            }
        }
        return withheld;
    }

    private async Task<CitizenFacts?> LoadFactsAsync(NpgsqlConnection conn, Actor actor, Guid citizenId)
    {
        if (actor.OrganisationId is null) return null;
        // One round trip: the citizen, the caller's organisation and the target groups open today.
        // akasse_may_see (target_groups, reference data) names the groups that are an a-kasse course: dagpenge, dimittend.
        var row = await conn.QuerySingleOrDefaultAsync<(string Name, string Municipality, string? Akasse, string? OrgKind, string? OrgMunicipality, string? OrgName, string[] Groups, bool AkasseCourse)?>(
            """
            select c.name, c.municipality_code, c.akasse_id, o.kind, o.municipality_code, o.name, t.groups, t.akasse_course
            from citizens c
            left join organisations o on o.id = @org
            cross join lateral (
                select coalesce(array_agg(p.target_group), '{}') as groups, coalesce(bool_or(g.akasse_may_see), false) as akasse_course
                from target_group_periods p join target_groups g on g.code = p.target_group
                where p.citizen_id = c.id and p.starts_on <= @today and (p.ends_on is null or p.ends_on >= @today)) t
            where c.id = @citizenId
            """,
            new { citizenId, org = actor.OrganisationId, today = clock.Today() });
        if (row is not { } r) return null;
        return new CitizenFacts(citizenId, r.Name, r.Municipality, r.Akasse, r.Groups, r.AkasseCourse, actor.OrganisationId, r.OrgKind, r.OrgMunicipality, r.OrgName);
    }
}
