using Joblog.Web.Access;
using Joblog.Web.Features.Exemptions;

namespace Joblog.Web.Features.Requirements;

/// <summary>
/// The requirements in force with their live progress, as the citizen sees them on Fremdrift and the caseworker sees
/// them (read only there, and on the staff page). <see cref="ExemptToday"/>: the exemption that pauses them today.
/// <see cref="MaySet"/>: the caller's organisation may change its own set (<see cref="StaffTools.MaySetRequirements"/>).
/// </summary>
public sealed record RequirementsOverview(IReadOnlyList<SetProgress> Sets, Exemption? ExemptToday, DateOnly From, DateOnly To, bool MaySet)
{
    public bool Paused => ExemptToday is not null;
}

/// <summary>Reads the sets in force, today's exemption and the applications of the last 4 weeks, and measures each set.</summary>
public sealed class RequirementsView(RequirementStore store, ExemptionStore exemptions, TimeProvider clock)
{
    public async Task<RequirementsOverview> LoadAsync(CitizenAccess access, CancellationToken ct)
    {
        var today = clock.Today();
        var (from, to) = RequirementProgress.Window(today);
        var sets = await store.OpenSetsAsync(access, ct);
        var exempt = await exemptions.TodayAsync(access, ct);
        var applications = sets.Count == 0 ? [] : await store.ApplicationsAsync(access, from, to, ct);
        var progress = sets.Select(s => RequirementProgress.Measure(s, applications, today, exempt is not null)).ToList();
        return new RequirementsOverview(progress, exempt, from, to, StaffTools.MaySetRequirements(access));
    }
}

/// <summary>The requirements partial (_Requirements.cshtml): the overview, its heading, and whether to link to the staff page.</summary>
public sealed record RequirementsSection(RequirementsOverview Overview, string HeadingKey, bool EditLink)
{
    /// <summary>A figure as the UI language writes it: 1,5 (Danish) or 1.5 (English); whole numbers without decimals.</summary>
    public static string Number(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.CurrentCulture);
}
