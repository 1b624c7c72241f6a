using Dapper;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;
using System.Security.Cryptography;

namespace Joblog.Web.Auth;

/// <summary>
/// Sessions live in PostgreSQL: the cookie carries only a random key, so any app instance can
/// serve the user and logging out (deleting the row) really ends the session.
/// 30 minutes sliding (the cookie's expiry), 12 hours absolute.
/// </summary>
public sealed class PostgresTicketStore(NpgsqlDataSource db, TimeProvider clock) : ITicketStore
{
    public static readonly TimeSpan Sliding = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan Absolute = TimeSpan.FromHours(12);

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync(
            """
            insert into sessions (id, ticket, created_at, expires_at, absolute_expires_at)
            values (@key, @ticket, @now, @expires, @absolute);
            delete from sessions where expires_at < @now - interval '1 day';
            """,
            new { key, ticket = TicketSerializer.Default.Serialize(ticket), now, expires = Expiry(ticket, now), absolute = (SignedInAt(ticket.Properties) ?? now) + Absolute });
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        var now = clock.GetUtcNow();
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync(
            "update sessions set ticket = @ticket, expires_at = least(@expires, absolute_expires_at) where id = @key",
            new { key, ticket = TicketSerializer.Default.Serialize(ticket), expires = Expiry(ticket, now) });
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var conn = await db.OpenConnectionAsync();
        var bytes = await conn.QuerySingleOrDefaultAsync<byte[]>(
            "select ticket from sessions where id = @key and expires_at > @now and absolute_expires_at > @now",
            new { key, now = clock.GetUtcNow() });
        return bytes is null ? null : TicketSerializer.Default.Deserialize(bytes);
    }

    public async Task RemoveAsync(string key)
    {
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("delete from sessions where id = @key", new { key });
    }

    private const string SignedInAtKey = "joblog:signed-in-at";

    /// <summary>When the person signed in; a replaced session (a caseworker switching citizen) keeps it, so the absolute limit holds.</summary>
    public static DateTimeOffset? SignedInAt(AuthenticationProperties? properties) =>
        properties?.GetString(SignedInAtKey) is { } text && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var at) ? at : null;

    public static void SetSignedInAt(AuthenticationProperties properties, DateTimeOffset at) =>
        properties.SetString(SignedInAtKey, at.ToString("O", System.Globalization.CultureInfo.InvariantCulture));

    private static DateTimeOffset Expiry(AuthenticationTicket ticket, DateTimeOffset now) =>
        ticket.Properties.ExpiresUtc ?? now + Sliding;
}
