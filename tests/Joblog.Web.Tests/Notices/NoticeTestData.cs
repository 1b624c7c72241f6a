using System.Net.Http.Json;
using System.Text.Json;
using Joblog.Web.Tests.Infrastructure;

namespace Joblog.Web.Tests.Notices;

/// <summary>One row of <c>inactivity_notices</c>, as a test looks at it.</summary>
public sealed class NoticeRow
{
    public long Id { get; init; }
    public DateOnly InactiveSince { get; init; }
    public DateTime CreatedAt { get; init; }
    public string? JobcenterId { get; init; }
    public string? AkasseId { get; init; }
    public DateTime? EndedAt { get; init; }
    public string? EndedReason { get; init; }
    public Guid? EndedByLog { get; init; }

    public bool Open => EndedAt is null;
}

/// <summary>Citizens, periods, logs and exemptions written straight to the database, for the rules to be tried on.</summary>
internal static class NoticeTestData
{
    /// <summary>A new citizen (no CPR-like number: nothing here goes near a URL) with one target-group period.</summary>
    public static async Task<Guid> NewCitizenAsync(this PostgresConnection db, string group, DateOnly from, DateOnly? to = null,
        string municipality = "0751", string? akasse = null)
    {
        var id = Guid.NewGuid();
        await db.ExecuteAsync(
            """
            insert into citizens (id, cpr, name, municipality_code, akasse_id) values (@id, @cpr, @name, @municipality, @akasse);
            insert into target_group_periods (id, citizen_id, target_group, starts_on, ends_on) values (gen_random_uuid(), @id, @group, @from, @to)
            """, new { id, cpr = "test-" + id.ToString("N")[..12], name = "Testborger " + id.ToString("N")[..6], municipality, akasse, group, from, to });
        return id;
    }

    public static Task AddPeriodAsync(this PostgresConnection db, Guid citizen, string group, DateOnly from, DateOnly? to = null) =>
        db.ExecuteAsync("insert into target_group_periods (id, citizen_id, target_group, starts_on, ends_on) values (gen_random_uuid(), @citizen, @group, @from, @to)",
            new { citizen, group, from, to });

    public static Task EndPeriodsAsync(this PostgresConnection db, Guid citizen, DateOnly endsOn) =>
        db.ExecuteAsync("update target_group_periods set ends_on = @endsOn where citizen_id = @citizen", new { citizen, endsOn });

    /// <summary>A log created and last changed at <paramref name="at"/>, written around the log store (as a bulk load would).</summary>
    public static async Task<Guid> AddLogAsync(this PostgresConnection db, Guid citizen, DateTimeOffset at)
    {
        var id = Guid.NewGuid();
        await db.ExecuteAsync(
            """
            insert into logs (id, citizen_id, kind, status, job_title, employer_name, created_at, updated_at, channel, version)
            values (@id, @citizen, 'jobSearch', 'applied', 'Lagermedarbejder', 'Firma A/S', @at, @at, 'jobnet', 1)
            """, new { id, citizen, at });
        return id;
    }

    public static Task AddExemptionAsync(this PostgresConnection db, Guid citizen, DateOnly from, DateOnly? to = null) =>
        db.ExecuteAsync(
            "insert into exemptions (id, citizen_id, starts_on, ends_on, reason, granted_by) values (gen_random_uuid(), @citizen, @from, @to, 'Test', 'nina')",
            new { citizen, from, to });

    /// <summary>Moves every log of the citizen to <paramref name="at"/> (created and changed then).</summary>
    public static Task MoveLogsAsync(this PostgresConnection db, Guid citizen, DateTimeOffset at) =>
        db.ExecuteAsync("update logs set created_at = @at, updated_at = @at where citizen_id = @citizen", new { citizen, at });

    public static Task<IReadOnlyList<NoticeRow>> NoticesAsync(this PostgresConnection db, Guid citizen) =>
        db.QueryAsync<NoticeRow>(
            """
            select id, inactive_since as InactiveSince, created_at as CreatedAt, jobcenter_id as JobcenterId, akasse_id as AkasseId,
                   ended_at as EndedAt, ended_reason as EndedReason, ended_by_log as EndedByLog
            from inactivity_notices where citizen_id = @citizen order by id
            """, new { citizen });

    /// <summary>Every item of the caller's work list from the API, page by page.</summary>
    public static async Task<List<JsonElement>> WorkListItemsAsync(this HttpClient client, int limit = 500)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/worklist/inactivity?limit={limit}&cursor={cursor}",
                TestContext.Current.CancellationToken);
            items.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return items;
    }
}
