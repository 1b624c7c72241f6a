using Dapper;
using Joblog.Web.Auth;
using Npgsql;

namespace Joblog.Web.Features.Search;

/// <summary>
/// Whose citizens a search covers: a jobcenter's (staff or case system) — the citizens of its municipality, the same
/// rule as the gate's <c>JobcenterPolicy</c>. <see cref="MunicipalityCode"/> null means the whole country, which only the
/// benchmark organisation named in <c>Joblog:Search:BenchmarkNationalOrganisation</c> gets (unset in production).
/// </summary>
public sealed record SearchScope(Actor Actor, string OrganisationId, string? MunicipalityCode);

/// <summary>Decides who may search across citizens: jobcenter staff and jobcenter case systems, nobody else.</summary>
public sealed class SearchScopes
{
    public const string BenchmarkSetting = "Joblog:Search:BenchmarkNationalOrganisation";

    private readonly NpgsqlDataSource db;
    private readonly string? national;

    public SearchScopes(NpgsqlDataSource db, IConfiguration configuration, ILogger<SearchScopes> log)
    {
        this.db = db;
        national = configuration[BenchmarkSetting] is { Length: > 0 } org ? org : null;
        if (national is not null)
            log.LogWarning("{Setting} is set: jobcenter {Organisation} searches the whole country (for benchmarks only)", BenchmarkSetting, national);
    }

    /// <summary>Null when the caller may not search (the page and the API then answer 404).</summary>
    public async Task<SearchScope?> ForAsync(Actor? actor, CancellationToken ct)
    {
        if (actor is not { Kind: ActorKind.Staff or ActorKind.System, OrganisationId: { } org }) return null;
        await using var conn = await db.OpenConnectionAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<(string Kind, string? Municipality)?>(new CommandDefinition(
            "select kind, municipality_code from organisations where id = @org", new { org }, cancellationToken: ct));
        if (row is not { Kind: "jobcenter" } r) return null;
        if (r.Municipality is not null) return new SearchScope(actor, org, r.Municipality);
        return org == national ? new SearchScope(actor, org, null) : null;
    }
}
