using Dapper;
using Npgsql;

namespace Joblog.Web.World;

public sealed record Municipality(string Code, string Name, double Lat, double Lon, int Population);

public sealed record PostalCode(string Number, string Name, int Municipality, double Lat, double Lon);

/// <summary>
/// The reference data a world is generated from, read from the database it is written to (so every generated code
/// exists there): municipalities, postal codes, occupations and their job titles, a-kasser, target groups.
/// </summary>
public sealed class WorldReference
{
    public required Municipality[] Municipalities { get; init; }
    public required PostalCode[] PostalCodes { get; init; }

    /// <summary>Occupation code → the job titles that lead to it (its aliases, else its own title).</summary>
    public required IReadOnlyDictionary<string, string[]> Titles { get; init; }

    /// <summary>Ids of the organisations of kind 'akasse'.</summary>
    public required string[] Akasser { get; init; }

    public required IReadOnlySet<string> TargetGroups { get; init; }

    public static async Task<WorldReference> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken ct)
    {
        Task<IEnumerable<T>> Query<T>(string sql) =>
            connection.QueryAsync<T>(new CommandDefinition(sql, transaction: transaction, cancellationToken: ct));

        var municipalities = (await Query<Municipality>(
            "select code, name, lat, lon, population from municipalities order by code")).ToArray();
        var index = municipalities.Select((m, i) => (m.Code, i)).ToDictionary(x => x.Code, x => x.i);
        var postal = (await Query<(string Number, string Name, string Municipality, double? Lat, double? Lon)>(
                "select number, name, municipality_code, lat, lon from postal_codes order by number"))
            .Select(p =>
            {
                var m = municipalities[index[p.Municipality]];
                return new PostalCode(p.Number, p.Name, index[p.Municipality], p.Lat ?? m.Lat, p.Lon ?? m.Lon);
            }).ToArray();
        var titles = (await Query<(string Code, string Title)>("""
                select a.code, a.title from occupation_aliases a
                union all
                select o.code, o.title from occupations o
                where not exists (select 1 from occupation_aliases a where a.code = o.code)
                order by 1, 2
                """))
            .GroupBy(t => t.Code)
            .ToDictionary(g => g.Key, g => g.Select(t => t.Title).ToArray(), StringComparer.Ordinal);
        var akasser = (await Query<string>("select id from organisations where kind = 'akasse' order by id")).ToArray();
        var groups = (await Query<string>("select code from target_groups")).ToHashSet(StringComparer.Ordinal);

        var reference = new WorldReference
        {
            Municipalities = municipalities, PostalCodes = postal, Titles = titles, Akasser = akasser, TargetGroups = groups,
        };
        reference.Check();
        return reference;
    }

    /// <summary>Refuses reference data a world cannot be built from, with what is missing.</summary>
    public void Check()
    {
        if (Municipalities.Length == 0 || PostalCodes.Length == 0 || Titles.Count == 0)
            throw new InvalidOperationException("The reference data is not loaded (municipalities, postal codes, occupations); import it first.");
        if (Akasser.Length == 0) throw new InvalidOperationException("No a-kasser (organisations of kind 'akasse') in the database.");
        var missing = Enum.GetValues<Group>().Select(Groups.Code).Where(c => !TargetGroups.Contains(c)).ToList();
        if (missing.Count > 0) throw new InvalidOperationException($"Target groups missing: {string.Join(", ", missing)}.");
        var without = Municipalities.Where((_, i) => !PostalCodes.Any(p => p.Municipality == i)).Select(m => m.Code).ToList();
        if (without.Count > 0) throw new InvalidOperationException($"Municipalities without a postal code: {string.Join(", ", without)}.");
    }
}
