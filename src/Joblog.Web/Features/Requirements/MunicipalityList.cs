using Dapper;
using Npgsql;

namespace Joblog.Web.Features.Requirements;

/// <summary>The 98 municipalities (reference data) by code and by name, for the area of a requirement set.</summary>
public sealed class MunicipalityList(NpgsqlDataSource db)
{
    public async Task<IReadOnlyList<NamedCode>> AllAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<NamedCode>(new CommandDefinition("select code, name from municipalities order by name", cancellationToken: ct))).ToList();
    }

    /// <summary>Which of these codes are not municipalities.</summary>
    public async Task<IReadOnlySet<string>> UnknownAsync(IEnumerable<string> codes, CancellationToken ct)
    {
        var all = (await AllAsync(ct)).Select(m => m.Code).ToHashSet(StringComparer.Ordinal);
        return codes.Where(c => !all.Contains(c)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Municipalities as typed in a form, separated by commas: names (any case, with or without "Kommune") or codes.
    /// Returns the codes found and the parts that name none.
    /// </summary>
    public async Task<(IReadOnlyList<string> Codes, IReadOnlyList<string> Unknown)> ResolveAsync(string? typed, CancellationToken ct)
    {
        var parts = (typed ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0) return ([], []);
        var all = await AllAsync(ct);
        var codes = new List<string>();
        var unknown = new List<string>();
        foreach (var part in parts)
        {
            var name = part.EndsWith(" kommune", StringComparison.OrdinalIgnoreCase) ? part[..^" kommune".Length].Trim() : part;
            var hit = all.FirstOrDefault(m => m.Code == name.PadLeft(4, '0') || string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
            if (hit is null) unknown.Add(part);
            else codes.Add(hit.Code);
        }
        return (codes, unknown);
    }
}
