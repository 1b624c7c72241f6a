using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Joblog.Core.Logs;

namespace Joblog.Web.Features.JobAds;

/// <summary>The schema.org JobPosting properties a log uses, as text, whatever the markup (JSON-LD or microdata) said.</summary>
internal sealed record PostingProperties(string? Title, string? Employer, string? Street, string? PostalCode, string? Locality, string? ValidThrough, IReadOnlyList<string> EmploymentTypes);

/// <summary>
/// Reads a job ad from a parsed page: a schema.org <c>JobPosting</c> in JSON-LD (also inside
/// <c>@graph</c> or arrays) or in microdata; without one, the Open Graph title and site name, or the
/// page's <c>&lt;title&gt;</c>. Returns plain text only (it is shown through Razor, which encodes it).
/// </summary>
public static partial class JobPostingReader
{
    private const int TextMax = 200;

    /// <summary>The fields, or null when the page has nothing a log could use (not even a title).</summary>
    public static JobAdFields? Read(IDocument page, string jobAdUrl)
    {
        var posting = JsonLdPostings.Find(page) ?? MicrodataPostings.Find(page);
        var siteName = Clean(Meta(page, "og:site_name"));
        var ogTitle = Clean(Meta(page, "og:title"));
        var pageTitle = WithoutSiteName(Clean(page.Title), siteName);
        if (posting is not null && Clean(posting.Title) is { } title)
        {
            var (zip, city) = PostalCodeAndCity(Clean(posting.PostalCode), Clean(posting.Locality));
            return new JobAdFields
            {
                JobAdUrl = jobAdUrl, Source = JobAdSource.JobPosting, JobTitle = title, Employer = Clean(posting.Employer) ?? siteName,
                Address = Clean(posting.Street), PostalCode = zip, City = city,
                Deadline = Date(posting.ValidThrough), WorkingTime = Working(posting.EmploymentTypes),
            };
        }
        if (ogTitle is not null)
            return new JobAdFields { JobAdUrl = jobAdUrl, Source = JobAdSource.OpenGraph, JobTitle = WithoutSiteName(ogTitle, siteName), Employer = siteName };
        if (pageTitle is not null)
            return new JobAdFields { JobAdUrl = jobAdUrl, Source = JobAdSource.PageTitle, JobTitle = pageTitle, Employer = siteName };
        return null;
    }

    private static string? Meta(IDocument page, string property) =>
        page.QuerySelectorAll("meta[property], meta[name]")
            .FirstOrDefault(m => string.Equals(m.GetAttribute("property") ?? m.GetAttribute("name"), property, StringComparison.OrdinalIgnoreCase))
            ?.GetAttribute("content");

    /// <summary>Decoded, whitespace collapsed, trimmed, at most 200 characters; null when empty.</summary>
    internal static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var plain = Whitespace().Replace(Tags().Replace(ScriptsAndStyles().Replace(WebUtility.HtmlDecode(text), " "), " "), " ").Trim();
        if (plain.Length == 0) return null;
        return plain.Length <= TextMax ? plain : plain[..(TextMax - 1)].TrimEnd() + "…";
    }

    /// <summary>"Kontorassistent | Jobportalen" → "Kontorassistent" when the site is called Jobportalen.</summary>
    private static string? WithoutSiteName(string? title, string? siteName)
    {
        if (title is null || siteName is null) return title;
        foreach (var separator in new[] { " | ", " - ", " – ", " — " })
        {
            var suffix = separator + siteName;
            if (title.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && title.Length > suffix.Length)
                return title[..^suffix.Length].Trim();
        }
        return title;
    }

    /// <summary>A Danish postal code (four digits) and the city; "DK-8000" and "8000 Aarhus C" in the locality are understood.</summary>
    private static (string? Zip, string? City) PostalCodeAndCity(string? postalCode, string? locality)
    {
        var zip = postalCode is not null && FourDigits().Match(postalCode) is { Success: true } m ? m.Value : null;
        if (locality is not null && LeadingZip().Match(locality) is { Success: true } lead)
        {
            zip ??= lead.Groups[1].Value;
            locality = lead.Groups[2].Value;
        }
        return (zip, locality);
    }

    /// <summary>The date of "2026-12-01", "2026-12-01T23:59:00+01:00" (as written, not shifted by the offset), "01-12-2026" or "1.12.2026".</summary>
    internal static DateOnly? Date(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (text.Length >= 10 && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
            return iso;
        return DateOnly.TryParseExact(text, ["dd-MM-yyyy", "d-M-yyyy", "d.M.yyyy", "dd.MM.yyyy", "d/M/yyyy", "dd/MM/yyyy"],
            CultureInfo.InvariantCulture, DateTimeStyles.None, out var danish) ? danish : null;
    }

    /// <summary>FULL_TIME / PART_TIME (schema.org), also "fuldtid" / "deltid"; the first one recognized.</summary>
    internal static WorkingTime? Working(IEnumerable<string> types)
    {
        foreach (var type in types)
        {
            var t = type.Trim().Replace("-", "_", StringComparison.Ordinal).Replace(" ", "_", StringComparison.Ordinal).ToUpperInvariant();
            if (t is "FULL_TIME" or "FULLTIME" or "FULDTID") return WorkingTime.FullTime;
            if (t is "PART_TIME" or "PARTTIME" or "DELTID") return WorkingTime.PartTime;
        }
        return null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptsAndStyles();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\b\d{4}\b")]
    private static partial Regex FourDigits();

    [GeneratedRegex(@"^(?:DK-?)?(\d{4})\s+(.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingZip();
}
