using System.Globalization;
using Joblog.Core.Logs;
using Joblog.Web.Access;

namespace Joblog.Web.Features.Logs;

/// <summary>
/// The log form as the browser posts it: dates are text (DD-MM-YYYY) so that what the citizen
/// typed survives an error and comes back in the field.
/// </summary>
public sealed class LogForm
{
    public LogKind Kind { get; set; }
    public string? JobTitle { get; set; }
    public LogStatus? Status { get; set; }
    public string? EmployerName { get; set; }
    public string? EmployerAddress { get; set; }
    public string? EmployerPostalCode { get; set; }
    public string? EmployerCity { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }
    public string? JobAdUrl { get; set; }
    public string? OccupationCode { get; set; }
    public string? Deadline { get; set; }
    public ApplicationType? ApplicationType { get; set; }
    public WorkingTime? WorkingTime { get; set; }
    public string? AppliedOn { get; set; }
    public string? PlannedOn { get; set; }
    public string? InterviewDate { get; set; }
    public string? InterviewTime { get; set; }
    public ActivityType? ActivityType { get; set; }
    public string? ActivityDate { get; set; }
    public string? Place { get; set; }
    public string? Description { get; set; }
    public string? Note { get; set; }
    public int Version { get; set; }


    /// <summary>The content, or the fields (form property names) whose text is not a date or time.</summary>
    public LogContent ToContent(bool closed, List<FieldError> errors)
    {
        DateOnly? Date(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (LogFormat.TryParseDate(text, out var d)) return d;
            errors.Add(new FieldError(field, "Form.DateInvalid"));
            return null;
        }
        var interviewDay = Date(InterviewDate, nameof(InterviewDate));
        DateTimeOffset? interview = null;
        if (interviewDay is { } day)
        {
            var time = TimeOnly.MinValue;
            if (!string.IsNullOrWhiteSpace(InterviewTime)
                && !TimeOnly.TryParseExact(InterviewTime.Trim().Replace('.', ':'), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
                errors.Add(new FieldError(nameof(InterviewTime), "Log.Error.TimeInvalid"));
            interview = DanishClock.Instant(day, time);
        }
        return new LogContent
        {
            Kind = Kind, Status = Status, JobTitle = JobTitle, OccupationCode = OccupationCode,
            EmployerName = EmployerName, EmployerAddress = EmployerAddress, EmployerPostalCode = EmployerPostalCode, EmployerCity = EmployerCity,
            ContactName = ContactName, ContactPhone = ContactPhone, ContactEmail = ContactEmail, JobAdUrl = JobAdUrl,
            Deadline = Date(Deadline, nameof(Deadline)), ApplicationType = ApplicationType, WorkingTime = WorkingTime,
            AppliedOn = Date(AppliedOn, nameof(AppliedOn)), InterviewAt = interview, PlannedOn = Date(PlannedOn, nameof(PlannedOn)),
            ActivityType = ActivityType, ActivityDate = Date(ActivityDate, nameof(ActivityDate)),
            Place = Place, Description = Description, Note = Note, Closed = closed,
        }.Normalized();
    }

    public static LogForm From(Log log)
    {
        var c = log.Content;
        static string? Text(DateOnly? d) => d?.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
        var interview = c.InterviewAt is { } at ? DanishClock.Local(at) : (DateTimeOffset?)null;
        return new LogForm
        {
            Kind = c.Kind, Status = c.Status, JobTitle = c.JobTitle, OccupationCode = c.OccupationCode,
            EmployerName = c.EmployerName, EmployerAddress = c.EmployerAddress, EmployerPostalCode = c.EmployerPostalCode, EmployerCity = c.EmployerCity,
            ContactName = c.ContactName, ContactPhone = c.ContactPhone, ContactEmail = c.ContactEmail, JobAdUrl = c.JobAdUrl,
            Deadline = Text(c.Deadline), ApplicationType = c.ApplicationType, WorkingTime = c.WorkingTime, AppliedOn = Text(c.AppliedOn),
            InterviewDate = interview?.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
            InterviewTime = interview?.ToString("HH:mm", CultureInfo.InvariantCulture),
            PlannedOn = Text(c.PlannedOn), ActivityType = c.ActivityType, ActivityDate = Text(c.ActivityDate),
            Place = c.Place, Description = c.Description, Note = c.Note, Version = log.Version,
        };
    }

    /// <summary>The form property that shows an API field's error.</summary>
    public static string PropertyFor(string apiField) => apiField switch
    {
        "employer.name" => nameof(EmployerName),
        "employer.address" => nameof(EmployerAddress),
        "employer.postalCode" => nameof(EmployerPostalCode),
        "employer.city" => nameof(EmployerCity),
        "contact.name" => nameof(ContactName),
        "contact.phone" => nameof(ContactPhone),
        "contact.email" => nameof(ContactEmail),
        "interviewAt" => nameof(InterviewDate),
        _ => char.ToUpperInvariant(apiField[0]) + apiField[1..],
    };
}
