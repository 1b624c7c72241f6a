namespace Joblog.Web.World;

/// <summary>
/// What world to generate. The same spec (with the same <see cref="Seed"/> and <see cref="Today"/>) and the same
/// reference data always give the same rows.
/// </summary>
public sealed record WorldSpec
{
    public const int DefaultLogsPerCitizen = 100;

    /// <summary>Number of citizens (ignored when <see cref="MunicipalityCounts"/> is given).</summary>
    public int Citizens { get; init; } = 300_000;

    /// <summary>Logs to generate, to within about 1 %; null: <see cref="DefaultLogsPerCitizen"/> per citizen.</summary>
    public long? Logs { get; init; }

    public ulong Seed { get; init; } = 1;

    /// <summary>The world is as it stands at the start of this (Danish) day: every period, log and change lies before it.</summary>
    public DateOnly Today { get; init; }

    /// <summary>Years of history before <see cref="Today"/>.</summary>
    public int Years { get; init; } = 5;

    /// <summary>Municipality code → relative weight; only these municipalities get citizens. Null: all, weighted by population.</summary>
    public IReadOnlyDictionary<string, double>? MunicipalityWeights { get; init; }

    /// <summary>Municipality code → exact number of citizens; overrides <see cref="Citizens"/> and the weights.</summary>
    public IReadOnlyDictionary<string, int>? MunicipalityCounts { get; init; }

    /// <summary>Write one <c>log_versions</c> row per version of each log (off for the national world: its history pages are empty).</summary>
    public bool Versions { get; init; }

    /// <summary>
    /// 0–9, the hundreds digit of every CPR serial (serials are 1000–4999 and 9000–9999, so never the demo personas'
    /// 0001–0006). Worlds with different namespaces never share a CPR number.
    /// </summary>
    public int CprNamespace { get; init; }

    public long LogTarget => Logs ?? (long)CitizenCount * DefaultLogsPerCitizen;

    public int CitizenCount => MunicipalityCounts?.Values.Sum() ?? Citizens;

    public DateOnly FirstDay => Today.AddYears(-Years);

    public void Validate()
    {
        if (Today == default) throw new ArgumentException("Today must be set.");
        if (CitizenCount <= 0) throw new ArgumentException("A world needs at least one citizen.");
        if (Logs < 0) throw new ArgumentException("Logs must not be negative.");
        if (CprNamespace is < 0 or > 9) throw new ArgumentException("The CPR namespace is a digit, 0–9.");
        if (Years is < 1 or > 20) throw new ArgumentException("Years must be 1–20.");
        if (MunicipalityCounts?.Values.Any(c => c < 0) == true) throw new ArgumentException("Counts must not be negative.");
    }
}
