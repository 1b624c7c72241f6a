using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Joblog.Web.Tests.Infrastructure;
using Shouldly;

namespace Joblog.Web.Tests.Attachments;

/// <summary>Calls of the attachments API, as a case system or a signed-in citizen makes them.</summary>
public static class AttachmentRequests
{
    public static string Url(string persona, Guid logId) => $"{Clients.LogsUrl(persona)}/{logId}/attachments";

    /// <summary>A multipart body with the file in field <paramref name="field"/>; the name goes in <c>filename*</c>, exactly as given.</summary>
    public static MultipartFormDataContent Multipart(byte[] bytes, string fileName, string field = "file")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        file.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"{field}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}");
        return new MultipartFormDataContent { file };
    }

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, string persona, Guid logId, byte[] bytes, string fileName) =>
        client.PostAsync(Url(persona, logId), Multipart(bytes, fileName));

    /// <summary>Uploads and expects 201; returns the answer's JSON.</summary>
    public static async Task<JsonElement> AttachAsync(this HttpClient client, string persona, Guid logId, byte[] bytes, string fileName)
    {
        var response = await client.UploadAsync(persona, logId, bytes, fileName);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A new job-search log of the persona's, made through the API; its id.</summary>
    public static async Task<Guid> NewLogAsync(this HttpClient client, string persona)
    {
        var (log, _) = await client.CreateLogAsync(persona);
        return log.GetProperty("id").GetGuid();
    }

    public static async Task<string> TitleAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString()!;
}
