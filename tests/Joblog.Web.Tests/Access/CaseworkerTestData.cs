using System.Net;
using Joblog.Web.Features.Demo;
using Joblog.Web.Tests.Infrastructure;
using Joblog.Web.Tests.Pages;
using Shouldly;

namespace Joblog.Web.Tests.Access;

internal static class CaseworkerTestData
{
    public static string Cpr(string persona) => Personas.Citizens.Single(c => c.Key == persona).Cpr;

    /// <summary>Enters the CPR number in "Se borgers Jobnet" like a browser would; returns the answer.</summary>
    public static async Task<HttpResponseMessage> LookUpAsync(this HttpClient staff, string cpr)
    {
        var form = await staff.GetPageAsync("/sagsbehandleradgang");
        return await staff.SubmitAsync(form, "#lookup-form", new() { ["Cpr"] = cpr });
    }

    /// <summary>A staff member signed in and looking at the persona's Jobnet.</summary>
    public static async Task<HttpClient> ViewingAsync(this JoblogApp app, string staff, string persona)
    {
        var client = await app.SignedIn(staff);
        var answer = await client.LookUpAsync(Cpr(persona));
        answer.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"{staff} → {persona}");
        return client;
    }
}
