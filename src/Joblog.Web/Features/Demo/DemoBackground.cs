using Dapper;
using Joblog.Web.World;
using Npgsql;

namespace Joblog.Web.Features.Demo;

/// <summary>
/// The demo world's background: a few hundred generated citizens in the three demo municipalities (with periods,
/// a-kasse memberships, exemptions, job goals, logs and their history), so that lists, searches and statistics look
/// alive. Made by the national-scale generator (World/), loaded once: a later start finds them and leaves them (and
/// what users did with them) alone. Their CPR serials have hundreds digit <see cref="CprNamespace"/>, so they never
/// meet the personas' (0001–0006) or a national world's (namespace 0).
/// </summary>
public static class DemoBackground
{
    public const int CprNamespace = 1;

    /// <summary>Citizens per demo municipality: Aarhus, København, Skanderborg.</summary>
    public static readonly IReadOnlyDictionary<string, int> Citizens = new Dictionary<string, int>
    {
        ["0751"] = 200, ["0101"] = 150, ["0746"] = 50,
    };

    public const int Logs = 30_000;

    public static async Task<int> LoadAsync(NpgsqlConnection conn, NpgsqlTransaction tx, DateOnly today, CancellationToken ct)
    {
        var loaded = await conn.ExecuteScalarAsync<bool>(
            "select exists (select 1 from citizens where substr(cpr, 9, 1) = @digit)", new { digit = CprNamespace.ToString(System.Globalization.CultureInfo.InvariantCulture) }, tx);
        if (loaded) return 0;
        var reference = await WorldReference.LoadAsync(conn, tx, ct);
        var world = GeneratedWorld.Generate(new WorldSpec
        {
            MunicipalityCounts = Citizens, Logs = Logs, Seed = 7, CprNamespace = CprNamespace, Versions = true, Today = today,
        }, reference);
        await WorldWriter.WriteAsync(conn, tx, world, WriteMode.Append, progress: null, ct);
        return world.Citizens.Count;
    }
}
