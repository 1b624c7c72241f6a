using Joblog.Web.Features.Shared;
using Joblog.Web.Features.Statistics;
using Joblog.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Joblog.Web.Tests.Statistics;

/// <summary>
/// A small world computed by hand, in January–April 2019 — five years and more before the demo world's first day, so the
/// country's figures of those months are this world's alone. Citizens, periods, exemptions and logs are written straight
/// to a fresh demo database; then the statistics of those months are recomputed once. The expected figures are worked
/// out beside each citizen (<see cref="StatisticsFiguresTests"/>). No CPR-like number anywhere.
/// </summary>
public sealed class StatisticsFixture(PostgresServer server) : IAsyncLifetime
{
    public static readonly DateOnly January = new(2019, 1, 1);
    public static readonly DateOnly February = new(2019, 2, 1);
    public static readonly DateOnly March = new(2019, 3, 1);
    public static readonly DateOnly April = new(2019, 4, 1);

    /// <summary>March, education-ready: (municipality, with a duty, who logged); every one who logged has one application,
    /// København's twelve each.</summary>
    public static readonly (string Code, int Obligated, int Logged)[] MarchEducationReady =
    [
        ("0751", 10, 5), ("0101", 12, 7), ("0746", 15, 5), ("0147", 11, 6), ("0461", 16, 10), ("0561", 13, 5), ("0860", 4, 2), ("0851", 5, 3),
    ];

    private JoblogApp? app;

    public JoblogApp App => app ?? throw new InvalidOperationException("The fixture is not initialized.");

    public PostgresConnection Db { get; private set; } = null!;

    public RefreshResult Refresh { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var connectionString = await server.CreateDemoDatabaseAsync();
        Db = new PostgresConnection(connectionString);
        app = new JoblogApp(connectionString);
        await BuildAsync(new StatisticsWorld(Db));
        Refresh = await App.Services.GetRequiredService<UsageRefresh>().RunNowAsync(JobStart.Command, null, January, April, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }

    private static async Task BuildAsync(StatisticsWorld w)
    {
        Joblog.Web.Database.DapperTypes.Register();
        // Aarhus (0751), January (31 days) and February (28 days).
        var a1 = await w.CitizenAsync("0751", ("jobready", "2018-12-01", null));
        await w.LogAsync(a1, "2019-01-10T10:00:00Z", appliedOn: "2019-01-09");                  // logged Jan, 1 application Jan
        var a2 = await w.CitizenAsync("0751", ("jobready", "2019-01-17", null));                // 15 days of January: a duty
        _ = a2;
        var a3 = await w.CitizenAsync("0751", ("jobready", "2019-01-18", null));                // 14 days: no duty in Jan (Feb: yes)
        _ = a3;
        var a4 = await w.CitizenAsync("0751", ("jobready", "2019-01-01", "2019-01-16"), ("dagpenge", "2019-01-17", null)); // 16 + 15: jobready
        await w.LogAsync(a4, "2019-01-31T22:59:59Z", status: "notApplied");                     // 23:59:59 on 31 Jan in Denmark: logged Jan
        var a5 = await w.CitizenAsync("0751", ("jobready", "2019-01-01", null));
        await w.ExemptionAsync(a5, "2019-01-10", "2019-01-25");                                 // 16 days exempt: 15 left, a duty
        await w.LogAsync(a5, "2019-01-31T23:00:00Z", status: "notApplied");                     // 00:00 on 1 Feb in Denmark: logged Feb
        var a6 = await w.CitizenAsync("0751", ("jobready", "2019-01-01", null));
        await w.ExemptionAsync(a6, "2019-01-10", "2019-01-26");                                 // 17 days exempt: 14 left, no duty in Jan
        await w.LogAsync(a6, "2019-01-05T10:00:00Z");
        var a7 = await w.CitizenAsync("0751", ("sickness", "2019-01-01", null));                // no duty to log
        await w.LogAsync(a7, "2019-01-05T10:00:00Z");
        _ = await w.CitizenAsync("0751", ("jobready", "2019-01-01", "2019-01-10"), ("sickness", "2019-01-11", "2019-01-20"),
            ("dagpenge", "2019-01-21", null));                                                  // a8: 10 + 11 days with a duty: dagpenge
        var a9 = await w.CitizenAsync("0751", ("jobready", "2019-01-01", null));
        await w.LogAsync(a9, "2019-01-05T10:00:00Z", kind: "otherActivity");                    // logged Jan, no application
        await w.LogAsync(a9, "2019-02-02T10:00:00Z", appliedOn: "2019-01-31");                  // logged Feb, an application of Jan
        await w.LogAsync(a9, "2019-01-02T10:00:00Z", appliedOn: "2018-12-30");                  // logged Jan, an application of Dec
        var a10 = await w.CitizenAsync("0751", ("jobready", "2019-01-01", null));
        foreach (var (day, status) in new[] { (3, "applied"), (4, "applied"), (5, "interview"), (6, "rejected"), (7, "hired"), (8, "applied"), (9, "applied") })
            await w.LogAsync(a10, $"2019-01-{day:00}T10:00:00Z", status: status, closed: day == 6);  // 7 applications in Jan
        await w.LogAsync(a10, "2019-01-10T10:00:00Z", status: "notApplied");                     // not an application

        // København (0101), February: 14, 15 and 15 days.
        _ = await w.CitizenAsync("0101", ("jobready", "2019-02-01", "2019-02-14"));
        _ = await w.CitizenAsync("0101", ("jobready", "2019-02-01", "2019-02-15"));
        _ = await w.CitizenAsync("0101", ("jobready", "2019-02-14", null));

        // April (30 days): 15 days education-ready, then 15 ledighedsydelse: a tie, the later group.
        _ = await w.CitizenAsync("0751", ("educationready", "2019-04-01", "2019-04-15"), ("ledighedsydelse", "2019-04-16", null));

        // March, education-ready, in eight municipalities.
        foreach (var (code, obligated, logged) in MarchEducationReady)
        {
            for (var i = 0; i < obligated; i++)
            {
                var c = await w.CitizenAsync(code, ("educationready", "2019-03-01", "2019-03-31"));
                if (i >= logged) continue;
                for (var k = 0; k < (code == "0101" ? 12 : 1); k++) await w.LogAsync(c, $"2019-03-{10 + k:00}T10:00:00Z");
            }
        }
    }
}

/// <summary>Writes the rows of <see cref="StatisticsFixture"/>'s world.</summary>
internal sealed class StatisticsWorld(PostgresConnection db)
{
    private int count;

    public async Task<Guid> CitizenAsync(string municipality, params (string Group, string From, string? To)[] periods)
    {
        var id = Guid.NewGuid();
        count++;
        await db.ExecuteAsync(
            "insert into citizens (id, cpr, name, municipality_code) values (@id, @cpr, @name, @municipality)",
            new { id, cpr = "stat-" + id.ToString("N")[..12], name = $"Statistikborger {count}", municipality });
        foreach (var (group, from, to) in periods)
            await db.ExecuteAsync(
                "insert into target_group_periods (id, citizen_id, target_group, starts_on, ends_on) values (gen_random_uuid(), @id, @group, @from, @to)",
                new { id, group, from = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), to = Day(to) });
        return id;
    }

    public Task ExemptionAsync(Guid citizen, string from, string? to) =>
        db.ExecuteAsync(
            "insert into exemptions (id, citizen_id, starts_on, ends_on, reason, granted_by) values (gen_random_uuid(), @citizen, @from, @to, 'Test', 'nina')",
            new { citizen, from = Day(from), to = Day(to) });

    /// <summary>A log created (and last changed) at <paramref name="at"/> (UTC); a job-search log unless <paramref name="kind"/> says otherwise.</summary>
    public Task LogAsync(Guid citizen, string at, string kind = "jobSearch", string status = "applied", string? appliedOn = null, bool closed = false) =>
        db.ExecuteAsync(
            """
            insert into logs (id, citizen_id, kind, status, job_title, employer_name, applied_on, activity_type, activity_date, closed, created_at, updated_at, channel, version)
            values (gen_random_uuid(), @citizen, @kind, @status, @title, @employer, @appliedOn, @activity, @activityDate, @closed, @at, @at, 'jobnet', 1)
            """,
            new
            {
                citizen, kind, status = kind == "jobSearch" ? status : null, title = kind == "jobSearch" ? "Lagermedarbejder" : null,
                employer = kind == "jobSearch" ? "Firma A/S" : null, appliedOn = Day(appliedOn), activity = kind == "jobSearch" ? null : "jobFair",
                activityDate = kind == "jobSearch" ? (DateOnly?)null : DateOnly.FromDateTime(DateTime.Parse(at, System.Globalization.CultureInfo.InvariantCulture)),
                closed, at = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture),
            });

    private static DateOnly? Day(string? text) => text is null ? null : DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
