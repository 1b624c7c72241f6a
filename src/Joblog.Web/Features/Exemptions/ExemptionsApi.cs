using Joblog.Core.Logs;
using Joblog.Web.Access;
using Joblog.Web.Api;
using Joblog.Web.Auth;
using Joblog.Web.Features.Requirements;

namespace Joblog.Web.Features.Exemptions;

public sealed record GrantExemptionRequest(DateOnly? From, DateOnly? To, string? Reason);

public sealed record EndExemptionRequest(DateOnly? To);

/// <summary>An exemption in the API. <c>appliesToday</c>: the citizen is exempt today by this one.</summary>
public sealed record ExemptionDto(Guid Id, DateOnly From, DateOnly? To, string Reason, string? Organisation, Author Granted, DateTimeOffset CreatedAt,
    Author? Ended, DateTimeOffset? EndedAt, bool AppliesToday)
{
    public static ExemptionDto Of(Exemption e, DateOnly today) =>
        new(e.Id, e.From, e.To, e.Reason, e.OrganisationName, e.Granted, e.CreatedAt, e.Ended, e.EndedAt, e.AppliesOn(today));
}

public sealed record ExemptionListDto(IReadOnlyList<ExemptionDto> Items);

/// <summary>
/// /api/v1/citizens/{citizenId}/exemptions — jobcenter staff and systems for citizens of their municipality: list,
/// grant (POST), read one, end one (POST …/{id}/end). Whoever the gate refuses gets 404; the citizen and the a-kasse,
/// whom the gate lets see the citizen, get 403 and leave no look behind.
/// </summary>
public static class ExemptionsApi
{
    public static void MapExemptionsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/citizens/{citizenId:guid}/exemptions").WithTags("Exemptions");
        group.MapGet("", List).Produces<ExemptionListDto>();
        group.MapPost("", Grant).Accepts<GrantExemptionRequest>("application/json").Produces<ExemptionDto>(StatusCodes.Status201Created);
        group.MapGet("/{exemptionId:guid}", Get).Produces<ExemptionDto>();
        group.MapPost("/{exemptionId:guid}/end", End).Accepts<EndExemptionRequest>("application/json").Produces<ExemptionDto>();
    }

    private static async Task<IResult> List(Guid citizenId, HttpContext http, CitizenGate gate, ExemptionStore store, TimeProvider clock, Problems problems)
    {
        var (access, refusal) = await OpenAsync(http, gate, citizenId, "exemptions.read", write: false);
        if (access is null) return Refused(refusal, problems);
        var items = await store.ListAsync(access, http.RequestAborted) ?? [];
        var today = clock.Today();
        return TypedResults.Ok(new ExemptionListDto(items.Select(e => ExemptionDto.Of(e, today)).ToList()));
    }

    private static async Task<IResult> Get(Guid citizenId, Guid exemptionId, HttpContext http, CitizenGate gate, ExemptionStore store, TimeProvider clock,
        Problems problems)
    {
        var (access, refusal) = await OpenAsync(http, gate, citizenId, "exemptions.read", write: false);
        if (access is null) return Refused(refusal, problems);
        var exemption = await store.GetAsync(access, exemptionId, http.RequestAborted);
        return exemption is null ? problems.NotFound() : TypedResults.Ok(ExemptionDto.Of(exemption, clock.Today()));
    }

    private static async Task<IResult> Grant(Guid citizenId, HttpContext http, CitizenGate gate, ExemptionStore store, TimeProvider clock,
        Problems problems)
    {
        var body = await JsonBody.ReadAsync<GrantExemptionRequest>(http.Request, http.RequestAborted);
        if (body.WrongContentType) return problems.UnsupportedMediaType();
        if (body.NotJson) return problems.BadRequest("Api.Problem.NotJson");
        if (body.FieldError is { } fe) return problems.Validation([fe]);
        var request = body.Value!;
        if (ExemptionRules.ValidateGrant(request.From, request.To, request.Reason) is { Count: > 0 } errors) return problems.Validation(errors);

        var (access, refusal) = await OpenAsync(http, gate, citizenId, "exemptions.write", write: true);
        if (access is null) return Refused(refusal, problems);
        var result = await store.GrantAsync(access, request.From!.Value, request.To, request.Reason!, http.RequestAborted);
        if (result.Outcome == ExemptionOutcome.Overlaps) return problems.Of(StatusCodes.Status409Conflict, "Exemptions.Problem.Overlap");
        var dto = ExemptionDto.Of(result.Exemption!, clock.Today());
        return TypedResults.Created($"/api/v1/citizens/{citizenId}/exemptions/{dto.Id}", dto);
    }

    private static async Task<IResult> End(Guid citizenId, Guid exemptionId, HttpContext http, CitizenGate gate, ExemptionStore store,
        TimeProvider clock, Problems problems)
    {
        var today = clock.Today();
        DateOnly? to = today;
        // No body: the exemption ends today.
        if (http.Request.ContentLength > 0 || http.Request.HasJsonContentType())
        {
            var body = await JsonBody.ReadAsync<EndExemptionRequest>(http.Request, http.RequestAborted);
            if (body.WrongContentType) return problems.UnsupportedMediaType();
            if (body.NotJson) return problems.BadRequest("Api.Problem.NotJson");
            if (body.FieldError is { } fe) return problems.Validation([fe]);
            to = body.Value!.To ?? today;
        }

        var (access, refusal) = await OpenAsync(http, gate, citizenId, "exemptions.write", write: true);
        if (access is null) return Refused(refusal, problems);
        var result = await store.EndAsync(access, exemptionId, to, http.RequestAborted);
        return result.Outcome switch
        {
            ExemptionOutcome.NotFound => problems.NotFound(),
            ExemptionOutcome.AlreadyOver => problems.Of(StatusCodes.Status409Conflict, "Exemptions.Problem.Over"),
            ExemptionOutcome.Invalid => problems.Validation(result.Errors!),
            _ => TypedResults.Ok(ExemptionDto.Of(result.Exemption!, today)),
        };
    }

    private static Task<(CitizenAccess? Access, ToolRefusal Refusal)> OpenAsync(HttpContext http, CitizenGate gate, Guid citizenId, string what, bool write) =>
        gate.OpenForToolAsync(Actor.From(http.User)!, citizenId, what, StaffTools.MayManageExemptions, write, http.RequestAborted);

    private static IResult Refused(ToolRefusal refusal, Problems problems) =>
        refusal == ToolRefusal.Forbidden ? problems.Forbidden() : problems.NotFound();
}
