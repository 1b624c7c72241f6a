using Joblog.Web.Tests.Infrastructure;
using Joblog.Web.Tests.JobAds;

namespace Joblog.Web.Tests.Access;

/// <summary>
/// The authorization matrix (issue 5): <c>authorization-matrix.csv</c> names every endpoint of the app (pages and API)
/// and, for every role, the status it must answer when the subject is Mette. One test keeps the file complete;
/// the other calls every cell against the real app (a fresh demo database) and lists every mismatch at once.
/// </summary>
public sealed class AuthorizationMatrixTests(JobAdFixture fixture) : IClassFixture<JobAdFixture>
{
    private JoblogApp App => fixture.App;

    [Fact]
    public async Task The_file_names_every_endpoint_of_the_app_and_no_other()
    {
        var app = await MatrixEndpoints.OfAsync(App.Services);
        var file = MatrixFile.Read().Select(r => r.Endpoint).ToList();

        var missing = app.Except(file).OrderBy(e => e.Route, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal);
        var problems = missing.Select(e => $"missing from {MatrixFile.FileName}: {e.Method};{e.Route}")
            .Concat(file.Except(app).Select(e => $"in {MatrixFile.FileName} but not in the app: {e}"))
            .Concat(file.GroupBy(e => e).Where(g => g.Count() > 1).Select(g => $"twice in {MatrixFile.FileName}: {g.Key}"))
            .ToList();
        if (problems.Count > 0) Assert.Fail(string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Every_role_gets_the_expected_answer_from_every_endpoint()
    {
        var endpoints = (await MatrixEndpoints.OfAsync(App.Services)).ToHashSet();
        var rows = MatrixFile.Read().Where(r => endpoints.Contains(r.Endpoint)).ToList();
        using var owner = await App.SignedIn(MatrixRoles.Subject);
        var mette = new MatrixSubject(owner, new PostgresConnection(fixture.ConnectionString));
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in MatrixFile.Roles) clients[role] = await MatrixRoles.ClientAsync(App, role);

        var mismatches = new List<string>();
        foreach (var row in rows)
        {
            foreach (var role in MatrixFile.Roles)
            {
                var expected = row.Expected[role];
                try
                {
                    var request = await MatrixRequests.ForAsync(row.Endpoint, mette, fixture.Pages);
                    using var fresh = request.NewClient ? await MatrixRoles.ClientAsync(App, role) : null;
                    using var response = await (fresh ?? clients[role]).SendAsync(request.ToMessage(), TestContext.Current.CancellationToken);
                    if ((int)response.StatusCode != expected)
                        mismatches.Add($"line {row.Line}, {row.Endpoint}, {role}: expected {expected?.ToString() ?? "(empty)"}, got {(int)response.StatusCode}");
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    mismatches.Add($"line {row.Line}, {row.Endpoint}, {role}: expected {expected?.ToString() ?? "(empty)"}, the call failed: {e.GetType().Name}: {e.Message}");
                }
            }
        }
        foreach (var client in clients.Values) client.Dispose();

        if (mismatches.Count > 0)
            Assert.Fail($"{mismatches.Count} of {rows.Count * MatrixFile.Roles.Length} cells differ from {MatrixFile.FileName}:{Environment.NewLine}"
                + string.Join(Environment.NewLine, mismatches));
    }
}
