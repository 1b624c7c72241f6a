using Joblog.Core.Logs;
using Joblog.Web.Api;
using Joblog.Web.Auth;
using Joblog.Web.Features.Logs;

namespace Joblog.Web.Features.Notices;

public sealed record WorkListItemDto(Guid CitizenId, string Name, string TargetGroup, DateOnly InactiveSince, int DaysInactive, DateTimeOffset NotifiedAt);

public sealed record WorkListDto(string List, IReadOnlyList<WorkListItemDto> Items, int Total, string? NextCursor);

/// <summary>
/// GET /api/v1/worklist/inactivity — the caller's open inactivity notices (<see cref="WorkList"/>): jobcenter staff and
/// systems get their municipality's citizens, a-kasse staff and systems their insured members; anyone else 403.
/// </summary>
public static class WorkListApi
{
    public static void MapWorkListApi(this RouteGroupBuilder api) =>
        api.MapGet("/worklist/inactivity", List).WithTags("Jobcenter tools").Produces<WorkListDto>();

    private static async Task<IResult> List(HttpContext http, WorkList workList, Problems problems, string? limit, string? cursor)
    {
        var errors = new List<FieldError>();
        var size = LogListParameters.Limit(limit, errors);
        if (errors.Count > 0) return problems.Validation(errors);
        try
        {
            var page = await workList.ListAsync(Actor.From(http.User)!, size, cursor, http.RequestAborted);
            if (page is null) return problems.Forbidden();
            return TypedResults.Ok(new WorkListDto(
                page.Kind == WorkListKind.Jobcenter ? "jobcenter" : "akasse",
                page.Items.Select(i => new WorkListItemDto(i.CitizenId, i.Name, i.TargetGroup, i.InactiveSince, i.DaysInactive, i.NotifiedAt)).ToList(),
                page.Total, page.NextCursor));
        }
        catch (BadWorkListCursorException)
        {
            return problems.Validation([new FieldError("cursor", "Api.Error.CursorInvalid")]);
        }
    }
}
