using System.Net;
using Joblog.Web.Tests.Infrastructure;
using Joblog.Web.Tests.Pages;
using Shouldly;

namespace Joblog.Web.Tests.Access;

/// <summary>
/// The callers of the matrix, each as an <see cref="HttpClient"/> that keeps its cookies and sends an antiforgery
/// token in the <c>RequestVerificationToken</c> header (the header is read before the form field, by the API and
/// by the pages alike): so a page POST meets the page's own rule, not a missing token. The subject is always Mette.
/// </summary>
internal static class MatrixRoles
{
    public const string Subject = "mette";

    private static readonly Dictionary<string, string> Keys = new()
    {
        ["ak01Key"] = "demo-ak-01-system-key",
        ["ak02Key"] = "demo-ak-02-system-key",
        ["jc0751Key"] = "demo-jc-0751-system-key",
    };

    /// <summary>A new client for the role, signed in and (for staff) having tried "Se borgers Jobnet" on Mette.</summary>
    public static async Task<HttpClient> ClientAsync(JoblogApp app, string role) => role switch
    {
        "owner" => await app.SignedIn(Subject),
        "otherCitizen" => await app.SignedIn("ali"),
        "nina" or "berit" => await app.ViewingAsync(role, Subject),
        "karl" or "ole" or "stine" => await RefusedAsync(app, role),
        "anonymous" => await WithPageTokenAsync(app.Anonymous()),
        _ when Keys.TryGetValue(role, out var key) => await WithApiTokenAsync(app.System(key)),
        _ => throw new ArgumentException($"No role {role}", nameof(role)),
    };

    /// <summary>A staff member whose lookup of Mette was refused: signed in, no citizen chosen.</summary>
    private static async Task<HttpClient> RefusedAsync(JoblogApp app, string staff)
    {
        var client = await app.SignedIn(staff);
        (await client.LookUpAsync(CaseworkerTestData.Cpr(Subject))).StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{staff} → {Subject}");
        return client;
    }

    /// <summary>A case system takes the token where a script with a key would: GET /api/v1/antiforgery.</summary>
    private static async Task<HttpClient> WithApiTokenAsync(HttpClient client)
    {
        var answer = await client.GetAsync("/api/v1/antiforgery");
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = System.Text.Json.JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString();
        client.DefaultRequestHeaders.Add("RequestVerificationToken", token);
        return client;
    }

    /// <summary>Someone not signed in takes it from a page's form (the language switcher is on every page).</summary>
    private static async Task<HttpClient> WithPageTokenAsync(HttpClient client)
    {
        var page = await client.GetPageAsync("/tilgaengelighedserklaering");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        token.ShouldNotBeNullOrEmpty();
        client.DefaultRequestHeaders.Add("RequestVerificationToken", token);
        return client;
    }
}
