using System.Text.RegularExpressions;
using Dapper;
using Npgsql;

namespace Joblog.Web.Features.JobGoals;

/// <summary>An occupation (DISCO-08 unit group) found by a search; <see cref="Alias"/> is the job title that led to it, if any.</summary>
public sealed record OccupationMatch(string Code, string Title, string? Alias);

/// <summary>What a typed occupation text resolved to: one code, several candidates to choose from, or nothing.</summary>
public sealed record OccupationResolution(OccupationMatch? Match, IReadOnlyList<OccupationMatch> Candidates);

/// <summary>
/// The DISCO-08 list by title and by common job titles (occupation_aliases): exact, then prefix, then
/// words inside, then trigram similarity. Reference data only, no citizen data.
/// </summary>
public sealed partial class OccupationSearch(NpgsqlDataSource db)
{
    public const int MinQueryLength = 2;
    public const int MaxLimit = 50;

    public async Task<IReadOnlyList<OccupationMatch>> SearchAsync(string q, int limit, CancellationToken ct)
    {
        var text = q.Trim().ToLowerInvariant();
        if (text.Length < MinQueryLength) return [];
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<OccupationMatch>(new CommandDefinition(
            """
            with titles as (
                select o.code, o.title, null::text as alias, lower(o.title) as t from occupations o
                union all
                select a.code, o.title, a.title, lower(a.title) from occupation_aliases a join occupations o on o.code = a.code
            ), hits as (
                select distinct on (code) code, title, alias,
                       case when t = @text then 0 when t like @prefix escape '\' then 1 when t like @inside escape '\' then 2 else 3 end as rank,
                       similarity(t, @text) as sim
                from titles
                where t like @inside escape '\' or t % @text
                order by code, rank, sim desc, alias nulls first
            )
            select code, title, alias from hits order by rank, sim desc, title limit @limit
            """,
            new { text, prefix = Like(text) + "%", inside = "%" + Like(text) + "%", limit = Math.Clamp(limit, 1, MaxLimit) },
            cancellationToken: ct));
        return rows.ToList();
    }

    /// <summary>
    /// The occupation a citizen typed: a code, or a title or job title exactly (any case); several
    /// exact hits (an alias such as "Pædagog") or only near hits are candidates to choose from.
    /// </summary>
    public async Task<OccupationResolution> ResolveAsync(string typed, CancellationToken ct)
    {
        var text = typed.Trim();
        await using var conn = await db.OpenConnectionAsync(ct);
        var exact = (await conn.QueryAsync<OccupationMatch>(new CommandDefinition(
            """
            select o.code, o.title, null::text as alias from occupations o where o.code = @text or lower(o.title) = lower(@text)
            union
            select o.code, o.title, a.title from occupation_aliases a join occupations o on o.code = a.code where lower(a.title) = lower(@text)
            order by code
            """, new { text }, cancellationToken: ct))).DistinctBy(m => m.Code).ToList();
        if (exact.Count == 1) return new(exact[0], []);
        if (exact.Count > 1) return new(null, exact);
        return new(null, await SearchAsync(text, 8, ct));
    }

    /// <summary>The occupation with this code, if it is on the list.</summary>
    public async Task<OccupationMatch?> FindAsync(string code, CancellationToken ct)
    {
        if (!CodePattern().IsMatch(code)) return null;
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<OccupationMatch>(new CommandDefinition(
            "select code, title, null::text as alias from occupations where code = @code", new { code }, cancellationToken: ct));
    }

    /// <summary>Which of these codes are not on the list.</summary>
    public async Task<IReadOnlySet<string>> UnknownAsync(IEnumerable<string> codes, CancellationToken ct)
    {
        var wanted = codes.Distinct(StringComparer.Ordinal).ToArray();
        await using var conn = await db.OpenConnectionAsync(ct);
        var known = await conn.QueryAsync<string>(new CommandDefinition(
            "select code from occupations where code = any(@wanted)", new { wanted }, cancellationToken: ct));
        return wanted.Except(known).ToHashSet(StringComparer.Ordinal);
    }

    private static string Like(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex CodePattern();
}
