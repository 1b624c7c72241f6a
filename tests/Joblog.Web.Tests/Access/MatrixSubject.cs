using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Joblog.Web.Tests.Attachments;
using Joblog.Web.Tests.Infrastructure;
using Joblog.Web.Tests.Pages;
using Shouldly;

namespace Joblog.Web.Tests.Access;

/// <summary>What the matrix's requests are about: Mette's data, made by Mette herself through the API and her pages.</summary>
internal sealed record MatrixTargets(Guid LogId, Guid AttachmentId, Guid SavedJobId);

/// <summary>
/// Mette's data for the matrix. Reads share one set of targets (<see cref="SharedAsync"/>); a request that changes
/// data gets new ones made just before it (a log, a file, a saved job, her job goals reset to her two), so that
/// neither the order of the rows nor of the roles matters.
/// </summary>
internal sealed class MatrixSubject(HttpClient mette, PostgresConnection db)
{
    /// <summary>Mette's two job goals of the demo world and her hours, as the API takes them.</summary>
    public static readonly object JobGoals = new
    {
        goals = new object[]
        {
            new { occupationCode = "4110", trained = true, experienceYears = 6, experienceMonths = 3 },
            new { occupationCode = "4311", trained = false, experienceYears = 2, experienceMonths = 0 },
        },
        employmentConditions = new { weeklyHours = 37 },
    };

    private MatrixTargets? shared;

    public static Guid CitizenId => Clients.CitizenId(MatrixRoles.Subject);

    /// <summary>
    /// Mette's requirements as one open set of Jobcenter Aarhus and one of her a-kasse (ak-01), each at version 1, so
    /// that If-Match "1" is current for both organisations. Staff tools have no citizen-side write to reset through.
    /// </summary>
    public Task ResetRequirementsAsync() => db.ExecuteAsync(
        """
        delete from search_requirements where citizen_id = @id;
        insert into search_requirements (id, citizen_id, organisation_id, applications_per_week, starts_on, version, created_at, updated_at,
                                         actor_kind, actor_id, actor_name, channel)
        select gen_random_uuid(), @id, o, 1.5, current_date - 7, 1, now(), now(), 'staff', 'matrix', 'Matrix', c
        from (values ('jc-0751', 'jobcenter'), ('ak-01', 'akasse')) v (o, c);
        """, new { id = CitizenId });

    /// <summary>Mette without exemptions, or with one open exemption from ten days ago (its id).</summary>
    public async Task<Guid?> ResetExemptionsAsync(bool withOne)
    {
        await db.ExecuteAsync("delete from exemptions where citizen_id = @id", new { id = CitizenId });
        if (!withOne) return null;
        var exemptionId = Guid.NewGuid();
        await db.ExecuteAsync(
            """
            insert into exemptions (id, citizen_id, starts_on, reason, granted_by, organisation_id, actor_kind, actor_id, actor_name, channel)
            values (@exemptionId, @id, current_date - 10, 'Nedsat fysisk funktionsevne', 'nina', 'jc-0751', 'staff', 'nina', 'Nina Demo', 'jobcenter')
            """, new { exemptionId, id = CitizenId });
        return exemptionId;
    }

    private static string Api => $"/api/v1/citizens/{CitizenId}";

    public async Task<MatrixTargets> SharedAsync()
    {
        if (shared is not null) return shared;
        var (logId, _) = await NewLogAsync();
        var (_, attachmentId) = await NewAttachmentAsync(logId);
        var (savedJobId, _) = await NewSavedJobAsync();
        return shared = new MatrixTargets(logId, attachmentId, savedJobId);
    }

    /// <summary>A new job-search log of Mette's (closed when asked); its id and version.</summary>
    public async Task<(Guid Id, int Version)> NewLogAsync(bool closed = false)
    {
        var (log, etag) = await mette.CreateLogAsync(MatrixRoles.Subject, new
        {
            kind = "jobSearch", status = "applied", jobTitle = "Matrixassistent", closed,
            employer = new { name = "Matrix ApS", postalCode = "8000", city = "Aarhus C" },
        });
        log.GetProperty("closed").GetBoolean().ShouldBe(closed);
        return (log.GetProperty("id").GetGuid(), Version(etag));
    }

    /// <summary>A new file on a log of Mette's (a new log unless given).</summary>
    public async Task<(Guid LogId, Guid AttachmentId)> NewAttachmentAsync(Guid? logId = null)
    {
        var log = logId ?? (await NewLogAsync()).Id;
        var file = await mette.AttachAsync(MatrixRoles.Subject, log, TestFiles.Text("Ansøgning\n"), "ansøgning.txt");
        return (log, file.GetProperty("id").GetGuid());
    }

    /// <summary>A new saved job of Mette's (by its fields, enough for a log, with a link no other saved job has); its id and version.</summary>
    public async Task<(Guid Id, int Version)> NewSavedJobAsync()
    {
        var answer = await mette.PostAsJsonAsync($"{Api}/saved-jobs",
            new { jobTitle = "Matrixkonsulent", employer = new { name = "Matrix ApS" }, jobAdUrl = $"https://job.example/{Guid.NewGuid():N}" }, Clients.Json);
        answer.StatusCode.ShouldBe(HttpStatusCode.Created, await answer.Content.ReadAsStringAsync());
        var job = await answer.Content.ReadFromJsonAsync<JsonElement>();
        return (job.GetProperty("id").GetGuid(), Version(answer.Headers.ETag!.Tag));
    }

    /// <summary>Mette's job goals set back to <see cref="JobGoals"/>; the version of the set.</summary>
    public async Task<int> ResetJobGoalsAsync()
    {
        var current = await mette.GetAsync($"{Api}/job-goals");
        current.StatusCode.ShouldBe(HttpStatusCode.OK);
        var put = new HttpRequestMessage(HttpMethod.Put, $"{Api}/job-goals") { Content = JsonContent.Create(JobGoals, options: Clients.Json) };
        put.Headers.IfMatch.Add(current.Headers.ETag!);
        var answer = await mette.SendAsync(put);
        answer.StatusCode.ShouldBe(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
        return Version(answer.Headers.ETag!.Tag);
    }

    /// <summary>A new calendar-feed link of Mette's, made on her calendar page; its token.</summary>
    public async Task<string> NewFeedTokenAsync()
    {
        var made = await mette.PostAsync("/kalender?handler=NewFeed", new FormUrlEncodedContent([]));
        made.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var url = (await mette.GetPageAsync("/kalender")).QuerySelector<IHtmlInputElement>("#feed-url")!.Value;
        return url[(url.LastIndexOf('/') + 1)..^".ics".Length];
    }

    public async Task<string> CurrentETagAsync(string path)
    {
        var answer = await mette.GetAsync(path);
        answer.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        return answer.Headers.ETag!.Tag;
    }

    private static int Version(string etag) => int.Parse(etag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);
}
