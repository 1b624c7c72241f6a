using Dapper;
using Joblog.Core.Logs;
using Joblog.Web.Access;
using Npgsql;

namespace Joblog.Web.Features.Requirements;

public enum RequirementOutcome { Done, Stale, Forbidden, NotFound }

/// <summary>What a change did; <see cref="Version"/> is the organisation's version after it (or the current one when stale).</summary>
public sealed record RequirementWrite(RequirementOutcome Outcome, int Version);

/// <summary>
/// The requirement sets of a citizen (<c>search_requirements</c>) and the applications they are measured on. Takes a
/// <see cref="CitizenAccess"/> from the gate: anyone the gate lets see the citizen reads them; only the organisations
/// of <see cref="StaffTools.MaySetRequirements"/> change their own. A change ends the open set and starts a new one,
/// recording who and through which channel — and the caller's pending look — in one transaction.
/// </summary>
public sealed class RequirementStore(NpgsqlDataSource db, TimeProvider clock)
{
    private const string Select = """
        select r.id, r.organisation_id, o.name as organisation_name, r.applications_per_week, r.max_km, r.methods, r.starts_on, r.ends_on,
               r.version, r.created_at, r.actor_kind, r.actor_name, r.channel, r.ended_actor_kind, r.ended_actor_name, r.ended_channel, r.ended_at,
               r.occupation_codes,
               array(select coalesce(x.title, c.code) from unnest(r.occupation_codes) with ordinality c(code, n)
                     left join occupations x on x.code = c.code order by c.n) as occupation_titles,
               r.municipality_codes,
               array(select coalesce(x.name, c.code) from unnest(r.municipality_codes) with ordinality c(code, n)
                     left join municipalities x on x.code = c.code order by c.n) as municipality_names
        from search_requirements r join organisations o on o.id = r.organisation_id
        """;

    /// <summary>The sets in force: one per organisation that has set requirements, the jobcenter's first.</summary>
    public async Task<IReadOnlyList<RequirementSet>> OpenSetsAsync(CitizenAccess access, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<Row>(new CommandDefinition(
            $"{Select} where r.citizen_id = @CitizenId and r.ends_on is null order by o.kind <> 'jobcenter', o.name",
            new { access.CitizenId }, cancellationToken: ct));
        return rows.Select(r => r.ToSet()).ToList();
    }

    /// <summary>Every set the caller's organisation has set for the citizen, the latest first.</summary>
    public async Task<IReadOnlyList<RequirementSet>> HistoryAsync(CitizenAccess access, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<Row>(new CommandDefinition(
            $"{Select} where r.citizen_id = @CitizenId and r.organisation_id = @org order by r.version desc",
            new { access.CitizenId, org = access.Actor.OrganisationId }, cancellationToken: ct));
        return rows.Select(r => r.ToSet()).ToList();
    }

    /// <summary>The version of the caller's organisation's requirements for the citizen (0: never set): the ETag.</summary>
    public async Task<int> VersionAsync(CitizenAccess access, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await ChainVersionAsync(conn, null, access);
    }

    /// <summary>Sets the caller's organisation's requirements, if <paramref name="expectedVersion"/> is current; the same content again changes nothing.</summary>
    public async Task<RequirementWrite> SetAsync(CitizenAccess access, int expectedVersion, RequirementInput input, CancellationToken ct)
    {
        if (!StaffTools.MaySetRequirements(access)) return new(RequirementOutcome.Forbidden, 0);
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var version = await LockAsync(conn, tx, access);
        if (version != expectedVersion) return new(RequirementOutcome.Stale, version);
        var open = await OpenSetAsync(conn, tx, access);
        if (open is not null && open.SameAs(input))
        {
            // Nothing changes, but the caller is shown the requirements: still a look.
            await RecordLookAsync(conn, tx, access);
            await tx.CommitAsync(ct);
            return new(RequirementOutcome.Done, version);
        }

        var now = clock.GetUtcNow();
        if (open is not null) await EndOpenAsync(conn, tx, access, open, now, bumpVersion: false);
        await conn.ExecuteAsync(
            """
            insert into search_requirements (id, citizen_id, organisation_id, applications_per_week, occupation_codes, max_km, municipality_codes,
                                             methods, starts_on, version, created_at, updated_at, actor_kind, actor_id, actor_name, channel)
            values (@id, @CitizenId, @org, @perWeek, @occupations, @maxKm, @municipalities, @methods, @today, @version, @now, @now,
                    @actorKind, @actorId, @actorName, @channel)
            """,
            new
            {
                id = Guid.CreateVersion7(), access.CitizenId, org = access.Actor.OrganisationId, perWeek = input.ApplicationsPerWeek,
                occupations = input.OccupationCodes.ToArray(), input.MaxKm, municipalities = input.MunicipalityCodes.ToArray(),
                methods = input.Methods.Select(m => ApiNames.Of(m)).ToArray(), today = clock.Today(), version = version + 1, now,
                actorKind = access.Actor.KindText, actorId = access.Actor.Id, actorName = access.Actor.Name, channel = ApiNames.Of(access.Channel),
            }, tx);
        await RecordLookAsync(conn, tx, access);
        await tx.CommitAsync(ct);
        return new(RequirementOutcome.Done, version + 1);
    }

    /// <summary>Ends the caller's organisation's requirements today (no new set), if <paramref name="expectedVersion"/> is current.</summary>
    public async Task<RequirementWrite> EndAsync(CitizenAccess access, int expectedVersion, CancellationToken ct)
    {
        if (!StaffTools.MaySetRequirements(access)) return new(RequirementOutcome.Forbidden, 0);
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var version = await LockAsync(conn, tx, access);
        if (version != expectedVersion) return new(RequirementOutcome.Stale, version);
        if (await OpenSetAsync(conn, tx, access) is not { } open) return new(RequirementOutcome.NotFound, version);
        await EndOpenAsync(conn, tx, access, open, clock.GetUtcNow(), bumpVersion: true);
        await RecordLookAsync(conn, tx, access);
        await tx.CommitAsync(ct);
        return new(RequirementOutcome.Done, version + 1);
    }

    /// <summary>
    /// The applications of the citizen whose day is in [<paramref name="from"/>, <paramref name="to"/>] (see
    /// <see cref="CountedApplication"/>), with the workplace's municipality and its distance from home (<c>distance_km</c>).
    /// </summary>
    public async Task<IReadOnlyList<CountedApplication>> ApplicationsAsync(CitizenAccess access, DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<ApplicationRow>(new CommandDefinition(
            """
            select a.id, a.day, a.job_title, a.employer_name, a.status, a.application_type, w.municipality_code as workplace_municipality,
                   distance_km(h.lat, h.lon, w.lat, w.lon) as distance_km,
                   case when a.occupation_code is not null then array[a.occupation_code]
                        else array(select x.code from occupation_aliases x where lower(x.title) = lower(btrim(a.job_title))
                                   union select x.code from occupations x where lower(x.title) = lower(btrim(a.job_title))) end as occupation_codes
            from (select l.*, coalesce(l.applied_on, (l.created_at at time zone 'Europe/Copenhagen')::date) as day
                  from logs l
                  where l.citizen_id = @CitizenId and l.kind = 'jobSearch' and l.status in ('applied', 'interview', 'rejected', 'hired')) a
            join citizens c on c.id = a.citizen_id
            left join postal_codes h on h.number = c.postal_code
            left join postal_codes w on w.number = a.employer_postal_code
            where a.day between @from and @to
            order by a.day desc, a.created_at desc
            """, new { access.CitizenId, from, to }, cancellationToken: ct));
        return rows.Select(r => r.ToApplication()).ToList();
    }

    /// <summary>Locks the citizen (two writes of one organisation's requirements queue up) and reads the organisation's version.</summary>
    private static async Task<int> LockAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CitizenAccess access)
    {
        await conn.ExecuteAsync("select 1 from citizens where id = @CitizenId for no key update", new { access.CitizenId }, tx);
        return await ChainVersionAsync(conn, tx, access);
    }

    private static Task<int> ChainVersionAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, CitizenAccess access) =>
        conn.ExecuteScalarAsync<int>(
            "select coalesce(max(version), 0) from search_requirements where citizen_id = @CitizenId and organisation_id = @org",
            new { access.CitizenId, org = access.Actor.OrganisationId }, tx);

    private static async Task<RequirementSet?> OpenSetAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CitizenAccess access) =>
        (await conn.QuerySingleOrDefaultAsync<Row>($"{Select} where r.citizen_id = @CitizenId and r.organisation_id = @org and r.ends_on is null",
            new { access.CitizenId, org = access.Actor.OrganisationId }, tx))?.ToSet();

    private async Task EndOpenAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CitizenAccess access, RequirementSet open, DateTimeOffset now, bool bumpVersion) =>
        await conn.ExecuteAsync(
            """
            update search_requirements
            set ends_on = @today, updated_at = @now, version = version + @bump, ended_at = @now, ended_actor_kind = @actorKind,
                ended_actor_id = @actorId, ended_actor_name = @actorName, ended_channel = @channel
            where id = @id
            """,
            new
            {
                open.Id, today = clock.Today(), now, bump = bumpVersion ? 1 : 0, actorKind = access.Actor.KindText, actorId = access.Actor.Id,
                actorName = access.Actor.Name, channel = ApiNames.Of(access.Channel),
            }, tx);

    /// <summary>The look the gate left pending for this write (<see cref="CitizenGate.OpenForWriteAsync"/>), in the write's transaction.</summary>
    private static async Task RecordLookAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CitizenAccess access)
    {
        if (access.PendingLook is { } look) await conn.ExecuteAsync(AccessRecord.InsertSql, look.Parameters, tx);
    }

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    private sealed class Row
    {
        public Guid Id { get; init; }
        public string OrganisationId { get; init; } = "";
        public string OrganisationName { get; init; } = "";
        public decimal ApplicationsPerWeek { get; init; }
        public int? MaxKm { get; init; }
        public string[] Methods { get; init; } = [];
        public DateOnly StartsOn { get; init; }
        public DateOnly? EndsOn { get; init; }
        public int Version { get; init; }
        public DateTime CreatedAt { get; init; }
        public string? ActorKind { get; init; }
        public string? ActorName { get; init; }
        public string? Channel { get; init; }
        public string? EndedActorKind { get; init; }
        public string? EndedActorName { get; init; }
        public string? EndedChannel { get; init; }
        public DateTime? EndedAt { get; init; }
        public string[] OccupationCodes { get; init; } = [];
        public string[] OccupationTitles { get; init; } = [];
        public string[] MunicipalityCodes { get; init; } = [];
        public string[] MunicipalityNames { get; init; } = [];

        // numeric(4, 2) reads as 1.50: the same number without trailing zeros (1.5), as it was written.
        public RequirementSet ToSet() => new(Id, OrganisationId, OrganisationName, ApplicationsPerWeek / 1.00000000000000000000000000m,
            OccupationCodes.Zip(OccupationTitles, (c, t) => new NamedCode(c, t)).ToList(), MaxKm,
            MunicipalityCodes.Zip(MunicipalityNames, (c, n) => new NamedCode(c, n)).ToList(),
            Methods.Select(ApiNames.ParseOrNull<ApplicationType>).OfType<ApplicationType>().ToList(),
            StartsOn, EndsOn, Version, Utc(CreatedAt),
            new Author(ActorKind, ActorName, ApiNames.ParseOrNull<Channel>(Channel)),
            EndedAt is null ? null : new Author(EndedActorKind, EndedActorName, ApiNames.ParseOrNull<Channel>(EndedChannel)),
            EndedAt is { } e ? Utc(e) : null);
    }

    private sealed class ApplicationRow
    {
        public Guid Id { get; init; }
        public DateOnly Day { get; init; }
        public string? JobTitle { get; init; }
        public string? EmployerName { get; init; }
        public string Status { get; init; } = "";
        public string? ApplicationType { get; init; }
        public string? WorkplaceMunicipality { get; init; }
        public double? DistanceKm { get; init; }
        public string[] OccupationCodes { get; init; } = [];

        public CountedApplication ToApplication() => new(Id, Day, JobTitle ?? "", EmployerName,
            ApiNames.ParseOrNull<LogStatus>(Status) ?? LogStatus.Applied, ApiNames.ParseOrNull<ApplicationType>(ApplicationType),
            OccupationCodes, WorkplaceMunicipality, DistanceKm);
    }
}
