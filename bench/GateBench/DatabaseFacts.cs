using Dapper;
using Npgsql;

namespace Joblog.Bench.Gate;

/// <summary>What the measured database holds and how its server is set up (for the report).</summary>
internal sealed record DatabaseFacts(string Database, long Citizens, long Logs, long Periods, string Version, string SharedBuffers, string SynchronousCommit)
{
    public static async Task<DatabaseFacts> ReadAsync(NpgsqlConnection conn, CancellationToken ct) =>
        await conn.QuerySingleAsync<DatabaseFacts>(new CommandDefinition(
            """
            select current_database() as database,
                   (select count(*) from citizens) as citizens,
                   (select case when reltuples >= 0 then reltuples::bigint else (select count(*) from logs) end
                    from pg_class where oid = 'logs'::regclass) as logs,
                   (select count(*) from target_group_periods) as periods,
                   current_setting('server_version') as version,
                   current_setting('shared_buffers') as shared_buffers,
                   current_setting('synchronous_commit') as synchronous_commit
            """, cancellationToken: ct));
}
