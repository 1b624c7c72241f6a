namespace Joblog.Web.ReferenceData;

/// <summary>The reference-data files, in the order they load (a table before the tables that refer to it).</summary>
public static class ReferenceTables
{
    public static readonly IReadOnlyList<string> Regions = ["Hovedstaden", "Sjælland", "Syddanmark", "Midtjylland", "Nordjylland"];

    public static readonly ReferenceTable Municipalities = new("municipalities.csv", "municipalities",
        [new("code", ColumnKind.Code4), new("name", ColumnKind.Text), new("region", ColumnKind.Text, OneOf: Regions),
         new("lat", ColumnKind.Number), new("lon", ColumnKind.Number), new("population", ColumnKind.WholeNumber)], 1);

    public static readonly ReferenceTable PostalCodes = new("postal_codes.csv", "postal_codes",
        [new("number", ColumnKind.Code4), new("name", ColumnKind.Text),
         new("municipality_code", ColumnKind.Code4, References: "municipalities"),
         new("lat", ColumnKind.OptionalNumber), new("lon", ColumnKind.OptionalNumber)], 1);

    public static readonly ReferenceTable Occupations = new("occupations.csv", "occupations",
        [new("code", ColumnKind.Code4), new("title", ColumnKind.Text)], 1);

    public static readonly ReferenceTable OccupationAliases = new("occupation_aliases.csv", "occupation_aliases",
        [new("title", ColumnKind.Text), new("code", ColumnKind.Code4, References: "occupations")], 2);

    public static readonly ReferenceTable Akasser = new("akasser.csv", "organisations",
        [new("id", ColumnKind.Text), new("name", ColumnKind.Text)], 1,
        Fixed: [("kind", "akasse")], KeyPattern: "^ak-[a-z0-9-]+$");

    public static readonly ReferenceTable TargetGroups = new("target_groups.csv", "target_groups",
        [new("code", ColumnKind.Text), new("name", ColumnKind.Text),
         new("duty_to_log", ColumnKind.YesNo), new("akasse_may_see", ColumnKind.YesNo)], 1,
        KeyPattern: "^[a-z]+$");

    public static IReadOnlyList<ReferenceTable> All { get; } =
        [Municipalities, PostalCodes, Occupations, OccupationAliases, Akasser, TargetGroups];

    /// <summary>The table a file loads into, by its file name (<c>postal_codes.csv</c>); null if none.</summary>
    public static ReferenceTable? ForFileName(string fileName) =>
        All.FirstOrDefault(t => string.Equals(t.FileName, Path.GetFileName(fileName), StringComparison.OrdinalIgnoreCase));
}
