using Joblog.Core.Logs;

namespace Joblog.Web.Features.Requirements;

/// <summary>PUT …/requirements: the caller's organisation's set. Empty lists (or none): any occupation, anywhere, any method.</summary>
public sealed record RequirementsRequest(decimal? ApplicationsPerWeek, IReadOnlyList<string?>? OccupationCodes, int? MaxKm,
    IReadOnlyList<string?>? MunicipalityCodes, IReadOnlyList<string?>? Methods);

public sealed record OrganisationRefDto(string Id, string Name);

/// <summary>
/// The progress of one set over the last 4 weeks (<c>from</c>–<c>to</c>): applications counted, required (4 × per week),
/// status (met, notMet, paused while exempt), and how many fit the occupations, the area, the methods and all three.
/// </summary>
public sealed record ProgressDto(DateOnly From, DateOnly To, int Applications, decimal Required, RequirementStatus Status,
    int FitOccupation, int FitArea, int FitMethod, int FitAll);

public sealed record RequirementSetDto(Guid Id, OrganisationRefDto Organisation, decimal ApplicationsPerWeek, IReadOnlyList<NamedCode> Occupations,
    int? MaxKm, IReadOnlyList<NamedCode> Municipalities, IReadOnlyList<ApplicationType> Methods, DateOnly StartsOn, int Version,
    DateTimeOffset SetAt, Author SetBy, ProgressDto Progress);

public sealed record ExemptPeriodDto(DateOnly From, DateOnly? To);

/// <summary>GET (and the answer to PUT) …/requirements: the sets in force; <c>paused</c> with the exemption that pauses them.</summary>
public sealed record RequirementsDto(IReadOnlyList<RequirementSetDto> Items, bool Paused, ExemptPeriodDto? Exemption)
{
    public static RequirementsDto From(RequirementsOverview o) => new(
        o.Sets.Select(p => new RequirementSetDto(p.Set.Id, new OrganisationRefDto(p.Set.OrganisationId, p.Set.OrganisationName),
            p.Set.ApplicationsPerWeek, p.Set.Occupations, p.Set.MaxKm, p.Set.Municipalities, p.Set.Methods, p.Set.StartsOn, p.Set.Version,
            p.Set.CreatedAt, p.Set.SetBy,
            new ProgressDto(p.From, p.To, p.Count, p.Set.Required, p.Status, p.FitOccupation, p.FitArea, p.FitMethod, p.FitAll))).ToList(),
        o.Paused,
        o.ExemptToday is { } e ? new ExemptPeriodDto(e.From, e.To) : null);
}
