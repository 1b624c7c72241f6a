namespace Joblog.Web.Features.Statistics;

/// <summary>
/// What part of the statistics a caller sees: the agency (staff and systems of an organisation of kind <c>agency</c>) the
/// whole country and every municipality; a jobcenter (staff and systems) the country and its own municipality. Anyone else
/// — citizens, a-kasser, a jobcenter without a municipality — none (<see cref="UsageQuery.ScopeForAsync"/> is null: 403).
/// </summary>
public sealed record StatisticsScope(string? MunicipalityCode)
{
    public bool WholeCountry => MunicipalityCode is null;

    /// <summary>May the caller see this municipality's figures?</summary>
    public bool Sees(string municipality) => WholeCountry || MunicipalityCode == municipality;
}
