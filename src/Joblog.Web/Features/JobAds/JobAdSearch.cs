using Dapper;
using Joblog.Web.Access;
using Npgsql;

namespace Joblog.Web.Features.JobAds;

/// <summary>
/// What Find job searches by: free text (Danish full text, or part of the title or employer), an
/// occupation (DISCO-08), the distance from a postal code (the citizen's home), and whether ads whose
/// deadline has passed are included.
/// </summary>
public sealed record JobAdFilter(string? Text, string? Occupation, int? MaxKm, string? Origin, bool IncludeExpired = false);

/// <summary>One job ad found; <see cref="DistanceKm"/> from the filter's origin, <see cref="Saved"/> for the citizen searching.</summary>
public sealed class JobAdHit
{
    public Guid Id { get; init; }
    public string Title { get; init; } = "";
    public string EmployerName { get; init; } = "";
    public string? OccupationCode { get; init; }
    public string? OccupationTitle { get; init; }
    public string? Address { get; init; }
    public string? PostalCode { get; init; }
    public string? City { get; init; }
    public double? Lat { get; init; }
    public double? Lon { get; init; }
    public DateOnly? Deadline { get; init; }
    public string? WorkingTime { get; init; }
    public string Description { get; init; } = "";
    public string? Url { get; init; }
    public DateOnly PublishedOn { get; init; }
    public double? DistanceKm { get; init; }
    public bool Saved { get; init; }
    public long Total { get; init; }
}

public sealed record JobAdResults(IReadOnlyList<JobAdHit> Items, int Total);

public sealed record OccupationChoice(string Code, string Title, int Ads);

/// <summary>Searches the job ads. Job ads are public; what is the citizen's (home, saved jobs) comes through a <see cref="CitizenAccess"/>.</summary>
public sealed class JobAdSearch(NpgsqlDataSource db, TimeProvider clock)
{
    public async Task<JobAdResults> SearchAsync(JobAdFilter filter, CitizenAccess? savedFor, int offset, int limit, CancellationToken ct)
    {
        var text = string.IsNullOrWhiteSpace(filter.Text) ? null : filter.Text.Trim();
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = (await conn.QueryAsync<JobAdHit>(
            """
            select a.id, a.title, a.employer_name, a.occupation_code, o.title as occupation_title, a.address, a.postal_code, a.city,
                   a.lat, a.lon, a.deadline, a.working_time, a.description, a.url, a.published_on, d.km as distance_km,
                   exists (select 1 from saved_jobs s where s.citizen_id = @citizenId and s.job_ad_id = a.id) as saved,
                   count(*) over () as total
            from job_ads a
            left join occupations o on o.code = a.occupation_code
            left join postal_codes home on home.number = @origin
            cross join lateral (select distance_km(home.lat, home.lon, a.lat, a.lon) as km) d
            where (@q::text is null or a.search @@ websearch_to_tsquery('danish', @q)
                   or lower(a.title) like @like or lower(a.employer_name) like @like)
              and (@occupation::text is null or a.occupation_code = @occupation)
              and (@includeExpired or a.deadline is null or a.deadline >= @today)
              and (@maxKm::double precision is null or d.km <= @maxKm)
            order by (@q::text is not null and lower(a.title) like @like) desc,
                     case when @q::text is null then 0 else ts_rank(a.search, websearch_to_tsquery('danish', @q)) end desc,
                     a.deadline nulls last, a.published_on desc, a.id
            limit @limit offset @offset
            """,
            new
            {
                q = text, like = text is null ? null : "%" + EscapeLike(text.ToLowerInvariant()) + "%",
                occupation = string.IsNullOrWhiteSpace(filter.Occupation) ? null : filter.Occupation,
                origin = filter.Origin, maxKm = (double?)filter.MaxKm, filter.IncludeExpired, today = clock.Today(),
                citizenId = savedFor?.CitizenId, limit, offset,
            })).ToList();
        return new JobAdResults(rows, rows.Count == 0 ? 0 : (int)rows[0].Total);
    }

    /// <summary>The occupations that have ads open today, for the occupation filter.</summary>
    public async Task<IReadOnlyList<OccupationChoice>> OccupationsAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<OccupationChoice>(
            """
            select o.code, o.title, count(*)::int as ads from job_ads a join occupations o on o.code = a.occupation_code
            where a.deadline is null or a.deadline >= @today
            group by o.code, o.title order by o.title
            """, new { today = clock.Today() })).ToList();
    }

    /// <summary>The citizen's home postal code and its name, when known.</summary>
    public async Task<(string? PostalCode, string? Name)> HomeAsync(CitizenAccess access, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleOrDefaultAsync<(string?, string?)>(
            "select c.postal_code, p.name from citizens c left join postal_codes p on p.number = c.postal_code where c.id = @CitizenId",
            new { access.CitizenId });
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
