using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Joblog.Web.Tests.Infrastructure;
using Shouldly;

namespace Joblog.Web.Tests.JobAds;

/// <summary>POST /api/v1/job-ads/from-url against the fixture pages: what is read, and every way a page can fail.</summary>
public sealed class FromUrlApiTests(JobAdFixture fixture) : IClassFixture<JobAdFixture>
{
    private async Task<HttpResponseMessage> ReadAsync(string url)
    {
        var client = await fixture.App.SignedIn("mette");
        return await client.PostAsJsonAsync("/api/v1/job-ads/from-url", new { url });
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task a_json_ld_job_posting_in_a_graph_gives_title_employer_address_deadline_working_time_and_occupation()
    {
        var url = fixture.Pages.Url("/jsonld");
        var response = await ReadAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var ad = await JsonAsync(response);
        ad.GetProperty("jobTitle").GetString().ShouldBe("Kontorassistent");
        ad.GetProperty("employer").GetProperty("name").GetString().ShouldBe("Rådhusets Administration & Service");
        ad.GetProperty("employer").GetProperty("address").GetString().ShouldBe("Rådhuspladsen 2");
        ad.GetProperty("employer").GetProperty("postalCode").GetString().ShouldBe("8000");
        ad.GetProperty("employer").GetProperty("city").GetString().ShouldBe("Aarhus C");
        ad.GetProperty("deadline").GetString().ShouldBe("2026-12-15");
        ad.GetProperty("workingTime").GetString().ShouldBe("fullTime");
        ad.GetProperty("jobAdUrl").GetString().ShouldBe(url);
        ad.GetProperty("occupationCode").GetString().ShouldBe("4110", "Kontorassistent is a known job title");
        ad.GetProperty("source").GetString().ShouldBe("jobPosting");
    }

    [Fact]
    public async Task microdata_is_read_with_each_property_from_its_own_item()
    {
        var ad = await JsonAsync(await ReadAsync(fixture.Pages.Url("/microdata")));

        ad.GetProperty("jobTitle").GetString().ShouldBe("Elektriker til service");
        ad.GetProperty("employer").GetProperty("name").GetString().ShouldBe("Installatøren ApS");
        ad.GetProperty("employer").GetProperty("address").GetString().ShouldBe("Industrivej 4");
        ad.GetProperty("employer").GetProperty("postalCode").GetString().ShouldBe("8660");
        ad.GetProperty("employer").GetProperty("city").GetString().ShouldBe("Skanderborg");
        ad.GetProperty("deadline").GetString().ShouldBe("2026-12-20");
        ad.GetProperty("workingTime").GetString().ShouldBe("partTime");
        ad.GetProperty("source").GetString().ShouldBe("jobPosting");
    }

    [Fact]
    public async Task without_a_job_posting_the_open_graph_title_and_site_name_are_used()
    {
        var ad = await JsonAsync(await ReadAsync(fixture.Pages.Url("/og")));

        ad.GetProperty("jobTitle").GetString().ShouldBe("Lagermedarbejder til nattehold");
        ad.GetProperty("employer").GetProperty("name").GetString().ShouldBe("Fragtmanden");
        ad.GetProperty("deadline").ValueKind.ShouldBe(JsonValueKind.Null);
        ad.GetProperty("source").GetString().ShouldBe("openGraph");
    }

    [Fact]
    public async Task a_bare_page_title_is_used_and_the_charset_of_the_response_is_respected()
    {
        var title = await JsonAsync(await ReadAsync(fixture.Pages.Url("/title")));
        title.GetProperty("jobTitle").GetString().ShouldBe("Butiksassistent i Ry");
        title.GetProperty("source").GetString().ShouldBe("pageTitle");

        var latin1 = await JsonAsync(await ReadAsync(fixture.Pages.Url("/latin1")));
        latin1.GetProperty("jobTitle").GetString().ShouldBe("Køkkenmedhjælper på Søhøjlandet");
    }

    [Fact]
    public async Task three_redirects_are_followed_also_relative_ones_and_the_pasted_link_is_kept()
    {
        var url = fixture.Pages.Url("/redirect/3");
        var ad = await JsonAsync(await ReadAsync(url));
        ad.GetProperty("jobTitle").GetString().ShouldBe("Kontorassistent");
        ad.GetProperty("jobAdUrl").GetString().ShouldBe(url);

        (await JsonAsync(await ReadAsync(fixture.Pages.Url("/relative-redirect")))).GetProperty("jobTitle").GetString().ShouldBe("Kontorassistent");
    }

    [Theory]
    [InlineData("/redirect/4", "tooManyRedirects", "Siden sender videre for mange gange. Åbn annoncen i din browser, og kopiér linket fra adresselinjen")]
    [InlineData("/slow", "timeout", "Siden svarede ikke i tide. Prøv igen om lidt, eller udfyld loggen selv")]
    [InlineData("/pdf", "notHtml", "Linket peger ikke på en webside, men fx på en PDF-fil. Indtast linket til selve annoncen")]
    [InlineData("/no-such-page", "httpStatus", "Siden kunne ikke hentes. Tjek, at linket er rigtigt, og at annoncen stadig findes")]
    [InlineData("/empty", "nothingFound", "Vi fandt ingen oplysninger om jobbet på siden")]
    [InlineData("/to-file", "unreachable", "Vi kunne ikke få forbindelse til siden. Tjek, at linket er rigtigt")]
    public async Task a_page_that_cannot_be_used_answers_422_with_a_danish_reason(string path, string reason, string title)
    {
        var response = await ReadAsync(fixture.Pages.Url(path));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await JsonAsync(response);
        problem.GetProperty("reason").GetString().ShouldBe(reason);
        problem.GetProperty("title").GetString().ShouldBe(title);
    }

    [Fact]
    public async Task only_the_first_2_MB_of_a_huge_page_are_read()
    {
        var ad = await JsonAsync(await ReadAsync(fixture.Pages.Url("/huge")));

        // The JSON-LD after 3 MB of text would have won over the title, had it been read.
        ad.GetProperty("jobTitle").GetString().ShouldBe("Meget stor side");
        ad.GetProperty("source").GetString().ShouldBe("pageTitle");
    }

    [Theory]
    [InlineData("", "Indtast linket til jobannoncen")]
    [InlineData("www.example.dk/job/1", "Indtast et link, der begynder med https:// eller http://")]
    [InlineData("ftp://example.dk/job", "Indtast et link, der begynder med https:// eller http://")]
    [InlineData("javascript:alert(1)", "Indtast et link, der begynder med https:// eller http://")]
    public async Task a_missing_or_malformed_link_is_a_validation_error(string url, string message)
    {
        var response = await ReadAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonAsync(response)).GetProperty("errors").GetProperty("url")[0].GetString().ShouldBe(message);
    }

    [Fact]
    public async Task the_reader_needs_a_signed_in_caller()
    {
        var response = await fixture.App.Anonymous().PostAsJsonAsync("/api/v1/job-ads/from-url", new { url = fixture.Pages.Url("/jsonld") });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
