using Dapper;
using Npgsql;

namespace Joblog.Web.Features.Demo;

/// <summary>
/// Mette's Krav til jobsøgning from Jobcenter Aarhus, set by Nina four weeks ago: 1.5 applications a week, her job goals'
/// occupations, at most 40 km from home, advertised positions and unsolicited applications. Inserted once: a caseworker
/// may have changed it since (then the demo's set is ended and a newer one is in force).
/// </summary>
public static class DemoRequirements
{
    public const int MetteSetDaysAgo = 28;

    public static Task LoadAsync(NpgsqlConnection conn, NpgsqlTransaction tx, DateOnly today)
    {
        var at = new DateTimeOffset(today.AddDays(-MetteSetDaysAgo).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        return conn.ExecuteAsync(
            """
            insert into search_requirements (id, citizen_id, organisation_id, applications_per_week, occupation_codes, max_km, municipality_codes,
                                             methods, starts_on, version, created_at, updated_at, actor_kind, actor_id, actor_name, channel)
            values (@id, @citizen, 'jc-0751', 1.5, @occupations, 40, '{}', '{advertised,unsolicited}', @from, 1, @at, @at,
                    'staff', 'nina', 'Nina Demo', 'jobcenter')
            on conflict do nothing
            """,
            new
            {
                id = Personas.IdFor("requirements:mette"), citizen = Personas.CitizenId("mette"),
                occupations = Personas.JobGoals.Where(g => g.Citizen == "mette").Select(g => g.OccupationCode).Order(StringComparer.Ordinal).ToArray(),
                from = today.AddDays(-MetteSetDaysAgo), at,
            }, tx);
    }
}
