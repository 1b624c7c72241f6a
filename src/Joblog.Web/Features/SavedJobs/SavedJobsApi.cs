using Joblog.Core.Logs;
using Joblog.Web.Access;
using Joblog.Web.Api;
using Joblog.Web.Auth;
using Joblog.Web.Features.JobAds;
using Joblog.Web.Features.Logs;
using Joblog.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.SavedJobs;

/// <summary>A saved job as the API shows it: the fields in a log's shape, plus the log made from it.</summary>
public sealed record SavedJobDto(
    Guid Id, Guid? JobAdId, string? JobTitle, EmployerDto Employer, DateOnly? Deadline, bool DeadlinePassed, string? JobAdUrl,
    string? OccupationCode, WorkingTime? WorkingTime, DateTimeOffset CreatedAt, Channel Channel, Guid? LogId)
{
    public static SavedJobDto From(SavedJob j, DateOnly today)
    {
        var c = j.Content;
        return new(j.Id, j.JobAdId, c.JobTitle, new EmployerDto(c.EmployerName, c.EmployerAddress, c.EmployerPostalCode, c.EmployerCity),
            c.Deadline, j.DeadlinePassed(today), c.JobAdUrl, c.OccupationCode, c.WorkingTime, j.CreatedAt, j.Channel, j.LogId);
    }
}

/// <summary>Save one of the job ads (<c>jobAdId</c>), or any job by its fields (e.g. what <c>job-ads/from-url</c> read).</summary>
public sealed record SavedJobInput(Guid? JobAdId, string? JobTitle, EmployerDto? Employer, DateOnly? Deadline, string? JobAdUrl, string? OccupationCode, WorkingTime? WorkingTime);

public sealed record SavedJobListDto(IReadOnlyList<SavedJobDto> Items, string? NextCursor);

/// <summary>/api/v1/citizens/{citizenId}/saved-jobs — gemte job, through the gate like the joblog.</summary>
public static class SavedJobsApi
{
    public static void MapSavedJobsApi(this RouteGroupBuilder api)
    {
        var saved = api.MapGroup("/citizens/{citizenId:guid}/saved-jobs").WithTags("Saved jobs");
        saved.MapGet("", List).Produces<SavedJobListDto>();
        saved.MapPost("", Save).Accepts<SavedJobInput>("application/json").Produces<SavedJobDto>(201).Produces<SavedJobDto>();
        saved.MapGet("/{id:guid}", Get).Produces<SavedJobDto>();
        saved.MapDelete("/{id:guid}", Delete).Produces(204);
        saved.MapPost("/{id:guid}/log", CreateLog).Produces<LogDto>(201).ProducesProblem(409);
    }

    private static async Task<IResult> List(Guid citizenId, HttpContext http, CitizenGate gate, SavedJobStore store, Problems problems,
        TimeProvider clock, string? limit, string? cursor)
    {
        var errors = new List<FieldError>();
        var size = LogListParameters.Limit(limit, errors);
        var offset = OffsetCursor.Offset(cursor, errors);
        if (errors.Count > 0) return problems.Validation(errors);
        var access = await gate.OpenAsync(Actor.From(http.User)!, citizenId, "savedJobs.list", http.RequestAborted);
        if (access is null) return problems.NotFound();
        var all = await store.ListAsync(access, http.RequestAborted);
        var page = all.Skip(offset).Take(size).Select(j => SavedJobDto.From(j, clock.Today())).ToList();
        return TypedResults.Ok(new SavedJobListDto(page, OffsetCursor.Next(offset, page.Count, all.Count)));
    }

    private static async Task<IResult> Get(Guid citizenId, Guid id, HttpContext http, CitizenGate gate, SavedJobStore store, Problems problems, TimeProvider clock)
    {
        var access = await gate.OpenAsync(Actor.From(http.User)!, citizenId, "savedJob.read", http.RequestAborted);
        var job = access is null ? null : await store.GetAsync(access, id, http.RequestAborted);
        if (job is null) return problems.NotFound();
        http.Response.Headers.ETag = job.ETag;
        return TypedResults.Ok(SavedJobDto.From(job, clock.Today()));
    }

    private static async Task<IResult> Save(Guid citizenId, HttpContext http, CitizenGate gate, SavedJobStore store, Problems problems, TimeProvider clock)
    {
        var body = await JsonBody.ReadAsync<SavedJobInput>(http.Request, http.RequestAborted);
        if (body.WrongContentType) return problems.UnsupportedMediaType();
        if (body.NotJson) return problems.BadRequest("Api.Problem.NotJson");
        if (body.FieldError is { } fe) return problems.Validation([fe]);
        var input = body.Value!;
        var content = SavedJob.ContentOf(input.JobTitle, input.Employer?.Name, input.Employer?.Address, input.Employer?.PostalCode,
            input.Employer?.City, input.Deadline, input.JobAdUrl, input.OccupationCode, input.WorkingTime);
        if (input.JobAdId is null && SavedJob.Validate(content, clock.Today()) is { Count: > 0 } errors) return problems.Validation(errors);

        var access = await gate.OpenForWriteAsync(Actor.From(http.User)!, citizenId, "savedJob.write", http.RequestAborted);
        if (access is null) return problems.NotFound();
        if (!access.CanWrite) return problems.Forbidden();
        var result = input.JobAdId is { } adId
            ? await store.SaveAdAsync(access, adId, http.RequestAborted)
            : await store.SaveAsync(access, content, http.RequestAborted);
        if (result.Job is not { } job) return problems.Validation([new FieldError("jobAdId", "SavedJobs.Error.AdUnknown")]);

        http.Response.Headers.ETag = job.ETag;
        http.Response.Headers.Location = $"/api/v1/citizens/{citizenId}/saved-jobs/{job.Id}";
        var dto = SavedJobDto.From(job, clock.Today());
        // Saving the same job again changes nothing and answers with the one saved before.
        return result.Outcome == SavedJobOutcome.AlreadySaved ? TypedResults.Ok(dto) : TypedResults.Created(http.Response.Headers.Location.ToString(), dto);
    }

    private static async Task<IResult> Delete(Guid citizenId, Guid id, HttpContext http, CitizenGate gate, SavedJobStore store, Problems problems,
        IStringLocalizer<Texts> t)
    {
        var expected = IfMatch.Version(http.Request);
        if (expected is null) return FeatureProblems.Make(t, 428, "SavedJobs.Problem.IfMatchRequired");
        var access = await gate.OpenAsync(Actor.From(http.User)!, citizenId, "savedJob.write", http.RequestAborted);
        if (access is null) return problems.NotFound();
        if (!access.CanWrite) return await store.GetAsync(access, id, http.RequestAborted) is null ? problems.NotFound() : problems.Forbidden();
        return await store.DeleteAsync(access, id, expected.Value, http.RequestAborted) switch
        {
            SavedJobOutcome.NotFound => problems.NotFound(),
            SavedJobOutcome.Stale => FeatureProblems.Make(t, 412, "SavedJobs.Problem.Stale"),
            _ => TypedResults.NoContent(),
        };
    }

    /// <summary>Turns a saved job into a log with status Ikke søgt (201 like creating a log); the saved job is marked as logged.</summary>
    private static async Task<IResult> CreateLog(Guid citizenId, Guid id, HttpContext http, CitizenGate gate, SavedJobStore store, Problems problems,
        TimeProvider clock, IStringLocalizer<Texts> t)
    {
        var access = await gate.OpenAsync(Actor.From(http.User)!, citizenId, "log.write", http.RequestAborted);
        if (access is null) return problems.NotFound();
        var job = await store.GetAsync(access, id, http.RequestAborted);
        if (job is null) return problems.NotFound();
        if (!access.CanWrite) return problems.Forbidden();
        if (job.LogId is not null) return FeatureProblems.Make(t, 409, "SavedJobs.Problem.AlreadyLogged");
        if (LogRules.Validate(job.Content, clock.Today()) is { Count: > 0 } errors) return problems.Validation(errors);

        var result = await store.CreateLogAsync(access, id, job.Content, http.RequestAborted);
        if (result.Outcome == SavedJobOutcome.NotFound) return problems.NotFound();
        if (result.Outcome == SavedJobOutcome.AlreadyLogged) return FeatureProblems.Make(t, 409, "SavedJobs.Problem.AlreadyLogged");
        var log = result.Log!;
        http.Response.Headers.ETag = log.ETag;
        http.Response.Headers.Location = $"/api/v1/citizens/{citizenId}/logs/{log.Id}";
        return TypedResults.Text(result.LogJson!, "application/json", statusCode: StatusCodes.Status201Created);
    }
}
