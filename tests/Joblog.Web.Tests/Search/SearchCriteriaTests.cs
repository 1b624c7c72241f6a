using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Joblog.Web.Tests.Infrastructure;
using Shouldly;
using static Joblog.Web.Tests.Search.SearchTestData;

namespace Joblog.Web.Tests.Search;

/// <summary>
/// POST /api/v1/searches over citizens made for each test (each test its own municipality, so its searches find only
/// its own citizens): every criterion, the past-period rule, exemptions, requirements not met, sorting and paging.
/// </summary>
public sealed class SearchCriteriaTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    /// <summary>The last three months, this one included (the default period).</summary>
    private static readonly object ThreeMonths = new { periodFrom = MonthText(2), periodTo = MonthText(0) };

    [Fact]
    public async Task Applications_job_titles_distances_and_inactivity_are_counted_over_the_period()
    {
        var data = new SearchTestData(fixture.App, "0461");
        var home = await data.HomeAsync();
        var inPeriod = Month(1).AddDays(9);
        var a = await data.DagpengeAsync("A Many");      // 6 applications, 2 titles after normalising, workplaces in Odense; logged today
        foreach (var title in new[] { "Kok", " kok ", "KOK", "Tjener", "tjener" }) await data.LogAsync(a, title, inPeriod, postalCode: "5200", createdOn: Today);
        await data.LogAsync(a, "Kok", inPeriod, status: "interview", postalCode: home, createdOn: Today);
        var b = await data.DagpengeAsync("B Far");       // 1 application in the period, in Esbjerg; 4 long before
        await data.LogAsync(b, "Lagerarbejder", inPeriod, postalCode: "6700", createdOn: Today);
        foreach (var _ in Enumerable.Range(0, 4)) await data.LogAsync(b, "Lagerarbejder", Month(6).AddDays(3), postalCode: "5000");
        var c = await data.DagpengeAsync("C None");      // saved jobs only, last log 40 days ago
        await data.LogAsync(c, "Pædagog", null, status: "notApplied", createdOn: Today.AddDays(-40));
        var d = await data.DagpengeAsync("D Unknown");   // 3 titles, no workplace known
        foreach (var title in new[] { "Chauffør", "Buschauffør", "Taxichauffør" }) await data.LogAsync(d, title, inPeriod, createdOn: Today);
        var e = await data.DagpengeAsync("E Never");     // no logs at all
        await data.RebuildAsync();
        var jobcenter = await data.JobcenterAsync();

        var all = await SearchAsync(jobcenter, ThreeMonths);
        all.GetProperty("total").GetInt32().ShouldBe(5);
        var many = all.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("name").GetString() == "A Many");
        many.GetProperty("applications").GetInt32().ShouldBe(6);
        many.GetProperty("distinctJobTitles").GetInt32().ShouldBe(2);
        many.GetProperty("maxDistanceKm").GetDouble().ShouldBe(0);
        many.GetProperty("lastActivityOn").GetString().ShouldBe(Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var far = all.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("name").GetString() == "B Far");
        far.GetProperty("maxDistanceKm").GetDouble().ShouldBeInRange(100, 150); // Odense–Esbjerg, as the crow flies

        (await Names(jobcenter, new { maxApplications = 1 })).ShouldBe(["B Far", "C None", "E Never"], ignoreOrder: true);
        (await Names(jobcenter, new { minApplications = 3 })).ShouldBe(["A Many", "D Unknown"], ignoreOrder: true);
        (await Names(jobcenter, new { minApplications = 1, maxApplications = 3 })).ShouldBe(["B Far", "D Unknown"], ignoreOrder: true);
        (await Names(jobcenter, new { maxDistinctJobTitles = 2 })).ShouldBe(["A Many", "B Far"], ignoreOrder: true);
        (await Names(jobcenter, new { maxDistanceKm = 10 })).ShouldBe(["A Many"]);
        (await Names(jobcenter, new { maxDistanceKm = 200 })).ShouldBe(["A Many", "B Far"], ignoreOrder: true);
        (await Names(jobcenter, new { inactiveDays = 30 })).ShouldBe(["C None", "E Never"], ignoreOrder: true);
        (await Names(jobcenter, new { inactiveDays = 41 })).ShouldBe(["E Never"]);
        // B's four applications half a year ago count when the period covers them.
        var older = await SearchAsync(jobcenter, new { periodFrom = MonthText(6), periodTo = MonthText(6) });
        older.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("name").GetString() == "B Far").GetProperty("applications").GetInt32().ShouldBe(4);
    }

    [Fact]
    public async Task Target_groups_are_todays()
    {
        var data = new SearchTestData(fixture.App, "0147");
        await data.CitizenAsync("Dagpenge Now", ("dagpenge", Today.AddYears(-1), null));
        await data.CitizenAsync("Jobready Now", ("dagpenge", Today.AddYears(-2), Today.AddYears(-1).AddDays(-1)), ("jobready", Today.AddYears(-1), null));
        await data.CitizenAsync("Left For Work", ("dagpenge", Today.AddYears(-1), Today.AddDays(-1)));
        await data.RebuildAsync();
        var jobcenter = await data.JobcenterAsync();

        (await Names(jobcenter, new { targetGroups = new[] { "dagpenge" } })).ShouldBe(["Dagpenge Now"]);
        (await Names(jobcenter, new { targetGroups = new[] { "jobready", "dagpenge" } })).ShouldBe(["Dagpenge Now", "Jobready Now"], ignoreOrder: true);
        (await Names(jobcenter, new { })).ShouldBe(["Dagpenge Now", "Jobready Now"], ignoreOrder: true); // no group today: in no search
    }

    [Fact]
    public async Task A_past_period_counts_a_citizen_only_if_they_had_todays_target_group_on_every_day_of_it()
    {
        var data = new SearchTestData(fixture.App, "0561");
        var (from, to) = (Month(4), Month(3).AddMonths(1).AddDays(-1)); // two whole months, in the past
        var yearAgo = Today.AddYears(-1);
        await data.CitizenAsync("Same All Along", ("dagpenge", yearAgo, null));
        await data.CitizenAsync("Two Joined Periods", ("dagpenge", yearAgo, from.AddDays(20)), ("dagpenge", from.AddDays(21), null));
        await data.CitizenAsync("Sick Then", ("sickness", yearAgo, from.AddDays(20)), ("dagpenge", from.AddDays(21), null));
        await data.CitizenAsync("A Gap", ("dagpenge", yearAgo, from.AddDays(20)), ("dagpenge", from.AddDays(25), null));
        await data.CitizenAsync("Started Later", ("dagpenge", to.AddDays(1), null));
        await data.CitizenAsync("Ended Just Before", ("dagpenge", yearAgo, from.AddDays(-1)), ("dagpenge", to.AddDays(1), null));
        // Dagpenge all through the period, sick for a while after it, dagpenge again now: the period was as today.
        await data.CitizenAsync("Sick After", ("dagpenge", yearAgo, to.AddDays(5)), ("sickness", to.AddDays(6), to.AddDays(20)), ("dagpenge", to.AddDays(21), null));
        // Overlapping periods: the one that started last counts (sickness from the middle of the period).
        await data.CitizenAsync("Overlapped", ("dagpenge", yearAgo, null), ("sickness", from.AddDays(10), from.AddDays(15)));
        await data.RebuildAsync();
        var jobcenter = await data.JobcenterAsync();

        var past = new { targetGroups = new[] { "dagpenge" }, periodFrom = MonthText(4), periodTo = MonthText(3) };
        (await Names(jobcenter, past)).ShouldBe(["Same All Along", "Two Joined Periods", "Sick After"], ignoreOrder: true);
        // The same citizens over this month alone: everyone who has been on dagpenge since its first day.
        var now = new { targetGroups = new[] { "dagpenge" }, periodFrom = MonthText(0), periodTo = MonthText(0) };
        (await Names(jobcenter, now)).ShouldBe(
            ["Same All Along", "Two Joined Periods", "Sick Then", "A Gap", "Started Later", "Ended Just Before", "Sick After", "Overlapped"], ignoreOrder: true);
    }

    [Fact]
    public async Task Exempt_citizens_are_left_out_unless_asked_for()
    {
        var data = new SearchTestData(fixture.App, "0630");
        var exempt = await data.DagpengeAsync("Exempt Now");
        await data.ExemptAsync(exempt, Today.AddDays(-20), null);
        var before = await data.DagpengeAsync("Exempt Long Ago");
        await data.ExemptAsync(before, Today.AddYears(-2), Today.AddYears(-1));
        var inPeriod = await data.DagpengeAsync("Exempt In The Period");
        await data.ExemptAsync(inPeriod, Month(2).AddDays(1), Month(2).AddDays(5));
        await data.RebuildAsync();
        var jobcenter = await data.JobcenterAsync();

        (await Names(jobcenter, ThreeMonths)).ShouldBe(["Exempt Long Ago"]);
        (await Names(jobcenter, new { periodFrom = MonthText(2), periodTo = MonthText(0), includeExempt = true }))
            .ShouldBe(["Exempt Now", "Exempt Long Ago", "Exempt In The Period"], ignoreOrder: true);
    }

    [Fact]
    public async Task Requirements_not_met_compares_the_last_four_weeks_with_an_open_requirement_and_never_counts_the_exempt()
    {
        var data = new SearchTestData(fixture.App, "0657");
        var jobcenter = await data.JobcenterAsync();
        async Task<Guid> WithRequirement(string name, decimal perWeek, DateOnly? endsOn = null)
        {
            var id = await data.DagpengeAsync(name);
            await data.Db.ExecuteAsync(
                """
                insert into search_requirements (id, citizen_id, organisation_id, applications_per_week, starts_on, ends_on, created_at, updated_at,
                                                 actor_kind, actor_id, actor_name, channel)
                values (@rid, @id, @org, @perWeek, @from, @endsOn, now(), now(), 'staff', 'test', 'Test', 'jobcenter')
                """, new { rid = Guid.NewGuid(), id, org = data.OrganisationId, perWeek, from = Today.AddMonths(-6), endsOn });
            return id;
        }
        var behind = await WithRequirement("Behind", 1.5m);         // 6 wanted, 5 in the 28 days
        foreach (var days in new[] { 0, 3, 10, 20, 27 }) await data.LogAsync(behind, "Kok", Today.AddDays(-days));
        var onTrack = await WithRequirement("On Track", 1m);        // 4 wanted, 4 in the 28 days (the 28th day back included)
        foreach (var days in new[] { 1, 8, 15, 27 }) await data.LogAsync(onTrack, "Kok", Today.AddDays(-days));
        var tooEarly = await WithRequirement("Too Early", 1m);      // 4 applications, but 28 days ago: outside
        foreach (var _ in Enumerable.Range(0, 4)) await data.LogAsync(tooEarly, "Kok", Today.AddDays(-28));
        var exempt = await WithRequirement("Exempt", 2m);
        await data.ExemptAsync(exempt, Today.AddDays(-3), null);
        await WithRequirement("Ended", 2m, endsOn: Today.AddDays(-1));
        await data.DagpengeAsync("No Requirement");
        await data.RebuildAsync();

        (await Names(jobcenter, new { requirementsNotMet = true })).ShouldBe(["Behind", "Too Early"], ignoreOrder: true);
        (await Names(jobcenter, new { requirementsNotMet = true, includeExempt = true })).ShouldBe(["Behind", "Too Early"], ignoreOrder: true);
    }

    [Fact]
    public async Task Results_are_sorted_and_paged_with_the_total()
    {
        var data = new SearchTestData(fixture.App, "0661");
        var day = Month(1).AddDays(4);
        var names = new[] { "Zack", "Åse", "Ærø", "Østergaard", "Anders" };
        for (var i = 0; i < names.Length; i++)
        {
            var id = await data.DagpengeAsync(names[i]);
            for (var n = 0; n < i; n++) await data.LogAsync(id, "Kok", day, createdOn: day.AddDays(n));
        }
        await data.RebuildAsync();
        var jobcenter = await data.JobcenterAsync();

        (await Names(jobcenter, new { sort = "name" })).ShouldBe(["Anders", "Zack", "Ærø", "Østergaard", "Åse"]); // the Danish alphabet
        (await Names(jobcenter, new { sort = "name", direction = "desc" })).ShouldBe(["Åse", "Østergaard", "Ærø", "Zack", "Anders"]);
        (await Names(jobcenter, new { })).ShouldBe(["Zack", "Åse", "Ærø", "Østergaard", "Anders"]); // fewest applications first
        var page = await SearchAsync(jobcenter, new { sort = "applications", direction = "desc", offset = 1, limit = 2 });
        page.GetProperty("total").GetInt32().ShouldBe(5);
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ShouldBe(["Østergaard", "Ærø"]);
        (await Names(jobcenter, new { sort = "lastActivityOn" })).First().ShouldBe("Zack"); // never active: longest ago
        (await Names(jobcenter, new { sort = "lastActivityOn", direction = "desc" })).First().ShouldBe("Anders");
        (await SearchAsync(jobcenter, new { offset = 10 })).GetProperty("total").GetInt32().ShouldBe(5); // past the end: no items, the total
    }

    [Fact]
    public async Task Criteria_that_make_no_sense_get_400_with_a_danish_message_per_field()
    {
        var jobcenter = await new SearchTestData(fixture.App, "0665").JobcenterAsync();
        var response = await jobcenter.PostAsJsonAsync("/api/v1/searches", new
        {
            targetGroups = new[] { "pirates" }, periodFrom = "2026-13", minApplications = 5, maxApplications = 2, maxDistanceKm = -1,
            sort = "shoeSize", limit = 0,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("targetGroups")[0].GetString().ShouldBe("Vælg målgrupper fra listen");
        errors.GetProperty("periodFrom")[0].GetString().ShouldBe("Angiv måneden som ÅÅÅÅ-MM, fx 2026-09");
        errors.GetProperty("maxDistanceKm")[0].GetString().ShouldBe("Indtast den længste afstand i km som et helt tal fra 0 til 1000");
        errors.GetProperty("sort")[0].GetString()!.ShouldStartWith("sort skal være");
        errors.GetProperty("limit")[0].GetString()!.ShouldStartWith("limit skal være");

        var order = await jobcenter.PostAsJsonAsync("/api/v1/searches", new { minApplications = 5, maxApplications = 2 });
        (await order.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("maxApplications")[0].GetString()
            .ShouldBe("Højeste antal ansøgninger skal være mindst lige så stort som mindste antal");
        var future = await jobcenter.PostAsJsonAsync("/api/v1/searches", new { periodTo = Month(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) });
        (await future.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("periodTo")[0].GetString()
            .ShouldBe("Vælg en til-måned, der ikke ligger efter denne måned");
        (await jobcenter.PostAsync("/api/v1/searches", new StringContent("{}", System.Text.Encoding.UTF8, "text/plain"))).StatusCode
            .ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task The_csv_is_utf8_with_bom_semicolons_crlf_a_danish_header_and_the_cpr_numbers_and_the_search_is_recorded_once()
    {
        var data = new SearchTestData(fixture.App, "0153");
        var quoted = await data.DagpengeAsync("Hansen; \"Bo\"");
        await data.LogAsync(quoted, "Kok", Month(1).AddDays(2), postalCode: "6700");
        await data.DagpengeAsync("=Formel Person");
        await data.RebuildAsync();
        var jobcenter = await data.JobcenterAsync();
        var searchesBefore = await data.Db.ScalarAsync<long>("select count(*) from searches");
        var looksBefore = await data.Db.ScalarAsync<long>("select count(*) from access_log");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/searches") { Content = JsonContent.Create(new { sort = "name" }) };
        request.Headers.Accept.ParseAdd("text/csv");
        var response = await jobcenter.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileName.ShouldBe($"udsoegning-{Today:yyyy-MM-dd}.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var text = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        text.ShouldEndWith("\r\n");
        var lines = text[..^2].Split("\r\n");
        lines.Length.ShouldBe(3);
        lines[0].ShouldBe("CPR-nummer;Navn;Målgruppe i dag;Ansøgninger;Forskellige stillingsbetegnelser;Længste afstand fra hjem (km);Seneste log oprettet");
        var cprs = await data.Db.QueryAsync<string>("select cpr from citizens where municipality_code = '0153' order by name collate \"da-DK-x-icu\"");
        // "=Formel Person" sorts first; its name is guarded against being run as a formula.
        lines[1].ShouldBe($"{cprs[0]};'=Formel Person;Dagpengemodtager;0;0;;");
        var km = await data.Db.ScalarAsync<double>("select distance_km(h.lat, h.lon, w.lat, w.lon) from postal_codes h, postal_codes w where h.number = (select min(number) from postal_codes where municipality_code = '0153') and w.number = '6700'");
        var day = Month(1).AddDays(2).ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);
        lines[2].ShouldBe($"{cprs[1]};\"Hansen; \"\"Bo\"\"\";Dagpengemodtager;1;1;{Math.Round(km, 1).ToString("0.0", System.Globalization.CultureInfo.GetCultureInfo("da-DK"))};{day}");

        // Recorded once, with the criteria and the number found; no look at any citizen.
        var recorded = await data.Db.QueryAsync<(string ActorKind, string Organisation, string Format, int Found, string Criteria)>(
            "select actor_kind, organisation_id, format, found, criteria::text from searches order by id desc limit 1");
        (await data.Db.ScalarAsync<long>("select count(*) from searches")).ShouldBe(searchesBefore + 1);
        recorded[0].ShouldBe(("system", data.OrganisationId, "csv", 2, recorded[0].Criteria));
        recorded[0].Criteria.ShouldContain("\"periodFrom\": \"" + MonthText(2) + "\"");
        (await data.Db.ScalarAsync<long>("select count(*) from access_log")).ShouldBe(looksBefore);

        await SearchAsync(jobcenter, new { maxApplications = 0 });
        var json = await data.Db.QueryAsync<(string Format, int Found, string Criteria)>("select format, found, criteria::text from searches order by id desc limit 1");
        json[0].Format.ShouldBe("json");
        json[0].Found.ShouldBe(1);
        json[0].Criteria.ShouldContain("\"maxApplications\": 0");
    }

    private static Task<List<string>> Names(HttpClient client, object criteria) => NamesAsync(client, criteria);
}
