using Joblog.Core.Logs;

namespace Joblog.Web.Features.JobAds;

/// <summary>Where the fields came from: a schema.org JobPosting (JSON-LD or microdata), Open Graph tags, or only the page title.</summary>
public enum JobAdSource { JobPosting, OpenGraph, PageTitle }

/// <summary>What was read from a job ad's page: the fields a log can be prefilled with. Text only, never markup.</summary>
public sealed record JobAdFields
{
    public required string JobAdUrl { get; init; }
    public required JobAdSource Source { get; init; }
    public string? JobTitle { get; init; }
    public string? Employer { get; init; }
    public string? Address { get; init; }
    public string? PostalCode { get; init; }
    public string? City { get; init; }
    public DateOnly? Deadline { get; init; }
    public WorkingTime? WorkingTime { get; init; }
    public string? OccupationCode { get; init; }

    /// <summary>The names (<c>JobAds.Field.*</c> keys) of the fields that were found, in form order.</summary>
    public IReadOnlyList<string> FoundFields()
    {
        var found = new List<string>();
        if (JobTitle is not null) found.Add("JobAds.Field.JobTitle");
        if (Employer is not null) found.Add("JobAds.Field.Employer");
        if (Address is not null || PostalCode is not null || City is not null) found.Add("JobAds.Field.Address");
        if (Deadline is not null) found.Add("JobAds.Field.Deadline");
        if (WorkingTime is not null) found.Add("JobAds.Field.WorkingTime");
        if (OccupationCode is not null) found.Add("JobAds.Field.OccupationCode");
        return found;
    }
}
