using Joblog.Core.Logs;
using Joblog.Web.Access;
using Joblog.Web.Api;
using Joblog.Web.Auth;
using Joblog.Web.Features.JobGoals;

namespace Joblog.Web.Features.Requirements;

/// <summary>
/// /api/v1/citizens/{citizenId}/requirements — GET for anyone the gate lets see the citizen (the citizen too): the sets in
/// force with live progress. PUT (set) and DELETE (end) the caller's organisation's own set: jobcenter and a-kasse staff and
/// systems within the gate's rules (<see cref="StaffTools.MaySetRequirements"/>); If-Match with the organisation's version
/// (428 without, 412 when stale; "0" before the first set). The ETag of a GET is that version, for callers who may set.
/// </summary>
public static class RequirementsApi
{
    public static void MapRequirementsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/citizens/{citizenId:guid}/requirements").WithTags("Requirements");
        group.MapGet("", Get).Produces<RequirementsDto>();
        group.MapPut("", Set).Accepts<RequirementsRequest>("application/json").Produces<RequirementsDto>();
        group.MapDelete("", End).Produces(StatusCodes.Status204NoContent);
    }

    private static async Task<IResult> Get(Guid citizenId, HttpContext http, CitizenGate gate, RequirementsView view, RequirementStore store,
        Problems problems)
    {
        var access = await gate.OpenAsync(Actor.From(http.User)!, citizenId, "requirements.read", http.RequestAborted);
        if (access is null) return problems.NotFound();
        return await AnswerAsync(http, access, view, store);
    }

    private static async Task<IResult> Set(Guid citizenId, HttpContext http, CitizenGate gate, RequirementsView view, RequirementStore store,
        OccupationSearch occupations, MunicipalityList municipalities, Problems problems)
    {
        var expected = IfMatch.Version(http.Request);
        if (expected is null) return problems.Of(StatusCodes.Status428PreconditionRequired, "Requirements.Problem.IfMatchRequired");
        var body = await JsonBody.ReadAsync<RequirementsRequest>(http.Request, http.RequestAborted);
        if (body.WrongContentType) return problems.UnsupportedMediaType();
        if (body.NotJson) return problems.BadRequest("Api.Problem.NotJson");
        if (body.FieldError is { } fe) return problems.Validation([fe]);
        var (input, errors) = await ReadAsync(body.Value!, occupations, municipalities, http.RequestAborted);
        if (errors.Count > 0) return problems.Validation(errors);

        var (access, refusal) = await gate.OpenForToolAsync(Actor.From(http.User)!, citizenId, "requirements.write", StaffTools.MaySetRequirements,
            write: true, http.RequestAborted);
        if (access is null) return refusal == ToolRefusal.Forbidden ? problems.Forbidden() : problems.NotFound();
        var result = await store.SetAsync(access, expected.Value, input!, http.RequestAborted);
        if (result.Outcome == RequirementOutcome.Stale) return problems.Of(StatusCodes.Status412PreconditionFailed, "Requirements.Problem.Stale");
        return await AnswerAsync(http, access, view, store);
    }

    private static async Task<IResult> End(Guid citizenId, HttpContext http, CitizenGate gate, RequirementStore store, Problems problems)
    {
        var expected = IfMatch.Version(http.Request);
        if (expected is null) return problems.Of(StatusCodes.Status428PreconditionRequired, "Requirements.Problem.IfMatchRequired");
        var (access, refusal) = await gate.OpenForToolAsync(Actor.From(http.User)!, citizenId, "requirements.write", StaffTools.MaySetRequirements,
            write: true, http.RequestAborted);
        if (access is null) return refusal == ToolRefusal.Forbidden ? problems.Forbidden() : problems.NotFound();
        var result = await store.EndAsync(access, expected.Value, http.RequestAborted);
        switch (result.Outcome)
        {
            case RequirementOutcome.Stale: return problems.Of(StatusCodes.Status412PreconditionFailed, "Requirements.Problem.Stale");
            case RequirementOutcome.NotFound: return problems.NotFound();
            default:
                http.Response.Headers.ETag = ETag(result.Version);
                return TypedResults.NoContent();
        }
    }

    private static async Task<IResult> AnswerAsync(HttpContext http, CitizenAccess access, RequirementsView view, RequirementStore store)
    {
        var overview = await view.LoadAsync(access, http.RequestAborted);
        if (overview.MaySet) http.Response.Headers.ETag = ETag(await store.VersionAsync(access, http.RequestAborted));
        return TypedResults.Ok(RequirementsDto.From(overview));
    }

    /// <summary>The body as canonical input, with every broken rule named by its field.</summary>
    private static async Task<(RequirementInput? Input, List<FieldError> Errors)> ReadAsync(RequirementsRequest body, OccupationSearch occupations,
        MunicipalityList municipalities, CancellationToken ct)
    {
        var occupationCodes = (body.OccupationCodes ?? []).Select(c => c?.Trim() ?? "").ToList();
        var municipalityCodes = (body.MunicipalityCodes ?? []).Select(c => c?.Trim() ?? "").ToList();
        var methods = (body.Methods ?? []).Select(m => ApiNames.ParseOrNull<ApplicationType>(m)).ToList();
        var errors = RequirementRules.Validate(body.ApplicationsPerWeek, body.MaxKm, occupationCodes.Count);
        if (occupationCodes.Any(c => c.Length == 0) || (await occupations.UnknownAsync(occupationCodes, ct)).Count > 0)
            errors.Add(new("occupationCodes", "Requirements.Error.OccupationUnknown"));
        if (municipalityCodes.Any(c => c.Length == 0) || (await municipalities.UnknownAsync(municipalityCodes, ct)).Count > 0)
            errors.Add(new("municipalityCodes", "Requirements.Error.MunicipalityUnknown"));
        if (methods.Any(m => m is null)) errors.Add(new("methods", "Requirements.Error.MethodUnknown"));
        if (errors.Count > 0) return (null, errors);
        return (RequirementInput.Canonical(body.ApplicationsPerWeek!.Value, occupationCodes, body.MaxKm, municipalityCodes,
            methods.Select(m => m!.Value)), errors);
    }

    private static string ETag(int version) => $"\"{version}\"";
}
