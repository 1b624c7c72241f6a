using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Joblog.Web.Access;
using Joblog.Web.Tests.Infrastructure;
using Shouldly;

namespace Joblog.Web.Tests.Requirements;

internal static class RequirementsTestData
{
    public static DateOnly Today => DanishClock.Today(TimeProvider.System);

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A day relative to today as the pages write it: dd-MM-yyyy.</summary>
    public static string D(int daysFromToday) => Today.AddDays(daysFromToday).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    public static string Url(string persona) => $"/api/v1/citizens/{Clients.CitizenId(persona)}/requirements";

    public static object Body(decimal perWeek, string[]? occupations = null, int? maxKm = null, string[]? municipalities = null, string[]? methods = null) =>
        new { applicationsPerWeek = perWeek, occupationCodes = occupations ?? [], maxKm, municipalityCodes = municipalities ?? [], methods = methods ?? [] };

    public static Task<HttpResponseMessage> PutRequirementsAsync(this HttpClient client, string persona, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, Url(persona)) { Content = JsonContent.Create(body, options: Clients.Json) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> EndRequirementsAsync(this HttpClient client, string persona, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, Url(persona));
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    public static async Task<(JsonElement Body, string? ETag)> GetRequirementsAsync(this HttpClient client, string persona)
    {
        var response = await client.GetAsync(Url(persona));
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>(), response.Headers.ETag?.Tag);
    }

    /// <summary>The set in force from the organisation, from a GET answer.</summary>
    public static JsonElement SetFrom(this JsonElement body, string organisationId) =>
        body.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("organisation").GetProperty("id").GetString() == organisationId);

    /// <summary>A clean slate: the persona's demo logs and requirement sets removed (each test class has its own database).</summary>
    public static async Task WipeAsync(this PostgresConnection db, string persona)
    {
        await db.ExecuteAsync("delete from logs where citizen_id = @id", new { id = Clients.CitizenId(persona) });
        await db.ExecuteAsync("delete from search_requirements where citizen_id = @id", new { id = Clients.CitizenId(persona) });
    }

    public static Task<long> LooksAsync(this PostgresConnection db, string persona, string what) =>
        db.ScalarAsync<long>("select count(*) from access_log where citizen_id = @id and what = @what", new { id = Clients.CitizenId(persona), what });
}
