using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Dapper;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Joblog.Web.Auth;

/// <summary>Case systems authenticate with <c>Authorization: Bearer &lt;api key&gt;</c>; only the key's SHA-256 is stored.</summary>
public sealed class ApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, NpgsqlDataSource db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var key = header["Bearer ".Length..].Trim();
        if (key.Length == 0) return AuthenticateResult.Fail("Empty API key");

        await using var conn = await db.OpenConnectionAsync(Context.RequestAborted);
        var org = await conn.QuerySingleOrDefaultAsync<(string Id, string Name)?>(
            """
            select o.id, o.name from api_keys k join organisations o on o.id = k.organisation_id
            where k.key_hash = @hash and k.revoked_at is null
            """,
            new { hash = Hash(key) });
        if (org is not { } o) return AuthenticateResult.Fail("Unknown API key");

        var actor = new Actor(ActorKind.System, o.Id, $"{o.Name} (fagsystem)", null, o.Id);
        return AuthenticateResult.Success(new AuthenticationTicket(actor.ToPrincipal(SchemeName), SchemeName));
    }
}
