using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Joblog.Web.Tests.Infrastructure;
using Shouldly;

namespace Joblog.Web.Tests.Evidence;

/// <summary>Changes a log through the API as its owner would (PUT with If-Match), so that its history has a second version.</summary>
internal static class LogChanges
{
    public static async Task ReplaceAsync(this HttpClient client, string persona, JsonElement log, string etag, object body)
    {
        var put = new HttpRequestMessage(HttpMethod.Put, $"{Clients.LogsUrl(persona)}/{log.GetProperty("id")}")
        {
            Content = JsonContent.Create(body, options: Clients.Json),
        };
        put.Headers.TryAddWithoutValidation("If-Match", etag);
        (await client.SendAsync(put)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
