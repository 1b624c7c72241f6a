using Dapper;
using Joblog.Core.Citizens;
using Npgsql;

namespace Joblog.Web.Features.Citizens;

/// <summary>
/// CPR number → the citizen's opaque id. The only place a CPR number is matched; it tells nothing
/// about access — every caller must still pass the gate before showing anything of the citizen.
/// </summary>
public sealed class CitizenDirectory(NpgsqlDataSource db)
{
    public async Task<Guid?> FindAsync(Cpr cpr, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "select id from citizens where cpr = @cpr", new { cpr = cpr.Formatted }, cancellationToken: ct));
    }
}
