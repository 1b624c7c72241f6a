using Joblog.Core.Logs;

namespace Joblog.Web.Features.Logs;

/// <summary>A stored log: its content plus what the store keeps about it.</summary>
public sealed record Log(Guid Id, Guid CitizenId, LogContent Content, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, Channel Channel, int Version)
{
    /// <summary>Strong ETag: changes with every write.</summary>
    public string ETag => $"\"{Version}\"";
}

/// <summary>The logs table as Dapper reads it.</summary>
internal sealed class LogRow
{
    public Guid Id { get; set; }
    public Guid CitizenId { get; set; }
    public string Kind { get; set; } = "";
    public string? Status { get; set; }
    public string? JobTitle { get; set; }
    public string? OccupationCode { get; set; }
    public string? EmployerName { get; set; }
    public string? EmployerAddress { get; set; }
    public string? EmployerPostalCode { get; set; }
    public string? EmployerCity { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }
    public string? JobAdUrl { get; set; }
    public DateOnly? Deadline { get; set; }
    public string? ApplicationType { get; set; }
    public string? WorkingTime { get; set; }
    public DateOnly? AppliedOn { get; set; }
    public DateTime? InterviewAt { get; set; }
    public DateOnly? PlannedOn { get; set; }
    public string? ActivityType { get; set; }
    public DateOnly? ActivityDate { get; set; }
    public string? Place { get; set; }
    public string? Description { get; set; }
    public string? Note { get; set; }
    public bool Closed { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string Channel { get; set; } = "";
    public int Version { get; set; }

    public Log ToLog() => new(Id, CitizenId, new LogContent
    {
        Kind = ApiNames.ParseOrNull<LogKind>(Kind) ?? LogKind.JobSearch,
        Status = ApiNames.ParseOrNull<LogStatus>(Status),
        JobTitle = JobTitle,
        OccupationCode = OccupationCode,
        EmployerName = EmployerName,
        EmployerAddress = EmployerAddress,
        EmployerPostalCode = EmployerPostalCode,
        EmployerCity = EmployerCity,
        ContactName = ContactName,
        ContactPhone = ContactPhone,
        ContactEmail = ContactEmail,
        JobAdUrl = JobAdUrl,
        Deadline = Deadline,
        ApplicationType = ApiNames.ParseOrNull<ApplicationType>(ApplicationType),
        WorkingTime = ApiNames.ParseOrNull<WorkingTime>(WorkingTime),
        AppliedOn = AppliedOn,
        InterviewAt = InterviewAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null,
        PlannedOn = PlannedOn,
        ActivityType = ApiNames.ParseOrNull<ActivityType>(ActivityType),
        ActivityDate = ActivityDate,
        Place = Place,
        Description = Description,
        Note = Note,
        Closed = Closed,
    }, Utc(CreatedAt), Utc(UpdatedAt), ApiNames.ParseOrNull<Channel>(Channel) ?? Core.Logs.Channel.Jobnet, Version);

    private static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc));

    /// <summary>The parameters for writing <paramref name="content"/> as columns.</summary>
    public static object Parameters(Guid id, Guid citizenId, LogContent c, DateTimeOffset now, Channel channel) => new
    {
        id,
        citizenId,
        kind = ApiNames.Of(c.Kind),
        status = ApiNames.Of(c.Status),
        c.JobTitle,
        c.OccupationCode,
        c.EmployerName,
        c.EmployerAddress,
        c.EmployerPostalCode,
        c.EmployerCity,
        c.ContactName,
        c.ContactPhone,
        c.ContactEmail,
        c.JobAdUrl,
        c.Deadline,
        applicationType = ApiNames.Of(c.ApplicationType),
        workingTime = ApiNames.Of(c.WorkingTime),
        c.AppliedOn,
        interviewAt = c.InterviewAt?.ToUniversalTime(),
        c.PlannedOn,
        activityType = ApiNames.Of(c.ActivityType),
        c.ActivityDate,
        c.Place,
        c.Description,
        c.Note,
        c.Closed,
        now,
        channel = ApiNames.Of(channel),
    };

    public const string Columns = """
        kind, status, job_title, occupation_code, employer_name, employer_address, employer_postal_code,
        employer_city, contact_name, contact_phone, contact_email, job_ad_url, deadline, application_type,
        working_time, applied_on, interview_at, planned_on, activity_type, activity_date, place, description,
        note, closed
        """;

    public const string Values = """
        @kind, @status, @JobTitle, @OccupationCode, @EmployerName, @EmployerAddress, @EmployerPostalCode,
        @EmployerCity, @ContactName, @ContactPhone, @ContactEmail, @JobAdUrl, @Deadline, @applicationType,
        @workingTime, @AppliedOn, @interviewAt, @PlannedOn, @activityType, @ActivityDate, @Place, @Description,
        @Note, @Closed
        """;
}
