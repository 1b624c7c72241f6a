using System.Globalization;

namespace Joblog.Web.Features.JobGoals;

/// <summary>
/// The job-goal form as the browser posts it. Numbers are text so that what was typed comes back in
/// the field after an error. <see cref="Occupation"/> is the typed occupation; when it matched several,
/// the page asks for <see cref="OccupationCode"/> among the candidates found for <see cref="OccupationQuery"/>.
/// </summary>
public sealed class GoalForm
{
    public string? Occupation { get; set; }
    public string? OccupationQuery { get; set; }
    public string? OccupationCode { get; set; }
    public bool? Trained { get; set; }
    public string? ExperienceYears { get; set; }
    public string? ExperienceMonths { get; set; }
    public string? LastWorkedYear { get; set; }
    public int Version { get; set; }

    public static GoalForm From(JobGoal goal, int version) => new()
    {
        Occupation = goal.OccupationTitle, Trained = goal.Trained,
        ExperienceYears = goal.ExperienceYears.ToString(CultureInfo.InvariantCulture),
        ExperienceMonths = goal.ExperienceMonths.ToString(CultureInfo.InvariantCulture),
        LastWorkedYear = goal.LastWorkedYear?.ToString(CultureInfo.InvariantCulture), Version = version,
    };

    /// <summary>A whole number as typed ("6", " 6 "); null when blank or not a number.</summary>
    public static int? Number(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>The form property that shows an error of a rule's field ("experienceYears" → "ExperienceYears").</summary>
    public static string PropertyFor(string ruleField) =>
        ruleField == "occupationCode" ? nameof(Occupation) : char.ToUpperInvariant(ruleField[0]) + ruleField[1..];
}
