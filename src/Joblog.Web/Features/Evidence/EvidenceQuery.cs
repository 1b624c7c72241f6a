using Dapper;
using Joblog.Core.Logs;
using Joblog.Web.Access;
using Joblog.Web.Features.Logs;
using Npgsql;

namespace Joblog.Web.Features.Evidence;

/// <summary>A postal district with its coordinate (reference data: the district's town, or its municipality's).</summary>
public sealed record Place(string PostalCode, string Name, double Lat, double Lon)
{
    public string Label => $"{PostalCode} {Name}";
}

/// <summary>Whose joblog it is and where they live (their home postal code; null when unknown or without a coordinate).</summary>
public sealed record EvidenceSubject(string Name, Place? Home);

/// <summary>A log with its workplace (from the employer's postal code) and the straight-line distance from home.</summary>
public sealed record PlacedLog(Log Log, Place? Workplace, double? DistanceKm, string? OccupationTitle)
{
    /// <summary>The day a log counts for: <see cref="EvidenceDates.DayOf"/>.</summary>
    public DateOnly Day => EvidenceDates.DayOf(Log);
}

/// <summary>One step of a log's status history: a version that created the log, changed its status, closed or reopened it.</summary>
public sealed record StatusStep(DateTimeOffset At, LogStatus? Status, string Change, string Channel, string ActorName);

/// <summary>
/// What the map, the progress page and the evidence export read: the citizen's logs with positions, and
/// their status histories. Takes a <see cref="CitizenAccess"/> from the gate, never a bare citizen id.
/// </summary>
public sealed class EvidenceQuery(NpgsqlDataSource db)
{
    public async Task<EvidenceSubject> SubjectAsync(CitizenAccess access, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var row = await conn.QuerySingleAsync<(string Name, string? Number, string? PlaceName, double? Lat, double? Lon)>(
            """
            select c.name, p.number, p.name, p.lat, p.lon
            from citizens c left join postal_codes p on p.number = c.postal_code
            where c.id = @CitizenId
            """, new { access.CitizenId });
        var home = row is { Number: { } n, PlaceName: { } pn, Lat: { } lat, Lon: { } lon } ? new Place(n, pn, lat, lon) : null;
        return new EvidenceSubject(row.Name, home);
    }

    /// <summary>All the citizen's logs (closed ones too), each with its workplace and distance from <paramref name="home"/>.</summary>
    public async Task<IReadOnlyList<PlacedLog>> LogsAsync(CitizenAccess access, Place? home, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<LogRow, PlaceRow?, OccupationRow?, PlacedLog>(
            """
            select l.*, p.number as place_number, p.name as place_name, p.lat as place_lat, p.lon as place_lon,
                   o.title as occupation_title
            from logs l
            left join postal_codes p on p.number = l.employer_postal_code and p.lat is not null and p.lon is not null
            left join occupations o on o.code = l.occupation_code
            where l.citizen_id = @CitizenId
            order by l.updated_at desc, l.id desc
            """,
            (log, place, occupation) =>
            {
                // Dapper gives null for a part whose first column is null: no known place, no known occupation.
                var workplace = place is null ? null : new Place(place.PlaceNumber, place.PlaceName, place.PlaceLat, place.PlaceLon);
                var distance = home is not null && workplace is not null ? Geo.DistanceKm(home, workplace) : (double?)null;
                return new PlacedLog(log.ToLog(), workplace, distance, occupation?.OccupationTitle);
            },
            new { access.CitizenId }, splitOn: "place_number,occupation_title");
        return rows.ToList();
    }

    /// <summary>
    /// The status history of each of the given logs, oldest first: the versions that created a log, changed its
    /// status, closed or reopened it (edits of other fields are left out).
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<StatusStep>>> StatusHistoryAsync(CitizenAccess access, IReadOnlyCollection<Guid> logIds, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(Guid LogId, DateTime At, string? Status, string Change, string Channel, string ActorName)>(
            """
            select v.log_id, v.at, v.snapshot ->> 'status', v.change, v.channel, v.actor_name
            from log_versions v join logs l on l.id = v.log_id
            where l.citizen_id = @CitizenId and v.log_id = any(@logIds)
            order by v.log_id, v.version
            """, new { access.CitizenId, logIds = logIds.ToArray() });
        var history = new Dictionary<Guid, IReadOnlyList<StatusStep>>();
        foreach (var versions in rows.GroupBy(r => r.LogId))
        {
            var steps = new List<StatusStep>();
            string? previous = null;
            foreach (var v in versions)
            {
                if (v.Change != "updated" || v.Status != previous)
                    steps.Add(new StatusStep(new DateTimeOffset(DateTime.SpecifyKind(v.At, DateTimeKind.Utc)),
                        ApiNames.ParseOrNull<LogStatus>(v.Status), v.Change, v.Channel, v.ActorName));
                previous = v.Status;
            }
            history[versions.Key] = steps;
        }
        return history;
    }

    private sealed class PlaceRow
    {
        public string PlaceNumber { get; set; } = "";
        public string PlaceName { get; set; } = "";
        public double PlaceLat { get; set; }
        public double PlaceLon { get; set; }
    }

    private sealed class OccupationRow
    {
        public string OccupationTitle { get; set; } = "";
    }
}
