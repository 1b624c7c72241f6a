using System.Globalization;
using Joblog.Core.Logs;
using Joblog.Web.Access;
using Joblog.Web.Api;
using Joblog.Web.Auth;
using Joblog.Web.Features.Logs;
using Joblog.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.JobAds;

public sealed record JobAdDto(
    Guid Id, string Title, EmployerDto Employer, string? OccupationCode, string? OccupationTitle, double? Lat, double? Lon,
    DateOnly? Deadline, WorkingTime? WorkingTime, string Description, string? Url, DateOnly PublishedOn, double? DistanceKm)
{
    public static JobAdDto From(JobAdHit a) => new(
        a.Id, a.Title, new EmployerDto(a.EmployerName, a.Address, a.PostalCode, a.City), a.OccupationCode, a.OccupationTitle, a.Lat, a.Lon,
        a.Deadline, ApiNames.ParseOrNull<WorkingTime>(a.WorkingTime), a.Description, a.Url, a.PublishedOn,
        a.DistanceKm is { } km ? Math.Round(km, 1) : null);
}

public sealed record JobAdListDto(IReadOnlyList<JobAdDto> Items, string? NextCursor, int Total);

public sealed record FromUrlRequest(string? Url);

/// <summary>What a job ad's page gave: the fields of a log, in the log's own shape, and where they came from.</summary>
public sealed record JobAdFieldsDto(string? JobTitle, EmployerDto Employer, DateOnly? Deadline, WorkingTime? WorkingTime, string JobAdUrl, string? OccupationCode, string Source)
{
    public static JobAdFieldsDto From(JobAdFields f) => new(
        f.JobTitle, new EmployerDto(f.Employer, f.Address, f.PostalCode, f.City), f.Deadline, f.WorkingTime, f.JobAdUrl, f.OccupationCode, ApiNames.Of(f.Source));
}

/// <summary>/api/v1/job-ads: search the job ads, and read a job ad from any link.</summary>
public static class JobAdsApi
{
    public static void MapJobAdsApi(this RouteGroupBuilder api)
    {
        var ads = api.MapGroup("/job-ads").WithTags("Job ads");
        ads.MapGet("", Search).Produces<JobAdListDto>();
        ads.MapPost("/from-url", FromUrl).Accepts<FromUrlRequest>("application/json").Produces<JobAdFieldsDto>().ProducesProblem(422);
    }

    /// <summary>
    /// <c>q</c>, <c>occupation</c>, <c>maxKm</c> from <c>postalCode</c> (a citizen's own home when left out),
    /// <c>includeExpired</c>; paged with <c>limit</c> and <c>cursor</c>.
    /// </summary>
    private static async Task<IResult> Search(HttpContext http, JobAdSearch search, CitizenGate gate, Problems problems,
        string? q, string? occupation, string? maxKm, string? postalCode, string? includeExpired, string? limit, string? cursor)
    {
        var errors = new List<FieldError>();
        var size = LogListParameters.Limit(limit, errors);
        var offset = OffsetCursor.Offset(cursor, errors);
        if (occupation is not null && !IsCode(occupation, 4)) errors.Add(new FieldError("occupation", "JobAds.Error.OccupationInvalid"));
        if (postalCode is not null && !IsCode(postalCode, 4)) errors.Add(new FieldError("postalCode", "Log.Error.PostalCodeInvalid"));
        int? km = null;
        if (maxKm is not null)
        {
            if (int.TryParse(maxKm, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 1000) km = n;
            else errors.Add(new FieldError("maxKm", "JobAds.Error.MaxKmInvalid"));
        }
        if (includeExpired is not (null or "true" or "false")) errors.Add(new FieldError("includeExpired", "Api.Error.InvalidValue"));
        if (errors.Count > 0) return problems.Validation(errors);

        var actor = Actor.From(http.User)!;
        var own = actor.CitizenId is { } me ? await gate.OpenAsync(actor, me, "jobAds.search", http.RequestAborted) : null;
        var origin = postalCode ?? (own is null ? null : (await search.HomeAsync(own, http.RequestAborted)).PostalCode);
        if (km is not null && origin is null) return problems.Validation([new FieldError("postalCode", "JobAds.Error.OriginRequired")]);

        var results = await search.SearchAsync(new JobAdFilter(q, occupation, km, origin, includeExpired == "true"), own, offset, size, http.RequestAborted);
        return TypedResults.Ok(new JobAdListDto(results.Items.Select(JobAdDto.From).ToList(), OffsetCursor.Next(offset, results.Items.Count, results.Total), results.Total));
    }

    private static async Task<IResult> FromUrl(HttpContext http, JobAdReader reader, Problems problems, IStringLocalizer<Texts> t)
    {
        var body = await JsonBody.ReadAsync<FromUrlRequest>(http.Request, http.RequestAborted);
        if (body.WrongContentType) return problems.UnsupportedMediaType();
        if (body.NotJson) return problems.BadRequest("Api.Problem.NotJson");
        if (body.FieldError is { } fe) return problems.Validation([fe]);
        if (string.IsNullOrWhiteSpace(body.Value!.Url)) return problems.Validation([new FieldError("url", "JobAds.Error.UrlRequired")]);
        if (JobAdFetcher.WebAddress(body.Value.Url) is not { } address) return problems.Validation([new FieldError("url", "JobAds.Error.UrlInvalid")]);

        var reading = await reader.ReadAsync(address, http.RequestAborted);
        if (reading.Fields is { } fields) return TypedResults.Ok(JobAdFieldsDto.From(fields));
        return FeatureProblems.Make(t, StatusCodes.Status422UnprocessableEntity, reading.ErrorKey!, ApiNames.Of(reading.Failure!.Value));
    }

    internal static bool IsCode(string text, int length) => text.Length == length && text.All(char.IsAsciiDigit);
}
