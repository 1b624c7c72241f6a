using System.Globalization;
using System.Text.RegularExpressions;
using Joblog.Core.Logs;
using Joblog.Web.Features.JobGoals;

namespace Joblog.Web.Features.Requirements;

/// <summary>
/// The staff form of a requirement set, as typed: the weekly figure with a comma or a point, occupations one a line (a
/// DISCO-08 code, optionally followed by its title, or a job title), municipalities by name or code separated by commas,
/// a tick per search method.
/// </summary>
public sealed partial class RequirementsForm
{
    public string? ApplicationsPerWeek { get; set; }
    public string? Occupations { get; set; }
    public string? MaxKm { get; set; }
    public string? Municipalities { get; set; }
    public bool Advertised { get; set; }
    public bool Unsolicited { get; set; }
    public bool Network { get; set; }
    public bool TempAgency { get; set; }
    public bool OtherMethod { get; set; }
    public int Version { get; set; }

    public static RequirementsForm From(RequirementSet set, int version) => new()
    {
        ApplicationsPerWeek = set.ApplicationsPerWeek.ToString("0.##", CultureInfo.GetCultureInfo("da-DK")),
        Occupations = string.Join('\n', set.Occupations.Select(o => $"{o.Code} {o.Name}")),
        MaxKm = set.MaxKm?.ToString(CultureInfo.InvariantCulture),
        Municipalities = string.Join(", ", set.Municipalities.Select(m => m.Name)),
        Advertised = set.Methods.Contains(ApplicationType.Advertised),
        Unsolicited = set.Methods.Contains(ApplicationType.Unsolicited),
        Network = set.Methods.Contains(ApplicationType.Network),
        TempAgency = set.Methods.Contains(ApplicationType.TempAgency),
        OtherMethod = set.Methods.Contains(ApplicationType.Other),
        Version = version,
    };

    /// <summary>A new set: the citizen's job goals as the occupations, the rest empty.</summary>
    public static RequirementsForm FromGoals(IEnumerable<JobGoal> goals, int version) => new()
    {
        Occupations = string.Join('\n', goals.Select(g => $"{g.OccupationCode} {g.OccupationTitle}".TrimEnd())),
        Version = version,
    };

    public IEnumerable<ApplicationType> Methods()
    {
        if (Advertised) yield return ApplicationType.Advertised;
        if (Unsolicited) yield return ApplicationType.Unsolicited;
        if (Network) yield return ApplicationType.Network;
        if (TempAgency) yield return ApplicationType.TempAgency;
        if (OtherMethod) yield return ApplicationType.Other;
    }

    /// <summary>1,5 or 1.5; null when empty; -1 when not a number.</summary>
    public decimal? PerWeek() =>
        string.IsNullOrWhiteSpace(ApplicationsPerWeek) ? null
        : decimal.TryParse(ApplicationsPerWeek.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d
        : -1;

    /// <summary>Null when empty; -1 when not a whole number.</summary>
    public int? Km() =>
        string.IsNullOrWhiteSpace(MaxKm) ? null
        : int.TryParse(MaxKm.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var km) ? km
        : -1;

    public IReadOnlyList<string> OccupationLines() =>
        (Occupations ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The DISCO-08 code a line starts with ("4110" or "4110 Kontorassistenter"), if any.</summary>
    public static string? LeadingCode(string line) => LeadingCodePattern().Match(line) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"^([0-9]{4})(?:\s|$)")]
    private static partial Regex LeadingCodePattern();
}
