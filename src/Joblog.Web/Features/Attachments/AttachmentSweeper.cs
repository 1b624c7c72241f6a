using Dapper;
using Joblog.Web.Storage;
using Npgsql;

namespace Joblog.Web.Features.Attachments;

/// <summary>
/// Removes files that no attachment row refers to — left by an upload whose row was never written (a
/// crash between the two) or by a row deleted without the store (a deleted citizen, a failed delete) —
/// once they are older than an hour, so an upload in progress is never touched. Runs a minute after
/// start and then every hour. Safe with many instances: each deletion is of a file no row refers to, and
/// deleting a file twice is harmless.
/// </summary>
public sealed class AttachmentSweeper(IFileStore files, NpgsqlDataSource db, TimeProvider clock, ILogger<AttachmentSweeper> log)
    : BackgroundService
{
    public static readonly TimeSpan OrphanAge = TimeSpan.FromHours(1);

    private const int Batch = 500;

    /// <summary>One pass over the store; returns how many files it removed.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - OrphanAge;
        var removed = 0;
        var candidates = new List<string>(Batch);
        await foreach (var file in files.ListAsync(ct))
        {
            if (file.LastModified > cutoff) continue;
            candidates.Add(file.Key);
            if (candidates.Count < Batch) continue;
            removed += await RemoveOrphansAsync(candidates, ct);
            candidates.Clear();
        }
        if (candidates.Count > 0) removed += await RemoveOrphansAsync(candidates, ct);
        if (removed > 0) log.LogInformation("Removed {Count} files that no attachment refers to", removed);
        return removed;
    }

    private async Task<int> RemoveOrphansAsync(List<string> keys, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var known = (await conn.QueryAsync<string>("select storage_key from attachments where storage_key = any(@keys)", new { keys = keys.ToArray() }))
            .ToHashSet(StringComparer.Ordinal);
        var removed = 0;
        foreach (var key in keys.Where(k => !known.Contains(k)))
        {
            await files.DeleteAsync(key, ct);
            removed++;
        }
        return removed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "Sweeping the file store failed; trying again in an hour");
                }
                await Task.Delay(OrphanAge, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }
}
