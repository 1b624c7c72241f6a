using Joblog.Core.Logs;

namespace Joblog.Web.World;

/// <summary>
/// One generated log as the <c>logs</c> table stores it, plus what it looked like at version 1 (for the history).
/// <see cref="LogGenerator"/> reuses one instance for every log it yields: read it before asking for the next.
/// </summary>
internal sealed class GeneratedLog
{
    public Guid Id;
    public WorldCitizen Citizen = null!;
    public LogKind Kind;
    public LogStatus? Status;
    public string? JobTitle, OccupationCode, EmployerName, EmployerAddress, EmployerPostalCode, EmployerCity;
    public string? ContactName, ContactPhone, ContactEmail, JobAdUrl, Place, Description, Note;
    public DateOnly? Deadline, AppliedOn, PlannedOn, ActivityDate;
    public ApplicationType? ApplicationType;
    public WorkingTime? WorkingTime;
    public DateTime? InterviewAt;
    public ActivityType? ActivityType;
    public bool Closed;
    public DateTime CreatedAt, UpdatedAt;
    public Channel Channel;
    public int Version;

    /// <summary>At version 1 (when <see cref="Version"/> is 2): the status, applied date and interview time before the change.</summary>
    public LogStatus? FirstStatus;
    public DateOnly? FirstAppliedOn;
    public DateTime? FirstInterviewAt;

    public LogContent Content() => new()
    {
        Kind = Kind, Status = Status, JobTitle = JobTitle, OccupationCode = OccupationCode, EmployerName = EmployerName,
        EmployerAddress = EmployerAddress, EmployerPostalCode = EmployerPostalCode, EmployerCity = EmployerCity,
        ContactName = ContactName, ContactPhone = ContactPhone, ContactEmail = ContactEmail, JobAdUrl = JobAdUrl,
        Deadline = Deadline, ApplicationType = ApplicationType, WorkingTime = WorkingTime, AppliedOn = AppliedOn,
        InterviewAt = InterviewAt is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : null, PlannedOn = PlannedOn,
        ActivityType = ActivityType, ActivityDate = ActivityDate, Place = Place, Description = Description, Note = Note,
        Closed = Closed,
    };

    /// <summary>The content at version 1.</summary>
    public LogContent FirstContent() => Version == 1 ? Content() : Content() with
    {
        Status = FirstStatus,
        AppliedOn = FirstAppliedOn,
        InterviewAt = FirstInterviewAt is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : null,
        Closed = false,
    };
}
