using System.Security.Claims;
using Joblog.Core.Logs;

namespace Joblog.Web.Auth;

public enum ActorKind { Citizen, Staff, System }

/// <summary>
/// Who is calling: a citizen, a staff member of an organisation, or an organisation's case system.
/// Built from the signed-in principal; every write records it.
/// </summary>
public sealed record Actor(ActorKind Kind, string Id, string Name, Guid? CitizenId, string? OrganisationId)
{
    public const string KindClaim = "joblog:kind";
    public const string OrganisationClaim = "joblog:org";
    public const string CitizenClaim = "joblog:citizen";
    public const string ViewingClaim = "joblog:viewing";

    /// <summary>
    /// For staff: the citizen chosen in "Se borgers Jobnet" (kept in the server-side session).
    /// A choice, not a permit: the gate decides again on every request.
    /// </summary>
    public Guid? ViewingCitizenId { get; init; }

    /// <summary>Whose data the citizen pages show: the citizen's own, or the one a caseworker chose.</summary>
    public Guid? SubjectId => Kind == ActorKind.Citizen ? CitizenId : ViewingCitizenId;

    public static Actor? From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return null;
        var kind = user.FindFirstValue(KindClaim) switch
        {
            "citizen" => ActorKind.Citizen,
            "staff" => ActorKind.Staff,
            "system" => ActorKind.System,
            _ => (ActorKind?)null,
        };
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (kind is null || id is null) return null;
        var citizen = Guid.TryParse(user.FindFirstValue(CitizenClaim), out var c) ? c : (Guid?)null;
        var viewing = kind == ActorKind.Staff && Guid.TryParse(user.FindFirstValue(ViewingClaim), out var v) ? v : (Guid?)null;
        return new Actor(kind.Value, id, user.Identity.Name ?? id, citizen, user.FindFirstValue(OrganisationClaim)) { ViewingCitizenId = viewing };
    }

    public string KindText => Kind.ToString().ToLowerInvariant();

    public ClaimsPrincipal ToPrincipal(string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, Id),
            new(ClaimTypes.Name, Name),
            new(KindClaim, KindText),
        };
        if (CitizenId is { } c) claims.Add(new Claim(CitizenClaim, c.ToString()));
        if (OrganisationId is { } o) claims.Add(new Claim(OrganisationClaim, o));
        if (ViewingCitizenId is { } v) claims.Add(new Claim(ViewingClaim, v.ToString()));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }
}

/// <summary>The channel a write comes through, decided by who writes it.</summary>
public static class Channels
{
    public static Channel For(Actor actor, string? organisationKind) => actor.Kind switch
    {
        ActorKind.Citizen => Channel.Jobnet,
        _ when organisationKind == "akasse" => Channel.Akasse,
        _ => Channel.Jobcenter,
    };
}
