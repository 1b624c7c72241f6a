using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Dapper;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Joblog.Web.Auth;

/// <summary>
/// Case systems authenticate with <c>Authorization: Bearer &lt;api key&gt;</c>; only the key's SHA-256 is
/// stored. A key's organisation is remembered for 30 seconds, so a revoked key stops working within that.
/// </summary>
public sealed class ApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, NpgsqlDataSource db, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private static readonly TimeSpan Remember = TimeSpan.FromSeconds(30);
    private static readonly ConcurrentDictionary<string, (Actor? Actor, DateTimeOffset Until)> Known = new();

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var key = header["Bearer ".Length..].Trim();
        if (key.Length == 0) return AuthenticateResult.Fail("Empty API key");

        var hash = Convert.ToHexString(Hash(key));
        var now = clock.GetUtcNow();
        if (!Known.TryGetValue(hash, out var known) || known.Until < now)
        {
            known = (await FindAsync(key), now + Remember);
            if (Known.Count > 10_000) Known.Clear();
            Known[hash] = known;
        }
        return known.Actor is { } actor
            ? AuthenticateResult.Success(new AuthenticationTicket(actor.ToPrincipal(SchemeName), SchemeName))
            : AuthenticateResult.Fail("Unknown API key");
    }

    private async Task<Actor?> FindAsync(string key)
    {
        await using var conn = await db.OpenConnectionAsync(Context.RequestAborted);
        var org = await conn.QuerySingleOrDefaultAsync<(string Id, string Name)?>(
            """
            select o.id, o.name from api_keys k join organisations o on o.id = k.organisation_id
            where k.key_hash = @hash and k.revoked_at is null
            """,
            new { hash = Hash(key) });
        return org is { } o ? new Actor(ActorKind.System, o.Id, $"{o.Name} (fagsystem)", null, o.Id) : null;
    }
}
