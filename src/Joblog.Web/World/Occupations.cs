namespace Joblog.Web.World;

/// <summary>
/// Which occupations job seekers look for, and which a-kasse they are in. Two profiles: skilled and unskilled work
/// (most citizens) and graduate work (dimittender and a quarter of dagpenge recipients). Weights are our assumption of
/// the frequent job goals of Danish job seekers (see World/README.md); codes missing from the database are skipped.
/// </summary>
public sealed class Occupations
{
    private static readonly (string Code, double Weight)[] General =
    [
        ("4110", 10), ("5223", 10), ("9112", 8), ("9333", 7), ("5322", 6), ("5311", 5), ("8322", 4), ("8332", 4), ("5120", 4),
        ("9412", 4), ("4222", 4), ("4321", 3), ("2342", 3), ("5131", 3), ("4311", 3), ("9321", 3), ("7115", 2), ("5321", 2),
        ("3221", 2), ("5230", 2), ("9313", 2), ("7112", 1.5), ("7411", 1.5), ("7231", 1.5), ("4226", 1.5), ("4120", 1.5),
        ("7223", 1.5), ("8211", 1.5), ("5414", 1.5), ("2341", 1.5), ("7126", 1), ("9622", 1), ("9214", 1), ("8160", 1),
        ("7212", 1), ("5141", 0.5),
    ];

    private static readonly (string Code, double Weight)[] Graduate =
    [
        ("2341", 6), ("2342", 6), ("2422", 6), ("2512", 5), ("2221", 4), ("2431", 4), ("2411", 3), ("2166", 3), ("2619", 3),
        ("3112", 3), ("2149", 3), ("4110", 3), ("2142", 2), ("2634", 2), ("3313", 2), ("3343", 1.5),
    ];

    private static readonly (string Id, double Weight)[] GeneralAkasser =
    [
        ("ak-3f", 23), ("ak-hk", 18), ("ak-ase", 15), ("ak-dfh", 12), ("ak-krifa", 12), ("ak-foa", 12), ("ak-metal", 8),
        ("ak-lederne", 6), ("ak-dsa", 5), ("ak-min", 4), ("ak-ffa", 4), ("ak-el", 3), ("ak-sl", 3), ("ak-nnf", 2),
    ];

    private static readonly (string Id, double Weight)[] GraduateAkasser =
    [
        ("ak-aak", 30), ("ak-ma", 12), ("ak-ca", 10), ("ak-laerer", 8), ("ak-bupl", 8), ("ak-dsa", 8), ("ak-ase", 8),
        ("ak-krifa", 5), ("ak-lederne", 5), ("ak-hk", 5), ("ak-dana", 4),
    ];

    /// <summary>Weight of an a-kasse the lists above do not name (e.g. the demo's fictitious ones).</summary>
    private const double UnlistedAkasseWeight = 3;

    public Occupations(WorldReference reference)
    {
        (GeneralCodes, GeneralChoice) = Filter(General, reference);
        (GraduateCodes, GraduateChoice) = Filter(Graduate, reference);
        Titles = reference.Titles;
        Akasser = reference.Akasser;
        GeneralAkasseChoice = AkasseChoice(GeneralAkasser, reference.Akasser);
        GraduateAkasseChoice = AkasseChoice(GraduateAkasser, reference.Akasser);
    }

    public string[] GeneralCodes { get; }
    public Weighted GeneralChoice { get; }
    public string[] GraduateCodes { get; }
    public Weighted GraduateChoice { get; }
    public IReadOnlyDictionary<string, string[]> Titles { get; }
    public string[] Akasser { get; }
    public Weighted GeneralAkasseChoice { get; }
    public Weighted GraduateAkasseChoice { get; }

    /// <summary>A frequent occupation of the profile.</summary>
    public string Pick(bool graduate, ref Rng rng) =>
        graduate ? GraduateCodes[GraduateChoice.Next(ref rng)] : GeneralCodes[GeneralChoice.Next(ref rng)];

    public string PickAkasse(bool graduate, ref Rng rng) =>
        Akasser[(graduate ? GraduateAkasseChoice : GeneralAkasseChoice).Next(ref rng)];

    private static (string[], Weighted) Filter((string Code, double Weight)[] list, WorldReference reference)
    {
        var present = list.Where(x => reference.Titles.ContainsKey(x.Code)).ToArray();
        if (present.Length == 0) throw new InvalidOperationException("None of the frequent occupations is in the occupations table.");
        return (present.Select(x => x.Code).ToArray(), new Weighted(present.Select(x => x.Weight).ToList()));
    }

    private static Weighted AkasseChoice((string Id, double Weight)[] listed, string[] akasser) =>
        new(akasser.Select(id => listed.FirstOrDefault(x => x.Id == id) is { Id: not null } hit ? hit.Weight : UnlistedAkasseWeight).ToList());
}
