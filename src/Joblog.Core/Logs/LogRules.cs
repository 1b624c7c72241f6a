using System.Net.Mail;

namespace Joblog.Core.Logs;

/// <summary>The rules a log's content must keep, whoever writes it (web page or case system).</summary>
public static class LogRules
{
    public const int TitleMax = 200;
    public const int TextMax = 200;
    public const int NoteMax = 5000;
    public const int UrlMax = 2000;
    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2100, 12, 31);

    public static IReadOnlyList<FieldError> Validate(LogContent log, DateOnly today)
    {
        var errors = new List<FieldError>();
        void Add(string field, string key) => errors.Add(new FieldError(field, key));

        if (log.Kind == LogKind.JobSearch)
        {
            Required(log.JobTitle, "jobTitle", "Log.Error.JobTitleRequired", errors);
            Required(log.EmployerName, "employer.name", "Log.Error.EmployerNameRequired", errors);
            if (log.Status is null) Add("status", "Log.Error.StatusRequired");
            if (log.AppliedOn > today) Add("appliedOn", "Log.Error.AppliedOnInFuture");
        }
        else
        {
            if (log.ActivityType is null) Add("activityType", "Log.Error.ActivityTypeRequired");
            if (log.ActivityDate is null) Add("activityDate", "Log.Error.ActivityDateRequired");
        }

        MaxLength(log.JobTitle, TitleMax, "jobTitle", errors);
        MaxLength(log.EmployerName, TextMax, "employer.name", errors);
        MaxLength(log.EmployerAddress, TextMax, "employer.address", errors);
        MaxLength(log.EmployerCity, TextMax, "employer.city", errors);
        MaxLength(log.ContactName, TextMax, "contact.name", errors);
        MaxLength(log.Place, TextMax, "place", errors);
        MaxLength(log.Description, NoteMax, "description", errors);
        MaxLength(log.Note, NoteMax, "note", errors);

        if (log.OccupationCode is { } code && !(code.Length is >= 4 and <= 6 && code.All(char.IsAsciiDigit)))
            Add("occupationCode", "Log.Error.OccupationCodeInvalid");
        if (log.EmployerPostalCode is { } zip && !(zip.Length == 4 && zip.All(char.IsAsciiDigit)))
            Add("employer.postalCode", "Log.Error.PostalCodeInvalid");
        if (log.ContactPhone is { } phone && !IsPhone(phone))
            Add("contact.phone", "Log.Error.PhoneInvalid");
        if (log.ContactEmail is { } email && !IsEmail(email))
            Add("contact.email", "Log.Error.EmailInvalid");
        if (log.JobAdUrl is { } url && !IsWebAddress(url))
            Add("jobAdUrl", "Log.Error.UrlInvalid");

        DateInRange(log.Deadline, "deadline", errors);
        DateInRange(log.AppliedOn, "appliedOn", errors);
        DateInRange(log.PlannedOn, "plannedOn", errors);
        DateInRange(log.ActivityDate, "activityDate", errors);
        if (log.InterviewAt is { } at)
            DateInRange(DateOnly.FromDateTime(at.UtcDateTime), "interviewAt", errors);
        return errors;
    }

    private static void Required(string? value, string field, string key, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(new FieldError(field, key));
    }

    private static void MaxLength(string? value, int max, string field, List<FieldError> errors)
    {
        if (value is not null && value.Length > max)
            errors.Add(new FieldError(field, max == NoteMax ? "Log.Error.TooLong5000" : "Log.Error.TooLong200"));
    }

    private static void DateInRange(DateOnly? date, string field, List<FieldError> errors)
    {
        if (date is { } d && (d < Earliest || d > Latest))
            errors.Add(new FieldError(field, "Log.Error.DateOutOfRange"));
    }

    private static bool IsPhone(string phone) =>
        phone.Length <= 30 && phone.Count(char.IsAsciiDigit) >= 8
        && phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')');

    private static bool IsEmail(string email) =>
        email.Length <= 254 && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email
        && email.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && email[(at + 1)..].Contains('.', StringComparison.Ordinal);

    private static bool IsWebAddress(string url) =>
        url.Length <= UrlMax && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
