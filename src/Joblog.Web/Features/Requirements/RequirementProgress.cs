using Joblog.Core.Logs;

namespace Joblog.Web.Features.Requirements;

/// <summary>
/// An application as the requirements count it: a job-search log with status Søgt, Samtale, Afslag or Ansat (not
/// Ikke søgt; closed logs too), on its day — the day applied for, else the Danish day it was created.
/// <see cref="OccupationCodes"/>: the log's DISCO-08 code, or, without one, the occupations its job title names exactly
/// (a DISCO-08 title or a common job title). <see cref="WorkplaceMunicipality"/> and <see cref="DistanceKm"/> come from the
/// employer's postal code (the distance from the home postal code; null when either has no position).
/// </summary>
public sealed record CountedApplication(Guid LogId, DateOnly Day, string JobTitle, string? Employer, LogStatus Status, ApplicationType? Method,
    IReadOnlyList<string> OccupationCodes, string? WorkplaceMunicipality, double? DistanceKm);

public enum Fit { Yes, No, Unknown }

/// <summary>How one application fits each part of a requirement set.</summary>
public sealed record ApplicationFit(CountedApplication Application, Fit Occupation, Fit Area, Fit Method)
{
    public bool FitsAll => Occupation == Fit.Yes && Area == Fit.Yes && Method == Fit.Yes;
}

public enum RequirementStatus { Met, NotMet, Paused }

/// <summary>A requirement set measured against the joblog of the last <see cref="RequirementProgress.Weeks"/> weeks.</summary>
public sealed record SetProgress(RequirementSet Set, DateOnly From, DateOnly To, IReadOnlyList<ApplicationFit> Applications, RequirementStatus Status)
{
    public int Count => Applications.Count;

    public int FitOccupation => Applications.Count(a => a.Occupation == Fit.Yes);

    public int FitArea => Applications.Count(a => a.Area == Fit.Yes);

    public int FitMethod => Applications.Count(a => a.Method == Fit.Yes);

    public int FitAll => Applications.Count(a => a.FitsAll);
}

/// <summary>
/// Live progress against the requirements, computed at read time. The rule (the same as "requirements not met" in the
/// search across citizens): the applications of the last 4 weeks — the 28 days ending today — against 4 × applications
/// per week; met when there are at least that many. Which applications fit the occupations, the area and the methods is
/// shown beside the count; it does not change whether the number is met. While the citizen is exempt today the
/// requirements are paused: the figures are shown, the status is <see cref="RequirementStatus.Paused"/>.
/// </summary>
public static class RequirementProgress
{
    public const int Weeks = 4;

    public static (DateOnly From, DateOnly To) Window(DateOnly today) => (today.AddDays(-(Weeks * 7 - 1)), today);

    public static SetProgress Measure(RequirementSet set, IEnumerable<CountedApplication> applications, DateOnly today, bool exemptToday)
    {
        var (from, to) = Window(today);
        var fits = applications.Where(a => a.Day >= from && a.Day <= to)
            .OrderByDescending(a => a.Day)
            .Select(a => new ApplicationFit(a, OccupationFit(set, a), AreaFit(set, a), MethodFit(set, a)))
            .ToList();
        var status = exemptToday ? RequirementStatus.Paused : fits.Count >= set.Required ? RequirementStatus.Met : RequirementStatus.NotMet;
        return new SetProgress(set, from, to, fits, status);
    }

    /// <summary>No occupations set: any job. Else one of the application's occupations is among them; unknown when it has none.</summary>
    public static Fit OccupationFit(RequirementSet set, CountedApplication a)
    {
        if (set.Occupations.Count == 0) return Fit.Yes;
        if (a.OccupationCodes.Count == 0) return Fit.Unknown;
        return a.OccupationCodes.Any(c => set.Occupations.Any(o => o.Code == c)) ? Fit.Yes : Fit.No;
    }

    /// <summary>
    /// No area set: anywhere. Else within the distance from home, or in one of the municipalities — either will do;
    /// unknown when the workplace (or home, for the distance) is not known and the municipality does not already decide it.
    /// </summary>
    public static Fit AreaFit(RequirementSet set, CountedApplication a)
    {
        if (set.MaxKm is null && set.Municipalities.Count == 0) return Fit.Yes;
        if (a.WorkplaceMunicipality is { } m && set.Municipalities.Any(x => x.Code == m)) return Fit.Yes;
        if (set.MaxKm is { } max && a.DistanceKm is { } km) return km <= max ? Fit.Yes : Fit.No;
        var distanceUnknown = set.MaxKm is not null && a.DistanceKm is null;
        var municipalityUnknown = set.Municipalities.Count > 0 && a.WorkplaceMunicipality is null;
        return distanceUnknown || municipalityUnknown ? Fit.Unknown : Fit.No;
    }

    /// <summary>No methods set: any. Else the application's kind (applicationType) is one of them; unknown when not given.</summary>
    public static Fit MethodFit(RequirementSet set, CountedApplication a)
    {
        if (set.Methods.Count == 0) return Fit.Yes;
        if (a.Method is not { } method) return Fit.Unknown;
        return set.Methods.Contains(method) ? Fit.Yes : Fit.No;
    }
}
