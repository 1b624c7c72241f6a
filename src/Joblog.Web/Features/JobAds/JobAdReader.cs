using System.Text;
using AngleSharp.Html.Parser;
using Dapper;
using Npgsql;

namespace Joblog.Web.Features.JobAds;

/// <summary>The outcome of reading a job ad from a link: the fields, or why not (<see cref="Failure"/>).</summary>
public sealed record JobAdReading(JobAdFields? Fields, FetchFailure? Failure)
{
    /// <summary>The message key (<c>JobAds.Error.*</c>) for a failure.</summary>
    public string? ErrorKey => Failure is { } f ? "JobAds.Error." + f : null;
}

/// <summary>
/// "Log from any job-ad URL": fetches the page (<see cref="JobAdFetcher"/>), reads it
/// (<see cref="JobPostingReader"/>) and, when the job title is a known one, adds its DISCO-08 code.
/// Shared by the create-from-link page, saved jobs and <c>POST /api/v1/job-ads/from-url</c>.
/// </summary>
public sealed class JobAdReader(JobAdFetcher fetcher, NpgsqlDataSource db)
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    public async Task<JobAdReading> ReadAsync(Uri address, CancellationToken ct)
    {
        var fetched = await fetcher.FetchAsync(address, ct);
        if (fetched.Page is not { } page) return new(null, fetched.Failure);

        using var document = EncodingOf(page.Charset) is { } encoding
            ? Parser.ParseDocument(encoding.GetString(page.Body))
            : Parser.ParseDocument(new MemoryStream(page.Body));
        var fields = JobPostingReader.Read(document, address.AbsoluteUri);
        if (fields?.JobTitle is null) return new(null, FetchFailure.NothingFound);
        return new(fields with { OccupationCode = await OccupationOfAsync(fields.JobTitle, ct) }, null);
    }

    private static Encoding? EncodingOf(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset)) return null;
        try
        {
            return Encoding.GetEncoding(charset.Trim('"', ' '));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The occupation of a job title that leads to exactly one DISCO-08 unit group ("Kontorassistent" → 4110).</summary>
    private async Task<string?> OccupationOfAsync(string title, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var codes = (await conn.QueryAsync<string>(
            "select distinct code from occupation_aliases where lower(title) = lower(@title) limit 2", new { title })).ToList();
        return codes.Count == 1 ? codes[0] : null;
    }
}
