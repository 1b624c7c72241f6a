namespace Joblog.Web.Access;

/// <summary>What the gate's policies decide on: the caller's organisation and the citizen's status today.</summary>
public sealed record CitizenFacts(
    Guid CitizenId,
    string CitizenName,
    string MunicipalityCode,
    string? AkasseId,
    IReadOnlyList<string> TargetGroupsToday,
    bool InAkasseCourseToday,
    string? OrganisationId,
    string? OrganisationKind,
    string? OrganisationMunicipality,
    string? OrganisationName = null);

public enum Decision { Deny, ReadOnly, ReadWrite }

/// <summary>One small permit/deny rule. A policy that throws counts as a denial.</summary>
public interface IAccessPolicy
{
    /// <summary>Null when the policy has nothing to say about this caller.</summary>
    Decision? Decide(Auth.Actor actor, CitizenFacts facts);
}

/// <summary>Jobcenter staff and systems: citizens of their own municipality, read only.</summary>
public sealed class JobcenterPolicy : IAccessPolicy
{
    public Decision? Decide(Auth.Actor actor, CitizenFacts facts) =>
        facts.OrganisationKind != "jobcenter" ? null
        : facts.OrganisationMunicipality == facts.MunicipalityCode ? Decision.ReadOnly : Decision.Deny;
}

/// <summary>
/// A-kasse staff and systems: their own members, only while a dagpenge or dimittend course is
/// open today. Staff read; the a-kasse's case system may also write (the member's a-kasse joblog).
/// </summary>
public sealed class AkassePolicy : IAccessPolicy
{
    public Decision? Decide(Auth.Actor actor, CitizenFacts facts)
    {
        if (facts.OrganisationKind != "akasse") return null;
        var member = facts.AkasseId == facts.OrganisationId;
        var inCourse = facts.InAkasseCourseToday;
        if (!member || !inCourse) return Decision.Deny;
        return actor.Kind == Auth.ActorKind.System ? Decision.ReadWrite : Decision.ReadOnly;
    }
}

/// <summary>The national agency sees statistics only, never a person.</summary>
public sealed class AgencyPolicy : IAccessPolicy
{
    public Decision? Decide(Auth.Actor actor, CitizenFacts facts) =>
        facts.OrganisationKind == "agency" ? Decision.Deny : null;
}
