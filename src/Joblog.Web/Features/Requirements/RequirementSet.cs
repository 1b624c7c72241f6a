using Joblog.Core.Logs;

namespace Joblog.Web.Features.Requirements;

/// <summary>A DISCO-08 occupation or a municipality by code and Danish name.</summary>
public sealed record NamedCode(string Code, string Name);

/// <summary>
/// Krav til jobsøgning: what one organisation (the jobcenter, or the a-kasse for its member) has set for the citizen —
/// applications per week (averaged over <see cref="RequirementProgress.Weeks"/> weeks), the occupations to apply within
/// (none: any), the area (within <see cref="MaxKm"/> of home or in one of <see cref="Municipalities"/>; neither: anywhere)
/// and the search methods (none: any). A change ends the set and starts a new one; <see cref="Version"/> counts the changes
/// of the organisation's requirements for the citizen (the ETag).
/// </summary>
public sealed record RequirementSet(
    Guid Id,
    string OrganisationId,
    string OrganisationName,
    decimal ApplicationsPerWeek,
    IReadOnlyList<NamedCode> Occupations,
    int? MaxKm,
    IReadOnlyList<NamedCode> Municipalities,
    IReadOnlyList<ApplicationType> Methods,
    DateOnly StartsOn,
    DateOnly? EndsOn,
    int Version,
    DateTimeOffset CreatedAt,
    Author SetBy,
    Author? EndedBy,
    DateTimeOffset? EndedAt)
{
    /// <summary>Applications needed over the <see cref="RequirementProgress.Weeks"/> weeks: 4 × the weekly figure.</summary>
    public decimal Required => ApplicationsPerWeek * RequirementProgress.Weeks;

    public bool SameAs(RequirementInput input) =>
        ApplicationsPerWeek == input.ApplicationsPerWeek && MaxKm == input.MaxKm
        && Occupations.Select(o => o.Code).SequenceEqual(input.OccupationCodes)
        && Municipalities.Select(m => m.Code).SequenceEqual(input.MunicipalityCodes)
        && Methods.SequenceEqual(input.Methods);
}

/// <summary>Requirements as written by the page or the API: codes in a canonical order (sorted, each once).</summary>
public sealed record RequirementInput(decimal ApplicationsPerWeek, IReadOnlyList<string> OccupationCodes, int? MaxKm,
    IReadOnlyList<string> MunicipalityCodes, IReadOnlyList<ApplicationType> Methods)
{
    public static RequirementInput Canonical(decimal perWeek, IEnumerable<string> occupations, int? maxKm, IEnumerable<string> municipalities,
        IEnumerable<ApplicationType> methods) =>
        new(perWeek, occupations.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(), maxKm,
            municipalities.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(), methods.Distinct().Order().ToList());
}

/// <summary>The rules of a requirement set. Field names are the API's; the page maps them to its form.</summary>
public static class RequirementRules
{
    public const decimal MaxPerWeek = 20;
    public const int MaxKmLimit = 1000;
    public const int MaxOccupations = 20;

    public static List<FieldError> Validate(decimal? perWeek, int? maxKm, int occupationCount)
    {
        var errors = new List<FieldError>();
        if (perWeek is null) errors.Add(new("applicationsPerWeek", "Requirements.Error.PerWeekRequired"));
        else if (perWeek <= 0 || perWeek > MaxPerWeek || decimal.Round(perWeek.Value, 2) != perWeek)
            errors.Add(new("applicationsPerWeek", "Requirements.Error.PerWeekInvalid"));
        if (maxKm is not null and (< 1 or > MaxKmLimit)) errors.Add(new("maxKm", "Requirements.Error.MaxKmInvalid"));
        if (occupationCount > MaxOccupations) errors.Add(new("occupationCodes", "Requirements.Error.TooManyOccupations"));
        return errors;
    }
}
