using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Joblog.Web.Tests.Access;

/// <summary>
/// Every endpoint the running app answers, read from its <see cref="EndpointDataSource"/> (the composite of
/// all data sources): minimal-API routes with their HTTP methods, and each Razor page once per handler method,
/// found by loading the page the way the router does (<see cref="PageLoader"/>): <c>OnPostCloseAsync</c> on
/// <c>/joblog/{id:guid}</c> is <c>POST /joblog/{id:guid}?handler=Close</c>. A page without handler methods
/// answers GET. An endpoint that names no method (the health check answers any) is listed as GET. Routes are
/// written with a leading slash and without a trailing one (a group's <c>MapGet("")</c> ends in one; routing ignores it).
/// Static files are no endpoints.
/// </summary>
internal static class MatrixEndpoints
{
    public static async Task<IReadOnlyList<MatrixEndpoint>> OfAsync(IServiceProvider services)
    {
        var source = services.GetRequiredService<EndpointDataSource>();
        var pages = services.GetRequiredService<PageLoader>();
        var found = new List<MatrixEndpoint>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<ISuppressMatchingMetadata>() is { SuppressMatching: true }) continue;
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var handlers = (await pages.LoadAsync(page, endpoint.Metadata)).HandlerMethods;
                if (handlers.Count == 0) found.Add(new MatrixEndpoint(HttpMethods.Get, route));
                found.AddRange(handlers.Select(h => new MatrixEndpoint(
                    h.HttpMethod.ToUpperInvariant(), h.Name is null ? route : $"{route}?handler={h.Name}")));
            }
            else
            {
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get];
                found.AddRange(methods.Select(m => new MatrixEndpoint(m.ToUpperInvariant(), route)));
            }
        }
        return found.Distinct().ToList();
    }
}
