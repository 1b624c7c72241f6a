using System.Net.Http.Json;
using System.Text.Json;
using Joblog.Web.Api;
using Joblog.Web.Features.Demo;
using Microsoft.AspNetCore.Mvc.Testing;
using Shouldly;

namespace Joblog.Web.Tests.Infrastructure;

/// <summary>The callers of DEMO.md: citizens and staff with a cookie session, case systems with a key.</summary>
public static class Clients
{
    public static readonly JsonSerializerOptions Json = ApiJson.Options;

    public static HttpClient Anonymous(this WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

    public static HttpClient System(this WebApplicationFactory<Program> app, string key)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return client;
    }

    /// <summary>Signs in through the demo login like a browser would and arms the API antiforgery header.</summary>
    public static async Task<HttpClient> SignedIn(this WebApplicationFactory<Program> app, string persona)
    {
        var client = app.Anonymous();
        var login = await client.PostAsync("/test-login", new FormUrlEncodedContent(new Dictionary<string, string> { ["persona"] = persona }));
        login.StatusCode.ShouldBe(global::System.Net.HttpStatusCode.Redirect);
        var token = await client.GetFromJsonAsync<JsonElement>("/api/v1/antiforgery");
        client.DefaultRequestHeaders.Add("RequestVerificationToken", token.GetProperty("token").GetString());
        return client;
    }

    public static Guid CitizenId(string persona) => Personas.CitizenId(persona);

    public static string LogsUrl(string persona) => $"/api/v1/citizens/{CitizenId(persona)}/logs";

    public static object NewJobSearch(string title = "Kontorassistent", string status = "applied") => new
    {
        kind = "jobSearch", status, jobTitle = title, employer = new { name = "Firma A/S", postalCode = "8000", city = "Aarhus C" },
    };

    public static async Task<(JsonElement Log, string ETag)> CreateLogAsync(this HttpClient client, string persona, object? body = null)
    {
        var response = await client.PostAsJsonAsync(LogsUrl(persona), body ?? NewJobSearch(), Json);
        response.StatusCode.ShouldBe(global::System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>(), response.Headers.ETag!.Tag);
    }

    public static async Task<int> CountLogsAsync(this PostgresConnection db, string persona) =>
        await db.ScalarAsync<int>("select count(*)::int from logs where citizen_id = @id", new { id = CitizenId(persona) });
}
