using Joblog.Core.Logs;
using Joblog.Web.Access;
using Joblog.Web.Api;
using Joblog.Web.Auth;
using Joblog.Web.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace Joblog.Web.Features.Search;

public sealed record SearchItemDto(Guid CitizenId, string Name, string TargetGroup, int Applications, int DistinctJobTitles,
    double? MaxDistanceKm, DateOnly? LastActivityOn);

public sealed record SearchResultDto(IReadOnlyList<SearchItemDto> Items, int Total, int Offset, int Limit);

/// <summary>
/// <c>POST /api/v1/searches</c>: search across the caller's citizens (jobcenter staff and jobcenter case systems; anyone
/// else gets 404). JSON answers a page (<c>offset</c>, <c>limit</c>) and the total; <c>Accept: text/csv</c> answers the
/// whole result as a CSV file with the CPR numbers, streamed. The criteria travel in the body, never in the URL.
/// </summary>
public static class SearchApi
{
    public static void MapSearchApi(this RouteGroupBuilder api) =>
        api.MapPost("/searches", Search).WithTags("Searches").Accepts<SearchRequest>("application/json")
            .Produces<SearchResultDto>(200).Produces(200, contentType: "text/csv")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(406).ProducesProblem(415);

    private static async Task<IResult> Search(HttpContext http, SearchScopes scopes, CitizenSearch search, TimeProvider clock, Problems problems,
        IStringLocalizer<Texts> t)
    {
        var scope = await scopes.ForAsync(Actor.From(http.User), http.RequestAborted);
        if (scope is null) return problems.NotFound();
        if (Negotiate(http.Request) is not { } format)
            return TypedResults.Problem(statusCode: 406, title: t["Search.Problem.NotAcceptable"]);

        var body = await JsonBody.ReadAsync<SearchRequest>(http.Request, http.RequestAborted);
        if (body.WrongContentType) return problems.UnsupportedMediaType();
        if (body.NotJson) return problems.BadRequest("Api.Problem.NotJson");
        var errors = new List<FieldError>();
        if (body.FieldError is { } fieldError) errors.Add(fieldError with { MessageKey = "Api.Error.InvalidValue" });
        var checkedRequest = errors.Count == 0
            ? body.Value!.Check(clock.Today(), (await search.TargetGroupsAsync(http.RequestAborted)).Select(g => g.Code).ToHashSet(), errors)
            : null;
        if (checkedRequest is not var (criteria, paging)) return problems.Validation(errors);

        if (format == SearchFormat.Csv)
        {
            var hits = search.StreamAsync(scope, criteria, paging with { Offset = 0 }, http.RequestAborted);
            return TypedResults.Stream(body => SearchCsv.WriteAsync(hits, body, t, http.RequestAborted), SearchCsv.ContentType,
                SearchCsv.FileName(clock.Today()));
        }
        var result = await search.SearchAsync(scope, criteria, paging, SearchFormat.Json, http.RequestAborted);
        return TypedResults.Ok(new SearchResultDto(
            result.Items.Select(h => new SearchItemDto(h.CitizenId, h.Name, h.TargetGroup, h.Applications, h.DistinctJobTitles,
                h.MaxDistanceKm is { } km ? Math.Round(km, 1) : null, h.LastActivityOn)).ToList(),
            result.Total, paging.Offset, paging.Limit));
    }

    /// <summary>JSON unless the caller prefers CSV; null when it accepts neither.</summary>
    private static SearchFormat? Negotiate(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0) return SearchFormat.Json;
        double Quality(string type) => accept.Where(a => new MediaTypeHeaderValue(type).IsSubsetOf(a)).Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        double json = Math.Max(Quality("application/json"), Quality("application/problem+json")), csv = Quality("text/csv");
        if (json <= 0 && csv <= 0) return null;
        return csv > json ? SearchFormat.Csv : SearchFormat.Json;
    }
}
