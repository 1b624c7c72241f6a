using System.Security.Cryptography;
using System.Text;
using Dapper;
using Joblog.Core.Logs;
using Joblog.Web.Access;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;

namespace Joblog.Web.Features.Calendar;

/// <summary>The citizen's live feed link: when it was made (the link itself is shown only once).</summary>
public sealed record CalendarFeed(Guid Id, DateTimeOffset CreatedAt);

/// <summary>
/// Private calendar-feed links. The token (32 random bytes, base64url) is the credential and is
/// never stored: only its SHA-256. One live link per citizen; a new one revokes the old. Making
/// and revoking are written to audit_events with who and which channel, in the same transaction.
/// </summary>
public sealed class CalendarFeedStore(NpgsqlDataSource db, TimeProvider clock)
{
    public async Task<CalendarFeed?> GetLiveAsync(CitizenAccess access, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<(Guid Id, DateTime CreatedAt)?>(new CommandDefinition(
            "select id, created_at from calendar_feeds where citizen_id = @CitizenId and revoked_at is null", new { access.CitizenId },
            cancellationToken: ct));
        return row is { } r ? new CalendarFeed(r.Id, new DateTimeOffset(DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc))) : null;
    }

    /// <summary>Revokes the live link, if any, and makes a new one; returns its token (null when read-only).</summary>
    public async Task<string?> CreateAsync(CitizenAccess access, CancellationToken ct)
    {
        if (!access.CanWrite) return null;
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var id = Guid.CreateVersion7();
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await RevokeAsync(conn, tx, access);
        var now = clock.GetUtcNow();
        await conn.ExecuteAsync(
            "insert into calendar_feeds (id, citizen_id, token_sha256, created_at) values (@id, @CitizenId, @hash, @now)",
            new { id, access.CitizenId, hash = Hash(token), now }, tx);
        await AuditEvents.WriteAsync(conn, tx, access, now, "calendarFeed.created", id);
        await tx.CommitAsync(ct);
        return token;
    }

    /// <summary>Revokes the live link: its address answers 404 from now on. False when there was none (or read-only).</summary>
    public async Task<bool> RevokeAsync(CitizenAccess access, CancellationToken ct)
    {
        if (!access.CanWrite) return false;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var revoked = await RevokeAsync(conn, tx, access);
        await tx.CommitAsync(ct);
        return revoked;
    }

    /// <summary>The citizen whose live link this token is; null for anything else.</summary>
    public async Task<Guid?> FindCitizenAsync(string token, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "select citizen_id from calendar_feeds where token_sha256 = @hash and revoked_at is null", new { hash = Hash(token) },
            cancellationToken: ct));
    }

    private async Task<bool> RevokeAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CitizenAccess access)
    {
        var id = await conn.QuerySingleOrDefaultAsync<Guid?>(
            "update calendar_feeds set revoked_at = @now where citizen_id = @CitizenId and revoked_at is null returning id",
            new { access.CitizenId, now = clock.GetUtcNow() }, tx);
        if (id is null) return false;
        await AuditEvents.WriteAsync(conn, tx, access, clock.GetUtcNow(), "calendarFeed.revoked", id.Value);
        return true;
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
