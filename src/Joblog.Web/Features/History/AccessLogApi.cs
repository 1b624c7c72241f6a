using Joblog.Core.Logs;
using Joblog.Web.Access;
using Joblog.Web.Api;
using Joblog.Web.Auth;
using Joblog.Web.Features.Logs;

namespace Joblog.Web.Features.History;

public sealed record AccessLogOrganisationDto(string Id, string Name, string Kind);

public sealed record AccessLogItemDto(DateTimeOffset At, AccessLogOrganisationDto Organisation, string ActorKind, string ActorName, string What);

public sealed record AccessLogDto(IReadOnlyList<AccessLogItemDto> Items, string? NextCursor);

/// <summary>
/// GET /api/v1/citizens/{citizenId}/access-log — the citizen's own access history. Only the citizen: anyone else
/// (staff, case systems, another citizen) gets 404, also those the gate would let read the citizen's logs, and
/// no one else's call goes through the gate (so nothing is recorded). Reading it writes no access record.
/// </summary>
public static class AccessLogApi
{
    public static void MapAccessLogApi(this RouteGroupBuilder api) =>
        api.MapGet("/citizens/{citizenId:guid}/access-log", List).WithTags("Citizens").Produces<AccessLogDto>();

    private static async Task<IResult> List(Guid citizenId, HttpContext http, CitizenGate gate, AccessHistory history, Problems problems,
        string? limit, string? cursor)
    {
        var actor = Actor.From(http.User)!;
        if (actor.Kind != ActorKind.Citizen || actor.CitizenId != citizenId) return problems.NotFound();

        var errors = new List<FieldError>();
        var size = LogListParameters.Limit(limit, errors);
        if (errors.Count > 0) return problems.Validation(errors);

        var access = await gate.OpenAsync(actor, citizenId, "accessLog.read", http.RequestAborted);
        if (access is not { IsOwner: true }) return problems.NotFound();
        try
        {
            var page = await history.ListAsync(access, size, cursor, http.RequestAborted);
            return TypedResults.Ok(new AccessLogDto(
                page.Items.Select(l => new AccessLogItemDto(l.At, new AccessLogOrganisationDto(l.OrganisationId, l.OrganisationName, l.OrganisationKind),
                    l.ActorKind, l.ActorName, l.What)).ToList(),
                page.NextCursor));
        }
        catch (BadAccessCursorException)
        {
            return problems.Validation([new FieldError("cursor", "Api.Error.CursorInvalid")]);
        }
    }
}
