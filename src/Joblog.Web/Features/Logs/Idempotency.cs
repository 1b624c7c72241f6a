using System.Security.Cryptography;
using Dapper;
using Npgsql;

namespace Joblog.Web.Features.Logs;

/// <summary>A response stored under an Idempotency-Key, returned again for a repeat.</summary>
public sealed record StoredResponse(int StatusCode, string? Location, string? ETag, string Body, byte[] RequestHash);

/// <summary>
/// Idempotency-Key on create: the key is claimed in the same transaction as the create, so a
/// repeat (even a concurrent one, which waits on the key's row) returns the first result.
/// </summary>
public static class Idempotency
{
    public static byte[] Hash(Guid citizenId, byte[] body) => SHA256.HashData([.. citizenId.ToByteArray(), .. body]);

    /// <summary>True when this transaction now owns the key; false when it was used before.</summary>
    public static async Task<bool> ClaimAsync(NpgsqlTransaction tx, string owner, string key, byte[] hash) =>
        await tx.Connection!.ExecuteAsync(
            """
            insert into idempotency_keys (owner, key, request_hash, status_code, body)
            values (@owner, @key, @hash, 0, '') on conflict do nothing
            """, new { owner, key, hash }, tx) == 1;

    public static Task SaveAsync(NpgsqlTransaction tx, string owner, string key, StoredResponse response) =>
        tx.Connection!.ExecuteAsync(
            """
            update idempotency_keys set status_code = @StatusCode, location = @Location, etag = @ETag, body = @Body
            where owner = @owner and key = @key
            """, new { owner, key, response.StatusCode, response.Location, response.ETag, response.Body }, tx);

    public static async Task<StoredResponse?> FindAsync(NpgsqlDataSource db, string owner, string key)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.QuerySingleOrDefaultAsync<StoredResponse>(
            "select status_code as StatusCode, location as Location, etag as ETag, body as Body, request_hash as RequestHash from idempotency_keys where owner = @owner and key = @key",
            new { owner, key });
    }
}
