using AngleSharp.Dom;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Joblog.Web.Tests.Infrastructure;
using Joblog.Web.Tests.Pages;
using Shouldly;

namespace Joblog.Web.Tests.JobAds;

/// <summary>
/// The reader as it runs in production (the allow-setting off): a link to this machine or a private network is
/// refused before anything is sent, with a clear Danish message — although the fixture page really is there.
/// </summary>
public sealed class FetchGuardTests(AppFixture fixture, FixturePages pages) : IClassFixture<AppFixture>, IClassFixture<FixturePages>
{
    private const string Refused = "Linket peger på en intern adresse, som Joblog ikke henter fra. Indtast linket til en offentlig jobannonce";

    [Theory]
    [InlineData("http://127.0.0.1:{port}/jsonld")]
    [InlineData("http://localhost:{port}/jsonld")]
    [InlineData("http://[::1]:{port}/jsonld")]
    [InlineData("http://[::ffff:127.0.0.1]:{port}/jsonld")]
    [InlineData("http://2130706433:{port}/jsonld")]
    [InlineData("http://10.20.30.40/job")]
    [InlineData("http://192.168.1.1/job")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[fd00::1]/job")]
    public async Task a_link_to_a_loopback_or_private_address_is_refused(string template)
    {
        var url = template.Replace("{port}", pages.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var client = await fixture.App.SignedIn("mette");

        var response = await client.PostAsJsonAsync("/api/v1/job-ads/from-url", new { url });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("reason").GetString().ShouldBe("refusedAddress");
        problem.GetProperty("title").GetString().ShouldBe(Refused);
    }

    [Fact]
    public async Task the_page_shows_the_refusal_beside_the_field_and_keeps_the_link()
    {
        var url = pages.Url("/jsonld");
        var mette = await fixture.App.SignedIn("mette");
        var form = await mette.GetPageAsync("/joblog/ny/fra-link");

        var response = await mette.SubmitAsync(form, "main form[method=post]", new() { ["Link"] = url });

        var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector(".alert-error a.function-link[href='#Link']")!.TextContent.Trim().ShouldBe(Refused);
        page.QuerySelector("#Link-error")!.TextContent.ShouldContain(Refused);
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Link")!.Value.ShouldBe(url);
        page.QuerySelector("#Form_JobTitle").ShouldBeNull("no log form before a page was read");
    }
}
