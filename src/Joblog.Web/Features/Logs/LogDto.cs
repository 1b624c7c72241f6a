using Joblog.Core.Logs;

namespace Joblog.Web.Features.Logs;

public sealed record EmployerDto(string? Name, string? Address, string? PostalCode, string? City);

public sealed record ContactDto(string? Name, string? Phone, string? Email);

/// <summary>A log as the API shows and accepts it (API.md). Server-set fields are ignored on input.</summary>
public sealed record LogDto
{
    public Guid? Id { get; init; }
    public LogKind? Kind { get; init; }
    public LogStatus? Status { get; init; }
    public string? JobTitle { get; init; }
    public string? OccupationCode { get; init; }
    public EmployerDto? Employer { get; init; }
    public ContactDto? Contact { get; init; }
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
    public bool? Closed { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
    public Channel? Channel { get; init; }

    public static LogDto From(Log log)
    {
        var c = log.Content;
        return new LogDto
        {
            Id = log.Id, Kind = c.Kind, Status = c.Status, JobTitle = c.JobTitle, OccupationCode = c.OccupationCode,
            Employer = new EmployerDto(c.EmployerName, c.EmployerAddress, c.EmployerPostalCode, c.EmployerCity),
            Contact = new ContactDto(c.ContactName, c.ContactPhone, c.ContactEmail),
            JobAdUrl = c.JobAdUrl, Deadline = c.Deadline, ApplicationType = c.ApplicationType, WorkingTime = c.WorkingTime,
            AppliedOn = c.AppliedOn, InterviewAt = c.InterviewAt, PlannedOn = c.PlannedOn, ActivityType = c.ActivityType,
            ActivityDate = c.ActivityDate, Place = c.Place, Description = c.Description, Note = c.Note, Closed = c.Closed,
            CreatedAt = log.CreatedAt, UpdatedAt = log.UpdatedAt, Channel = log.Channel,
        };
    }

    /// <summary>The content to write; null when <see cref="Kind"/> is missing.</summary>
    public LogContent? ToContent() => Kind is not { } kind ? null : new LogContent
    {
        Kind = kind, Status = Status, JobTitle = JobTitle, OccupationCode = OccupationCode,
        EmployerName = Employer?.Name, EmployerAddress = Employer?.Address, EmployerPostalCode = Employer?.PostalCode, EmployerCity = Employer?.City,
        ContactName = Contact?.Name, ContactPhone = Contact?.Phone, ContactEmail = Contact?.Email,
        JobAdUrl = JobAdUrl, Deadline = Deadline, ApplicationType = ApplicationType, WorkingTime = WorkingTime,
        AppliedOn = AppliedOn, InterviewAt = InterviewAt?.ToUniversalTime(), PlannedOn = PlannedOn, ActivityType = ActivityType,
        ActivityDate = ActivityDate, Place = Place, Description = Description, Note = Note, Closed = Closed ?? false,
    }.Normalized();
}
