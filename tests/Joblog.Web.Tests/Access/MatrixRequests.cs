using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Joblog.Web.Access;
using Joblog.Web.Features.Demo;
using Joblog.Web.Tests.Attachments;
using Joblog.Web.Tests.Infrastructure;
using Joblog.Web.Tests.JobAds;

namespace Joblog.Web.Tests.Access;

/// <summary>One request of the matrix, ready to send.</summary>
internal sealed record MatrixRequest(HttpMethod Method, string Path)
{
    public HttpContent? Content { get; init; }

    public string? IfMatch { get; init; }

    public string? Accept { get; init; }

    /// <summary>It changes the caller's own session (signs in or out, chooses a citizen): sent from a new client of the role.</summary>
    public bool NewClient { get; init; }

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, Path) { Content = Content };
        if (IfMatch is not null) message.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(IfMatch));
        if (Accept is not null) message.Headers.Accept.ParseAdd(Accept);
        return message;
    }
}

/// <summary>
/// How to call each endpoint of the matrix so that a caller who may do it succeeds (2xx, or the redirect after a
/// page's form) and one who may not meets the real refusal: Mette's ids in the route, a valid body, the current
/// version in <c>If-Match</c> or the form, and a new target for every request that changes data. An endpoint with
/// no entry here is called with the route filled in and nothing else.
/// </summary>
internal static partial class MatrixRequests
{
    private const string Logs = "/api/v1/citizens/{citizenId:guid}/logs";
    private const string SavedJobs = "/api/v1/citizens/{citizenId:guid}/saved-jobs";
    private const string Requirements = "/api/v1/citizens/{citizenId:guid}/requirements";
    private const string Exemptions = "/api/v1/citizens/{citizenId:guid}/exemptions";

    public static async Task<MatrixRequest> ForAsync(MatrixEndpoint endpoint, MatrixSubject mette, FixturePages jobAdPages)
    {
        var shared = await mette.SharedAsync();
        var method = new HttpMethod(endpoint.Method);
        MatrixRequest Call(object? values = null) => new(method, Fill(endpoint.Route, shared, values));

        switch (endpoint.ToString())
        {
            // The API
            case "POST /api/v1/citizens/lookup":
                return Call() with { Content = Json(new { cpr = CaseworkerTestData.Cpr(MatrixRoles.Subject) }) };
            case $"POST {Logs}":
                return Call() with { Content = Json(Clients.NewJobSearch("Matrixkoordinator")) };
            case $"PUT {Logs}/{{logId:guid}}":
            {
                var (id, version) = await mette.NewLogAsync();
                return Call(new { logId = id }) with { IfMatch = ETag(version), Content = Json(Clients.NewJobSearch("Matrixkoordinator", "interview")) };
            }
            case $"DELETE {Logs}/{{logId:guid}}":
            {
                var (id, version) = await mette.NewLogAsync();
                return Call(new { logId = id }) with { IfMatch = ETag(version) };
            }
            case $"GET {Logs}/export":
                return Call() with { Accept = "text/csv" };
            case $"POST {Logs}/{{logId:guid}}/attachments":
            {
                var (id, _) = await mette.NewLogAsync();
                return Call(new { logId = id }) with { Content = AttachmentRequests.Multipart(TestFiles.Text("CV\n"), "cv.txt") };
            }
            case $"DELETE {Logs}/{{logId:guid}}/attachments/{{attachmentId:guid}}":
            {
                var (logId, attachmentId) = await mette.NewAttachmentAsync();
                return Call(new { logId, attachmentId });
            }
            case "PUT /api/v1/citizens/{citizenId:guid}/job-goals":
                return Call() with { IfMatch = ETag(await mette.ResetJobGoalsAsync()), Content = Json(MatrixSubject.JobGoals) };
            case "GET /api/v1/occupations":
                return new MatrixRequest(method, endpoint.Route + "?q=kontor");
            case "GET /statistik/csv":
                return new MatrixRequest(method, endpoint.Route + "?del=kommuner");
            case "POST /api/v1/job-ads/from-url":
                return Call() with { Content = Json(new { url = jobAdPages.Url("/jsonld") }) };
            case $"POST {SavedJobs}":
                return Call() with { Content = Json(new { jobTitle = "Matrixkonsulent", jobAdUrl = $"https://job.example/{Guid.NewGuid():N}" }) };
            case $"DELETE {SavedJobs}/{{id:guid}}":
            {
                var (id, version) = await mette.NewSavedJobAsync();
                return Call(new { id }) with { IfMatch = ETag(version) };
            }
            case $"POST {SavedJobs}/{{id:guid}}/log":
                return Call(new { id = (await mette.NewSavedJobAsync()).Id });
            case "GET /kalender/feed/{token}.ics":
                return Call(new { token = await mette.NewFeedTokenAsync() });
            case "POST /logout":
                return Call() with { NewClient = true };

            // The pages
            case "POST /joblog/ny/{kind}":
                return Call() with { Content = Form(LogFields()) };
            case "POST /joblog/{id:guid}/rediger":
            {
                var (id, version) = await mette.NewLogAsync();
                return Call(new { id }) with { Content = Form(LogFields(("Form.Version", Number(version)))) };
            }
            case "POST /joblog/{id:guid}/slet" or "POST /joblog/{id:guid}?handler=Close":
            {
                var (id, version) = await mette.NewLogAsync();
                return Call(new { id }) with { Content = Form(("version", Number(version))) };
            }
            case "POST /joblog/{id:guid}?handler=Reopen":
            {
                var (id, version) = await mette.NewLogAsync(closed: true);
                return Call(new { id }) with { Content = Form(("version", Number(version))) };
            }
            case "POST /joblog/{id:guid}/vedhaeft":
            {
                var (id, _) = await mette.NewLogAsync();
                return Call(new { id }) with { Content = AttachmentRequests.Multipart(TestFiles.Text("CV\n"), "cv.txt", field: "Upload") };
            }
            case "POST /joblog/{id:guid}/filer/{attachmentId:guid}/slet":
            {
                var (id, attachmentId) = await mette.NewAttachmentAsync();
                return Call(new { id, attachmentId });
            }
            case "POST /joblog/ny/fra-link?handler=Fetch" or "POST /gemte-job":
                return Call() with { Content = Form(("Link", jobAdPages.Url("/jsonld"))) };
            case "POST /joblog/ny/fra-link":
                return Call() with { Content = Form(LogFields(("Form.JobAdUrl", jobAdPages.Url("/jsonld")))) };
            case "POST /joblog/eksport":
                return Call() with { Content = Form(("Fra", "01-01-2026"), ("Til", "31-12-2026"), ("Format", "Csv")) };
            case "POST /gemte-job/{id:guid}/fjern":
            {
                var (id, version) = await mette.NewSavedJobAsync();
                return Call(new { id }) with { Content = Form(("version", Number(version))) };
            }
            case "POST /find-job?handler=Save":
                return Call() with { Content = Form(("jobAdId", DemoJobAds.All.First(a => !DemoJobAds.SavedByMette.Contains(a.Number)).Id.ToString())) };
            case "POST /jobmaal?handler=Remove":
                return Call() with { Content = Form(("nr", "2"), ("version", Number(await mette.ResetJobGoalsAsync()))) };
            case "POST /jobmaal/nyt":
                return Call() with { Content = Form(GoalFields("5120", await mette.ResetJobGoalsAsync())) };
            case "POST /jobmaal/{nr:int}/rediger":
                return Call() with { Content = Form(GoalFields("4110", await mette.ResetJobGoalsAsync())) };
            case "POST /jobmaal/vilkaar":
                return Call() with { Content = Form(("Form.WeeklyHours", "30"), ("Form.Version", Number(await mette.ResetJobGoalsAsync()))) };
            case "POST /sagsbehandleradgang":
                return Call() with { Content = Form(("Cpr", CaseworkerTestData.Cpr(MatrixRoles.Subject))), NewClient = true };
            case "POST /arbejdsliste?handler=Open":
                return Call() with { Content = Form(("citizenId", MatrixSubject.CitizenId.ToString())), NewClient = true };
            case $"PUT {Requirements}":
                await mette.ResetRequirementsAsync();
                return Call() with
                {
                    IfMatch = ETag(1),
                    Content = Json(new { applicationsPerWeek = 2, occupationCodes = new[] { "4110" }, maxKm = 30, municipalityCodes = Array.Empty<string>(), methods = new[] { "advertised" } }),
                };
            case $"DELETE {Requirements}":
                await mette.ResetRequirementsAsync();
                return Call() with { IfMatch = ETag(1) };
            case "POST /krav":
                await mette.ResetRequirementsAsync();
                return Call() with { Content = Form(("Form.ApplicationsPerWeek", "2"), ("Form.Occupations", "4110"), ("Form.MaxKm", "30"), ("Form.Advertised", "true"), ("Form.Version", "1")) };
            case "POST /krav?handler=End":
                await mette.ResetRequirementsAsync();
                return Call() with { Content = Form(("Form.Version", "1")) };
            case $"POST {Exemptions}":
                await mette.ResetExemptionsAsync(withOne: false);
                return Call() with { Content = Json(new { from = TimeProvider.System.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), reason = "Nedsat psykisk funktionsevne" }) };
            case "POST /fritagelse":
                await mette.ResetExemptionsAsync(withOne: false);
                return Call() with { Content = Form(("Form.From", TimeProvider.System.Today().ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)), ("Form.Reason", "Nedsat psykisk funktionsevne")) };
            case $"GET {Exemptions}/{{exemptionId:guid}}":
                return Call(new { exemptionId = await mette.ResetExemptionsAsync(withOne: true) });
            case $"POST {Exemptions}/{{exemptionId:guid}}/end":
                return Call(new { exemptionId = await mette.ResetExemptionsAsync(withOne: true) }) with { Content = Json(new { }) };
            case "GET /fritagelse/{id:guid}/afslut":
                return Call(new { id = await mette.ResetExemptionsAsync(withOne: true) });
            case "POST /fritagelse/{id:guid}/afslut":
                return Call(new { id = await mette.ResetExemptionsAsync(withOne: true) }) with { Content = Form(("To", TimeProvider.System.Today().ToString("dd-MM-yyyy", CultureInfo.InvariantCulture))) };
            case "POST /api/v1/searches":
                return Call() with { Content = Json(new { targetGroups = new[] { "dagpenge" } }) };
            case "POST /udsoegning?handler=Open":
                return Call() with { Content = Form(("citizenId", MatrixSubject.CitizenId.ToString())), NewClient = true };
            case "POST /sagsbehandleradgang?handler=Stop":
                return Call() with { NewClient = true };
            case "POST /sprog":
                return Call() with { Content = Form(("culture", "en"), ("returnUrl", "/")), NewClient = true };
            case "POST /test-login":
                return Call() with { Content = Form(("persona", MatrixRoles.Subject)), NewClient = true };
            default:
                return Call();
        }
    }

    /// <summary>The route with its parameters filled: Mette's ids (the shared targets) unless <paramref name="values"/> names one.</summary>
    private static string Fill(string route, MatrixTargets shared, object? values) => Parameter().Replace(route, m =>
    {
        var name = m.Groups["name"].Value;
        var given = values?.GetType().GetProperty(name)?.GetValue(values)?.ToString();
        return given ?? name switch
        {
            "citizenId" => MatrixSubject.CitizenId.ToString(),
            "logId" => shared.LogId.ToString(),
            "id" when route.StartsWith("/gemte-job/", StringComparison.Ordinal) || route.Contains("/saved-jobs/", StringComparison.Ordinal) => shared.SavedJobId.ToString(),
            "id" => shared.LogId.ToString(),
            "attachmentId" => shared.AttachmentId.ToString(),
            "nr" => "1",
            "kind" => "jobsoegning",
            "statusCode" => "404",
            "documentName" => "v1",
            _ => throw new InvalidOperationException($"No value for {{{name}}} in {route}: give one in {nameof(MatrixRequests)}."),
        };
    });

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:[^}]*)?\??\}")]
    private static partial Regex Parameter();

    private static JsonContent Json(object body) => JsonContent.Create(body, options: Clients.Json);

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));

    private static string ETag(int version) => $"\"{Number(version)}\"";

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static (string, string)[] LogFields(params (string, string)[] more) =>
        [("Form.JobTitle", "Matrixkoordinator"), ("Form.Status", "Applied"), ("Form.EmployerName", "Matrix ApS"), ("Form.EmployerPostalCode", "8000"), .. more];

    private static (string, string)[] GoalFields(string occupation, int version) =>
        [("Form.Occupation", occupation), ("Form.Trained", "true"), ("Form.ExperienceYears", "1"), ("Form.ExperienceMonths", "0"), ("Form.Version", Number(version))];
}
