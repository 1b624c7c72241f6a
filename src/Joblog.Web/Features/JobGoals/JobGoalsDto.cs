namespace Joblog.Web.Features.JobGoals;

/// <summary>One goal in the API. <c>occupationTitle</c> is read-only (from the DISCO-08 list); a PUT may leave it out.</summary>
public sealed record JobGoalDto(string? OccupationCode, string? OccupationTitle, bool? Trained, int? ExperienceYears, int? ExperienceMonths,
    int? LastWorkedYear);

public sealed record EmploymentConditionsDto(int? WeeklyHours, DateOnly? EarliestStart);

/// <summary>GET and PUT /api/v1/citizens/{citizenId}/job-goals. <c>updatedAt</c> is read-only.</summary>
public sealed record JobGoalsDto(IReadOnlyList<JobGoalDto?>? Goals, EmploymentConditionsDto? EmploymentConditions, DateTimeOffset? UpdatedAt)
{
    public static JobGoalsDto From(JobGoalSet set) => new(
        set.Goals.Select(g => (JobGoalDto?)new JobGoalDto(g.OccupationCode, g.OccupationTitle, g.Trained, g.ExperienceYears, g.ExperienceMonths,
            g.LastWorkedYear)).ToList(),
        new EmploymentConditionsDto(set.Conditions.WeeklyHours, set.Conditions.EarliestStart),
        set.UpdatedAt);
}
