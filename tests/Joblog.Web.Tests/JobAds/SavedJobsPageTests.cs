using AngleSharp.Dom;
using System.Net;
using AngleSharp.Html.Dom;
using Joblog.Web.Features.Demo;
using Joblog.Web.Tests.Infrastructure;
using Joblog.Web.Tests.Pages;
using Shouldly;

namespace Joblog.Web.Tests.JobAds;

/// <summary>/gemte-job without JavaScript: the list, saving by pasting a link, "Opret log" (prefilled, Ikke søgt), "Fjern" with a confirmation.</summary>
public sealed class SavedJobsPageTests(JobAdFixture fixture) : IClassFixture<JobAdFixture>
{
    private readonly PostgresConnection db = new(fixture.ConnectionString);

    private static Guid Ad(int number) => Personas.IdFor($"job-ad:{number}");

    private Task<Guid> SavedIdAsync(string persona, Guid adId) =>
        db.ScalarAsync<Guid>("select id from saved_jobs where citizen_id = @c and job_ad_id = @adId", new { c = Clients.CitizenId(persona), adId });

    [Fact]
    public async Task the_list_shows_the_soonest_deadline_first_and_marks_a_passed_one()
    {
        var mette = await fixture.App.SignedIn("mette");

        var page = await mette.GetPageAsync("/gemte-job");

        page.QuerySelector("h1")!.TextContent.ShouldBe("Gemte job");
        var rows = page.QuerySelectorAll("tbody tr").ToList();
        var demo = new[] { 1001, 1002, 1005 };
        var ids = new List<Guid>();
        foreach (var number in demo) ids.Add(await SavedIdAsync("mette", Ad(number)));
        rows.Select(r => Guid.Parse(r.Id!["job-".Length..])).Where(ids.Contains).ShouldBe(ids);
        rows.Single(r => r.Id == $"job-{ids[0]}").TextContent.ShouldContain("Fristen er overskredet");
        rows.Single(r => r.Id == $"job-{ids[1]}").TextContent.ShouldNotContain("Fristen er overskredet");
        rows.Single(r => r.Id == $"job-{ids[2]}").TextContent.ShouldContain("Ingen frist");
    }

    [Fact]
    public async Task a_job_is_saved_by_pasting_its_link_once()
    {
        var emma = await fixture.App.SignedIn("emma");
        var link = fixture.Pages.Url("/og");

        var first = await emma.SubmitAsync(await emma.GetPageAsync("/gemte-job"), "main form[method=post]", new() { ["Link"] = link });
        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var list = await emma.GetPageAsync("/gemte-job");
        list.QuerySelector(".alert-success")!.TextContent.Trim().ShouldBe("Lagermedarbejder til nattehold er gemt.");
        list.QuerySelector($"tbody a[href='{link}']")!.TextContent.ShouldBe("Lagermedarbejder til nattehold");

        await emma.SubmitAsync(list, "main form[method=post]", new() { ["Link"] = link });
        (await emma.GetPageAsync("/gemte-job")).QuerySelector(".alert-success")!.TextContent.Trim().ShouldBe("Du har allerede gemt Lagermedarbejder til nattehold.");
        (await db.ScalarAsync<int>("select count(*)::int from saved_jobs where citizen_id = @c and url = @link", new { c = Clients.CitizenId("emma"), link })).ShouldBe(1);
    }

    [Fact]
    public async Task a_link_without_a_job_is_refused_with_its_reason_and_nothing_is_saved()
    {
        var emma = await fixture.App.SignedIn("emma");
        var link = fixture.Pages.Url("/empty");

        var response = await emma.SubmitAsync(await emma.GetPageAsync("/gemte-job"), "main form[method=post]", new() { ["Link"] = link });

        var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector(".alert-error a[href='#Link']")!.TextContent.Trim().ShouldBe("Vi fandt ingen oplysninger om jobbet på siden");
        page.QuerySelector<IHtmlInputElement>("#Link")!.Value.ShouldBe(link);
        (await db.ScalarAsync<int>("select count(*)::int from saved_jobs where url = @link", new { link })).ShouldBe(0);
    }

    [Fact]
    public async Task opret_log_prefills_the_form_with_status_not_applied_and_marks_the_saved_job_as_logged()
    {
        var mette = await fixture.App.SignedIn("mette");
        var savedId = await SavedIdAsync("mette", Ad(1002));
        var list = await mette.GetPageAsync("/gemte-job");
        var create = list.QuerySelector($"#job-{savedId} a[href*='gemtJob']")!.GetAttribute("href")!;
        create.ShouldBe($"/joblog/ny/jobsoegning?gemtJob={savedId}");

        var form = await mette.GetPageAsync(create);
        form.QuerySelector<IHtmlInputElement>("#Form_JobTitle")!.Value.ShouldBe("Administrativ medarbejder");
        form.QuerySelector<IHtmlInputElement>("#Form_EmployerName")!.Value.ShouldBe("Boligselskabet Trekanten");
        form.QuerySelector<IHtmlInputElement>("#Form_JobAdUrl")!.Value.ShouldBe("https://job.example/annonce/1002");
        form.QuerySelector<IHtmlInputElement>("input[name='Form.Status']:checked")!.Value.ShouldBe("NotApplied");
        var saved = await mette.SubmitAsync(form, "main form[method=post]", FormValues.Of(form, "main form[method=post]", new() { ["Form.Note"] = "Søger i morgen" }));

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var logId = Guid.Parse(saved.Headers.Location!.ToString()["/joblog/".Length..]);
        (await db.ScalarAsync<string>("select status || ':' || job_title || ':' || note from logs where id = @logId", new { logId }))
            .ShouldBe("notApplied:Administrativ medarbejder:Søger i morgen");
        (await db.ScalarAsync<Guid>("select log_id from saved_jobs where id = @savedId", new { savedId })).ShouldBe(logId);
        var after = await mette.GetPageAsync("/gemte-job");
        after.QuerySelector($"#job-{savedId}")!.TextContent.ShouldContain("Log oprettet");
        after.QuerySelector($"#job-{savedId} a[href='/joblog/{logId}']").ShouldNotBeNull();
        after.QuerySelector($"#job-{savedId} a[href*='gemtJob']").ShouldBeNull();

        // The same form posted again makes no second log: it leads to the first.
        var repeat = await mette.SubmitAsync(form, "main form[method=post]", FormValues.Of(form, "main form[method=post]"));
        repeat.Headers.Location!.ToString().ShouldBe($"/joblog/{logId}");
        (await db.ScalarAsync<int>("select count(*)::int from logs where job_ad_url = 'https://job.example/annonce/1002'")).ShouldBe(1);
    }

    [Fact]
    public async Task someone_elses_saved_job_cannot_prefill_a_log()
    {
        var lars = await fixture.App.SignedIn("lars");

        var response = await lars.GetAsync($"/joblog/ny/jobsoegning?gemtJob={await SavedIdAsync("mette", Ad(1005))}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task fjern_asks_first_then_removes_and_records_who()
    {
        var lars = await fixture.App.SignedIn("lars");
        var find = await lars.GetPageAsync("/find-job?Stilling=7411");
        var adId = Guid.Parse(find.QuerySelector("li.job-ad")!.Id!["job-".Length..]);
        await lars.SubmitAsync(find, $"#job-{adId} form", new() { ["jobAdId"] = adId.ToString() });
        var savedId = await SavedIdAsync("lars", adId);

        var confirm = await lars.GetPageAsync((await lars.GetPageAsync("/gemte-job")).QuerySelector($"#job-{savedId} a[href$='/fjern']")!.GetAttribute("href")!);
        confirm.QuerySelector("h1")!.TextContent.ShouldBe("Fjern gemt job");
        (await db.ScalarAsync<int>("select count(*)::int from saved_jobs where id = @savedId", new { savedId })).ShouldBe(1, "nothing is removed before the confirmation");

        var removed = await lars.SubmitAsync(confirm, "main form[method=post]", new());

        removed.Headers.Location!.ToString().ShouldBe("/gemte-job");
        (await lars.GetPageAsync("/gemte-job")).QuerySelector(".alert-success")!.TextContent.Trim().ShouldBe("Jobbet er fjernet fra dine gemte job.");
        (await db.ScalarAsync<int>("select count(*)::int from saved_jobs where id = @savedId", new { savedId })).ShouldBe(0);
        (await db.ScalarAsync<string>("select actor_name from audit_events where action = 'savedJob.deleted' and subject_id = @savedId", new { savedId })).ShouldBe("Lars Demo");
    }
}
