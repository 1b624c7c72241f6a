using Joblog.Core.Logs;

namespace Joblog.Web.Features.JobGoals;

/// <summary>
/// One job goal (Jeg søger job som): a DISCO-08 occupation, trained in it or not, experience,
/// the last year worked in it. <see cref="OccupationTitle"/> is read from the occupation list, never written.
/// </summary>
public sealed record JobGoal(string OccupationCode, bool Trained, int ExperienceYears, int ExperienceMonths, int? LastWorkedYear,
    string? OccupationTitle = null)
{
    public bool SameAs(JobGoal other) =>
        OccupationCode == other.OccupationCode && Trained == other.Trained && ExperienceYears == other.ExperienceYears
        && ExperienceMonths == other.ExperienceMonths && LastWorkedYear == other.LastWorkedYear;
}

/// <summary>Ansættelsesvilkår: hours a week and the earliest start, both optional.</summary>
public sealed record EmploymentConditions(int? WeeklyHours, DateOnly? EarliestStart)
{
    public static readonly EmploymentConditions None = new(null, null);
}

/// <summary>A citizen's job goals and conditions, read and replaced as one resource; <see cref="Version"/> is its ETag.</summary>
public sealed record JobGoalSet(IReadOnlyList<JobGoal> Goals, EmploymentConditions Conditions, int Version, DateTimeOffset? UpdatedAt)
{
    public string ETag => $"\"{Version}\"";

    public bool SameContentAs(IReadOnlyList<JobGoal> goals, EmploymentConditions conditions) =>
        Conditions == conditions && Goals.Count == goals.Count && Goals.Zip(goals).All(p => p.First.SameAs(p.Second));
}

/// <summary>
/// The rules of job goals. Field names are the API's ("experienceYears"); the API prefixes them with
/// the goal ("goals[0].experienceYears"), the pages map them to their form's properties.
/// </summary>
public static class JobGoalRules
{
    public const int MaxGoals = 10;
    public const int MaxYears = 60;
    public const int MaxMonths = 11;
    public const int FirstYear = 1950;
    public const int MinHours = 1;
    public const int MaxHours = 60;

    /// <summary>One goal as it arrives (anything may be missing).</summary>
    public static List<FieldError> ValidateGoal(string? occupationCode, bool? trained, int? years, int? months, int? lastWorkedYear, int currentYear)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(occupationCode)) errors.Add(new("occupationCode", "JobGoals.Error.OccupationRequired"));
        if (trained is null) errors.Add(new("trained", "JobGoals.Error.TrainedRequired"));
        if (years is not (>= 0 and <= MaxYears)) errors.Add(new("experienceYears", "JobGoals.Error.YearsInvalid"));
        if (months is not (>= 0 and <= MaxMonths)) errors.Add(new("experienceMonths", "JobGoals.Error.MonthsInvalid"));
        if (lastWorkedYear is { } y)
        {
            if (y < FirstYear) errors.Add(new("lastWorkedYear", "JobGoals.Error.LastWorkedInvalid"));
            else if (y > currentYear) errors.Add(new("lastWorkedYear", "JobGoals.Error.LastWorkedFuture"));
        }
        return errors;
    }

    /// <summary>The set: at least one goal (DOMAIN.md), at most <see cref="MaxGoals"/>, each occupation once.</summary>
    public static List<FieldError> ValidateSet(IReadOnlyList<string?> occupationCodes)
    {
        var errors = new List<FieldError>();
        if (occupationCodes.Count == 0) errors.Add(new("goals", "JobGoals.Error.AtLeastOne"));
        if (occupationCodes.Count > MaxGoals) errors.Add(new("goals", "JobGoals.Error.TooMany"));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < occupationCodes.Count; i++)
            if (occupationCodes[i] is { } code && !seen.Add(code.Trim()))
                errors.Add(new($"goals[{i}].occupationCode", "JobGoals.Error.Duplicate"));
        return errors;
    }

    public static List<FieldError> ValidateConditions(int? weeklyHours) =>
        weeklyHours is null or (>= MinHours and <= MaxHours) ? [] : [new("weeklyHours", "JobGoals.Error.HoursInvalid")];
}
