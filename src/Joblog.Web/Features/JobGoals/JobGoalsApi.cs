using Joblog.Core.Logs;
using Joblog.Web.Access;
using Joblog.Web.Api;
using Joblog.Web.Auth;
using Joblog.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.JobGoals;

public sealed record OccupationListDto(IReadOnlyList<OccupationMatch> Items);

/// <summary>
/// /api/v1/citizens/{citizenId}/job-goals — the whole set: GET, and PUT with If-Match (428 without,
/// 412 when stale) — and /api/v1/occupations?q= (reference data for the autocomplete).
/// </summary>
public static class JobGoalsApi
{
    public static void MapJobGoalsApi(this RouteGroupBuilder api)
    {
        var goals = api.MapGroup("/citizens/{citizenId:guid}/job-goals").WithTags("Job goals");
        goals.MapGet("", Get).Produces<JobGoalsDto>();
        goals.MapPut("", Replace).Accepts<JobGoalsDto>("application/json").Produces<JobGoalsDto>();
        api.MapGet("/occupations", Occupations).WithTags("Reference data").Produces<OccupationListDto>();
    }

    private static async Task<IResult> Get(Guid citizenId, HttpContext http, CitizenGate gate, JobGoalStore store, Problems problems)
    {
        var access = await gate.OpenAsync(Actor.From(http.User)!, citizenId, "jobgoals.read", http.RequestAborted);
        if (access is null) return problems.NotFound();
        var set = await store.GetAsync(access, http.RequestAborted);
        http.Response.Headers.ETag = set.ETag;
        return TypedResults.Ok(JobGoalsDto.From(set));
    }

    private static async Task<IResult> Replace(Guid citizenId, HttpContext http, CitizenGate gate, JobGoalStore store, OccupationSearch occupations,
        TimeProvider clock, Problems problems, IStringLocalizer<Texts> t)
    {
        var expected = IfMatch.Version(http.Request);
        if (expected is null) return Problem(t, 428, "JobGoals.Problem.IfMatchRequired");
        var body = await JsonBody.ReadAsync<JobGoalsDto>(http.Request, http.RequestAborted);
        if (body.WrongContentType) return problems.UnsupportedMediaType();
        if (body.NotJson) return problems.BadRequest("Api.Problem.NotJson");
        if (body.FieldError is { } fe) return problems.Validation([fe]);

        var (goals, conditions, errors) = Read(body.Value!, clock.Today().Year);
        var codes = (body.Value!.Goals ?? []).Select((g, i) => (Code: g?.OccupationCode?.Trim(), Index: i)).Where(x => !string.IsNullOrEmpty(x.Code)).ToList();
        var unknown = await occupations.UnknownAsync(codes.Select(x => x.Code!), http.RequestAborted);
        errors.AddRange(codes.Where(x => unknown.Contains(x.Code!))
            .Select(x => new FieldError($"goals[{x.Index}].occupationCode", "JobGoals.Error.CodeUnknown")));
        if (errors.Count > 0) return problems.Validation(errors);

        var access = await gate.OpenAsync(Actor.From(http.User)!, citizenId, "jobgoals.write", http.RequestAborted);
        if (access is null) return problems.NotFound();
        if (!access.CanWrite) return problems.Forbidden();
        var result = await store.ReplaceAsync(access, expected.Value, goals, conditions, http.RequestAborted);
        if (result.Outcome == GoalWriteOutcome.Stale) return Problem(t, 412, "JobGoals.Problem.Stale");
        http.Response.Headers.ETag = result.Set.ETag;
        return TypedResults.Ok(JobGoalsDto.From(result.Set));
    }

    /// <summary>The body as goals and conditions, with every broken rule named by its JSON path.</summary>
    private static (List<JobGoal> Goals, EmploymentConditions Conditions, List<FieldError> Errors) Read(JobGoalsDto body, int currentYear)
    {
        var errors = new List<FieldError>();
        var items = body.Goals ?? [];
        if (body.Goals is null) errors.Add(new("goals", "JobGoals.Error.AtLeastOne"));
        else errors.AddRange(JobGoalRules.ValidateSet(items.Select(g => g?.OccupationCode).ToList()));
        var goals = new List<JobGoal>();
        for (var i = 0; i < items.Count; i++)
        {
            var g = items[i] ?? new JobGoalDto(null, null, null, null, null, null);
            var code = g.OccupationCode?.Trim();
            var goalErrors = JobGoalRules.ValidateGoal(code, g.Trained, g.ExperienceYears, g.ExperienceMonths, g.LastWorkedYear, currentYear);
            errors.AddRange(goalErrors.Select(e => e with { Field = $"goals[{i}].{e.Field}" }));
            if (goalErrors.Count == 0)
                goals.Add(new JobGoal(code!, g.Trained!.Value, g.ExperienceYears!.Value, g.ExperienceMonths!.Value, g.LastWorkedYear));
        }
        var c = body.EmploymentConditions;
        errors.AddRange(JobGoalRules.ValidateConditions(c?.WeeklyHours).Select(e => e with { Field = "employmentConditions." + e.Field }));
        return (goals, new EmploymentConditions(c?.WeeklyHours, c?.EarliestStart), errors);
    }

    private static async Task<IResult> Occupations(string? q, string? limit, OccupationSearch search, Problems problems, HttpContext http)
    {
        if (q is null || q.Trim().Length < OccupationSearch.MinQueryLength)
            return problems.Validation([new FieldError("q", "JobGoals.Error.QueryTooShort")]);
        var size = 10;
        if (limit is not null && (!int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out size)
                                  || size is < 1 or > OccupationSearch.MaxLimit))
            return problems.Validation([new FieldError("limit", "JobGoals.Error.LimitInvalid")]);
        return TypedResults.Ok(new OccupationListDto(await search.SearchAsync(q, size, http.RequestAborted)));
    }

    /// <summary>A problem about job goals (the shared texts speak of logs).</summary>
    private static IResult Problem(IStringLocalizer<Texts> t, int status, string key) =>
        TypedResults.Problem(statusCode: status, title: t[key].Value, detail: t[key + ".Detail"].Value);
}
