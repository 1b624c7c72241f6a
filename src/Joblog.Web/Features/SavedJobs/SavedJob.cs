using Joblog.Core.Logs;
using Joblog.Web.Features.JobAds;

namespace Joblog.Web.Features.SavedJobs;

/// <summary>
/// A saved job (gemt job): a job ad the citizen keeps to apply for later. Its <see cref="Content"/> is
/// the log it becomes ("Opret log"): a job-search log with status Ikke søgt. <see cref="LogId"/> is that
/// log once made; the saved job stays, marked as logged.
/// </summary>
public sealed record SavedJob(Guid Id, Guid? JobAdId, LogContent Content, DateTimeOffset CreatedAt, Channel Channel, string ActorName, Guid? LogId, int Version)
{
    public string ETag => $"\"{Version}\"";

    public bool DeadlinePassed(DateOnly today) => Content.Deadline < today;

    /// <summary>What a saved job holds, as a log's content (status Ikke søgt).</summary>
    public static LogContent ContentOf(string? title, string? employer, string? address, string? postalCode, string? city,
        DateOnly? deadline, string? url, string? occupationCode, WorkingTime? workingTime) => new LogContent
    {
        Kind = LogKind.JobSearch, Status = LogStatus.NotApplied, JobTitle = title, EmployerName = employer,
        EmployerAddress = address, EmployerPostalCode = postalCode, EmployerCity = city, Deadline = deadline,
        JobAdUrl = url, OccupationCode = occupationCode, WorkingTime = workingTime, ApplicationType = ApplicationType.Advertised,
    }.Normalized();

    public static LogContent ContentOf(JobAdFields ad) =>
        ContentOf(ad.JobTitle, ad.Employer, ad.Address, ad.PostalCode, ad.City, ad.Deadline, ad.JobAdUrl, ad.OccupationCode, ad.WorkingTime);

    /// <summary>
    /// The rules of a log's fields, except that the employer may be unknown yet: a page may give only a
    /// title. The log made from the saved job asks for the employer then.
    /// </summary>
    public static IReadOnlyList<FieldError> Validate(LogContent content, DateOnly today) =>
        LogRules.Validate(content, today).Where(e => e.MessageKey != "Log.Error.EmployerNameRequired").ToList();
}

/// <summary>The saved_jobs table as Dapper reads it.</summary>
internal sealed class SavedJobRow
{
    public Guid Id { get; set; }
    public Guid? JobAdId { get; set; }
    public string Title { get; set; } = "";
    public string? EmployerName { get; set; }
    public string? Address { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public DateOnly? Deadline { get; set; }
    public string? Url { get; set; }
    public string? OccupationCode { get; set; }
    public string? WorkingTime { get; set; }
    public DateTime CreatedAt { get; set; }
    public string Channel { get; set; } = "";
    public string ActorName { get; set; } = "";
    public Guid? LogId { get; set; }
    public int Version { get; set; }

    public SavedJob ToSavedJob() => new(
        Id, JobAdId,
        SavedJob.ContentOf(Title, EmployerName, Address, PostalCode, City, Deadline, Url, OccupationCode, ApiNames.ParseOrNull<WorkingTime>(WorkingTime)),
        new DateTimeOffset(DateTime.SpecifyKind(CreatedAt, DateTimeKind.Utc)),
        ApiNames.ParseOrNull<Channel>(Channel) ?? Core.Logs.Channel.Jobnet, ActorName, LogId, Version);
}
