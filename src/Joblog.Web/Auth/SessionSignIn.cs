using Dapper;
using Microsoft.AspNetCore.Authentication;
using Npgsql;

namespace Joblog.Web.Auth;

public enum IdentityKind { Citizen, Staff }

/// <summary>
/// What an identity provider vouches for: a citizen's CPR number (MitID / NemLog-in) or a staff
/// member's user id (the employee signature). The demo login is one such provider; NemLog-in
/// replaces it by producing the same thing. The CPR number goes no further than this lookup.
/// </summary>
public sealed record VerifiedIdentity(IdentityKind Kind, string Subject);

/// <summary>The one boundary between an identity provider and a Joblog session.</summary>
public sealed class SessionSignIn(NpgsqlDataSource db)
{
    public async Task<Actor?> FindActorAsync(VerifiedIdentity identity, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        if (identity.Kind == IdentityKind.Citizen)
        {
            var citizen = await conn.QuerySingleOrDefaultAsync<(Guid Id, string Name)?>(
                "select id, name from citizens where cpr = @cpr", new { cpr = identity.Subject });
            return citizen is { } c ? new Actor(ActorKind.Citizen, c.Id.ToString(), c.Name, c.Id, null) : null;
        }
        var staff = await conn.QuerySingleOrDefaultAsync<(string Id, string Name, string Org)?>(
            "select id, name, organisation_id from staff where id = @id", new { id = identity.Subject });
        return staff is { } s ? new Actor(ActorKind.Staff, s.Id, s.Name, null, s.Org) : null;
    }

    public async Task<bool> SignInAsync(HttpContext http, VerifiedIdentity identity)
    {
        var actor = await FindActorAsync(identity, http.RequestAborted);
        if (actor is null) return false;
        await StartSessionAsync(http, actor, signedInAt: DateTimeOffset.UtcNow);
        return true;
    }

    /// <summary>
    /// Keeps (or, with null, forgets) the citizen a caseworker chose in "Se borgers Jobnet". The session
    /// is replaced by a new one under a new key; the 12-hour limit still counts from the sign-in.
    /// </summary>
    public async Task ViewCitizenAsync(HttpContext http, Actor staff, Guid? citizenId)
    {
        if (staff.Kind != ActorKind.Staff) throw new InvalidOperationException("Only staff view other citizens.");
        var current = await http.AuthenticateAsync(AuthSetup.CookieScheme);
        var signedInAt = PostgresTicketStore.SignedInAt(current.Properties) ?? DateTimeOffset.UtcNow;
        await StartSessionAsync(http, staff with { ViewingCitizenId = citizenId }, signedInAt);
    }

    private static Task StartSessionAsync(HttpContext http, Actor actor, DateTimeOffset signedInAt)
    {
        var properties = new AuthenticationProperties { IsPersistent = false, IssuedUtc = DateTimeOffset.UtcNow };
        PostgresTicketStore.SetSignedInAt(properties, signedInAt);
        return http.SignInAsync(AuthSetup.CookieScheme, actor.ToPrincipal(AuthSetup.CookieScheme), properties);
    }
}
