using AngleSharp.Dom;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Joblog.Web.Features.Demo;
using Joblog.Web.Tests.Infrastructure;
using Joblog.Web.Tests.Pages;
using Shouldly;

namespace Joblog.Web.Tests.JobAds;

/// <summary>Find job: the demo job ads searched by text, occupation and distance from home (page and API), and "Gem job".</summary>
public sealed class FindJobTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly PostgresConnection db = new(fixture.ConnectionString);

    private static async Task<List<JsonElement>> ItemsAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/job-ads?" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
    }

    private static bool Open(DemoJobAd ad) => ad.DeadlineInDays is null or >= 0;

    [Fact]
    public async Task the_demo_world_has_job_ads_in_the_occupations_and_towns_of_the_personas()
    {
        using var _ = fixture.App.CreateClient(); // the app starts, and loads the demo world
        (await db.ScalarAsync<int>("select count(*)::int from job_ads")).ShouldBe(DemoJobAds.All.Count);
        DemoJobAds.All.Count.ShouldBeInRange(60, 100);
        (await db.ScalarAsync<int>("select count(*)::int from job_ads where lat is null or occupation_code is null")).ShouldBe(0);
        (await db.ScalarAsync<int>("select count(*)::int from job_ads where deadline < current_date")).ShouldBeGreaterThan(0, "some deadlines have passed");
        foreach (var code in new[] { "4110", "4311", "5322", "7411", "2431", "9333", "5223", "9112" })
            DemoJobAds.All.Count(a => a.OccupationCode == code && Open(a)).ShouldBeGreaterThan(2, code);
    }

    [Fact]
    public async Task an_occupation_gives_its_open_ads_and_passed_deadlines_only_when_asked()
    {
        var mette = await fixture.App.SignedIn("mette");

        var open = await ItemsAsync(mette, "occupation=7411");
        var all = await ItemsAsync(mette, "occupation=7411&includeExpired=true");

        open.Count.ShouldBe(DemoJobAds.All.Count(a => a.OccupationCode == "7411" && Open(a)));
        all.Count.ShouldBe(DemoJobAds.All.Count(a => a.OccupationCode == "7411"));
        open.ShouldAllBe(a => a.GetProperty("occupationCode").GetString() == "7411");
        open.Select(a => a.GetProperty("deadline")).Where(d => d.ValueKind != JsonValueKind.Null)
            .ShouldAllBe(d => DateOnly.Parse(d.GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= DateOnly.FromDateTime(DateTime.Today.AddDays(-1)));
    }

    [Fact]
    public async Task free_text_finds_part_of_a_title_and_danish_word_forms_and_ranks_title_matches_first()
    {
        var mette = await fixture.App.SignedIn("mette");

        var kontor = await ItemsAsync(mette, "q=kontor&limit=500");
        var plural = await ItemsAsync(mette, "q=elektrikere&limit=500");

        kontor.ShouldNotBeEmpty();
        var titles = kontor.Select(a => a.GetProperty("title").GetString()!).ToList();
        titles.TakeWhile(t => t.Contains("kontor", StringComparison.OrdinalIgnoreCase)).Count().ShouldBe(titles.Count(t => t.Contains("kontor", StringComparison.OrdinalIgnoreCase)));
        titles.ShouldContain(t => !t.Contains("kontor", StringComparison.OrdinalIgnoreCase), "\"kontorer\" in the text of cleaning jobs");
        plural.ShouldNotBeEmpty();
        plural.ShouldAllBe(a => a.GetProperty("title").GetString()!.Contains("lektriker", StringComparison.Ordinal));
    }

    [Fact]
    public async Task distance_is_measured_from_the_citizens_home()
    {
        var mette = await fixture.App.SignedIn("mette"); // 8210 Aarhus V
        var emma = await fixture.App.SignedIn("emma");   // 2300 København S

        var nearMette = await ItemsAsync(mette, "maxKm=25&limit=500");
        var nearEmma = await ItemsAsync(emma, "maxKm=25&limit=500");

        nearMette.ShouldNotBeEmpty();
        nearMette.ShouldAllBe(a => a.GetProperty("distanceKm").GetDouble() <= 25);
        nearMette.Select(a => a.GetProperty("employer").GetProperty("postalCode").GetString()!).ShouldAllBe(z => z.StartsWith('8'));
        nearMette.Select(a => a.GetProperty("employer").GetProperty("city").GetString()).ShouldContain("Galten", "Galten is about 18 km from Aarhus");
        nearEmma.Select(a => a.GetProperty("employer").GetProperty("postalCode").GetString()!).ShouldAllBe(z => z[0] == '1' || z[0] == '2');
    }

    [Fact]
    public async Task the_search_is_paged_with_a_cursor_and_checks_its_parameters()
    {
        var system = fixture.App.System("demo-jc-0751-system-key");
        var first = await system.GetFromJsonAsync<JsonElement>("/api/v1/job-ads?limit=5");
        var second = await system.GetFromJsonAsync<JsonElement>("/api/v1/job-ads?limit=5&cursor=" + Uri.EscapeDataString(first.GetProperty("nextCursor").GetString()!));
        var ids = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(a => a.GetProperty("id").GetGuid()).ToList();
        ids.Distinct().Count().ShouldBe(10);
        first.GetProperty("total").GetInt32().ShouldBe(DemoJobAds.All.Count(Open));

        var bad = await system.GetAsync("/api/v1/job-ads?maxKm=0&occupation=41&cursor=nope");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("maxKm")[0].GetString().ShouldBe("maxKm skal være et helt tal fra 1 til 1000");
        errors.GetProperty("occupation")[0].GetString().ShouldBe("occupation skal være en DISCO-08-kode på fire cifre");
        errors.TryGetProperty("cursor", out _).ShouldBeTrue();

        var noHome = await system.GetAsync("/api/v1/job-ads?maxKm=10");
        noHome.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a case system has no home: it names a postal code");
        (await ItemsAsync(system, "maxKm=10&postalCode=2300")).ShouldAllBe(a => a.GetProperty("distanceKm").GetDouble() <= 10);
    }

    [Fact]
    public async Task the_page_searches_and_gem_job_saves_once_with_a_friendly_message_the_second_time()
    {
        var ali = await fixture.App.SignedIn("ali"); // 8220 Brabrand
        var page = await ali.GetPageAsync("/find-job?Q=lager&Stilling=9333&Afstand=25");
        page.QuerySelector("h1")!.TextContent.ShouldBe("Find job");
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#Stilling")!.Value.ShouldBe("9333");
        page.QuerySelector("#Afstand-hint")!.TextContent.ShouldBe("Din bopæl er 8220 Brabrand");
        var results = page.QuerySelectorAll("li.job-ad");
        results.Length.ShouldBeGreaterThan(0);
        results.ShouldAllBe(r => r.QuerySelector("h3")!.TextContent.StartsWith("Lager", StringComparison.Ordinal));
        var first = results[0];
        var adId = Guid.Parse(first.Id!["job-".Length..]);

        var saved = await ali.SubmitAsync(page, $"#job-{adId} form", new() { ["jobAdId"] = adId.ToString() });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saved.Headers.Location!.ToString().ShouldBe($"/find-job?Q=lager&Stilling=9333&Afstand=25#job-{adId}");
        var after = await ali.GetPageAsync(saved.Headers.Location.ToString());
        after.QuerySelector(".alert-success")!.TextContent.Trim().ShouldBe($"{first.QuerySelector("h3")!.TextContent} er gemt under Gemte job.");
        after.QuerySelector($"#job-{adId} .badge")!.TextContent.ShouldBe("Gemt");
        after.QuerySelector($"#job-{adId} form").ShouldBeNull();

        var again = await ali.SubmitAsync(page, $"#job-{adId} form", new() { ["jobAdId"] = adId.ToString() });
        (await ali.GetPageAsync(again.Headers.Location!.ToString())).QuerySelector(".alert-success")!.TextContent.ShouldContain("Du har allerede gemt");
        (await db.ScalarAsync<int>("select count(*)::int from saved_jobs where citizen_id = @id and job_ad_id = @adId", new { id = Clients.CitizenId("ali"), adId }))
            .ShouldBe(1);
    }

    [Fact]
    public async Task a_hand_made_distance_or_occupation_is_refused_with_a_message()
    {
        var mette = await fixture.App.SignedIn("mette");

        var page = await mette.GetPageAsync("/find-job?Afstand=7&Stilling=abc");

        var messages = page.QuerySelectorAll(".alert-error a.function-link").Select(a => a.TextContent.Trim()).ToList();
        messages.ShouldContain("Vælg en afstand fra listen");
        messages.ShouldContain("Vælg en stilling fra listen");
    }
}
