namespace Joblog.Core.Logs;

/// <summary>Everything a citizen or a case system can write on a log.</summary>
public sealed record LogContent
{
    public LogKind Kind { get; init; }
    public LogStatus? Status { get; init; }
    public string? JobTitle { get; init; }
    public string? OccupationCode { get; init; }
    public string? EmployerName { get; init; }
    public string? EmployerAddress { get; init; }
    public string? EmployerPostalCode { get; init; }
    public string? EmployerCity { get; init; }
    public string? ContactName { get; init; }
    public string? ContactPhone { get; init; }
    public string? ContactEmail { get; init; }
    public string? JobAdUrl { get; init; }
    public DateOnly? Deadline { get; init; }
    public ApplicationType? ApplicationType { get; init; }
    public WorkingTime? WorkingTime { get; init; }
    public DateOnly? AppliedOn { get; init; }
    public DateTimeOffset? InterviewAt { get; init; }
    public DateOnly? PlannedOn { get; init; }
    public ActivityType? ActivityType { get; init; }
    public DateOnly? ActivityDate { get; init; }
    public string? Place { get; init; }
    public string? Description { get; init; }
    public string? Note { get; init; }
    public bool Closed { get; init; }

    /// <summary>Blank strings become null and text is trimmed, so "" and null mean the same.</summary>
    public LogContent Normalized() => this with
    {
        JobTitle = Clean(JobTitle),
        OccupationCode = Clean(OccupationCode),
        EmployerName = Clean(EmployerName),
        EmployerAddress = Clean(EmployerAddress),
        EmployerPostalCode = Clean(EmployerPostalCode),
        EmployerCity = Clean(EmployerCity),
        ContactName = Clean(ContactName),
        ContactPhone = Clean(ContactPhone),
        ContactEmail = Clean(ContactEmail),
        JobAdUrl = Clean(JobAdUrl),
        Place = Clean(Place),
        Description = Clean(Description),
        Note = Clean(Note),
        Status = Kind == LogKind.JobSearch ? Status : null,
    };

    private static string? Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
