using System.Globalization;
using Dapper;
using Npgsql;

namespace Joblog.Bench.Gate;

/// <summary>
/// Other sessions at work on the same server, and the WAL written while we measured. A commit waits until all WAL
/// before its own record is flushed, so someone else's bulk load on the same cluster slows every look's commit.
/// </summary>
internal sealed record ServerActivity(int OthersActive, string WalLsn)
{
    public static async Task<ServerActivity> ReadAsync(NpgsqlConnection conn, CancellationToken ct) =>
        await conn.QuerySingleAsync<ServerActivity>(new CommandDefinition(
            """
            select (select count(*)::int from pg_stat_activity
                    where backend_type = 'client backend' and state <> 'idle' and pid <> pg_backend_pid()
                      and application_name <> @name) as others_active,
                   pg_current_wal_lsn()::text as wal_lsn
            """, new { name = BenchServer.ApplicationName }, cancellationToken: ct));

    public static string Describe(ServerActivity before, ServerActivity after)
    {
        var wal = Lsn(after.WalLsn) - Lsn(before.WalLsn);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{wal / 1048576.0:0.0} MB of WAL written; other active sessions at start {before.OthersActive}, at end {after.OthersActive}");
        return before.OthersActive + after.OthersActive > 0 ? text + " — WARNING: not ours alone, the commits wait for their WAL too" : text;
    }

    private static long Lsn(string lsn)
    {
        var parts = lsn.Split('/');
        return (long.Parse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture) << 32)
             + long.Parse(parts[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }
}
