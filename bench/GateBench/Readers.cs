using Dapper;
using Joblog.Web.Auth;
using Npgsql;

namespace Joblog.Bench.Gate;

/// <summary>
/// One caseworker reading one citizen the gate lets them read; <paramref name="Stranger"/> is a caseworker of a
/// jobcenter of another municipality, whom the gate refuses the same citizen after the same facts query.
/// </summary>
internal sealed record Reader(Actor Actor, Guid CitizenId, string OrganisationKind, Actor Stranger);

/// <summary>
/// Draws the (caseworker, citizen) pairs: jobcenter staff reading citizens of their municipality, a-kasse staff
/// reading members with a dagpenge or dimittend course open today. The staff are made in memory (the world has no
/// staff rows); their ids all start with <see cref="ActorPrefix"/>, so the looks they leave in access_log can be
/// found and deleted. Jobcenter organisations the database lacks (the world has a-kasser only) are added for the run,
/// named with <see cref="Marker"/>, and deleted afterwards.
/// </summary>
internal static class Readers
{
    public const string ActorPrefix = "gatebench-";
    public const string Marker = " (gate benchmark)";
    private const int StaffPerOrganisation = 3;

    public static async Task<(List<Reader> Readers, int OrganisationsAdded)> DrawAsync(
        NpgsqlConnection conn, BenchOptions options, DateOnly today, CancellationToken ct)
    {
        var jobcenterReads = (int)Math.Round(options.Readers * options.JobcenterShare);
        var seed = options.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Ordered by a hash of id and seed: the same sample whatever plan PostgreSQL picks.
        var residents = (await conn.QueryAsync<(Guid Id, string Municipality, string Akasse)>(new CommandDefinition(
            "select id, municipality_code, '' from citizens order by md5(id::text || @seed) limit @n",
            new { seed, n = jobcenterReads }, cancellationToken: ct))).ToList();
        var members = (await conn.QueryAsync<(Guid Id, string Municipality, string Akasse)>(new CommandDefinition(
            """
            select c.id, c.municipality_code, c.akasse_id from citizens c
            where c.akasse_id is not null and exists (
                select 1 from target_group_periods p
                where p.citizen_id = c.id and p.target_group in ('dagpenge', 'dimittend')
                  and p.starts_on <= @today and (p.ends_on is null or p.ends_on >= @today))
            order by md5(c.id::text || @seed) limit @n
            """,
            new { seed, today, n = options.Readers - jobcenterReads }, cancellationToken: ct))).ToList();

        // A jobcenter for every municipality: the residents' own, and the strangers'.
        const string missing = "from municipalities m where not exists (select 1 from organisations o where o.id = 'jc-' || m.code)";
        var added = await conn.ExecuteScalarAsync<int>($"select count(*) {missing}") == 0 ? 0 : await WriteAsync(conn,
            $"""
            insert into organisations (id, kind, name, municipality_code)
            select 'jc-' || m.code, 'jobcenter', 'Jobcenter ' || m.name || @marker, m.code {missing}
            on conflict (id) do nothing
            """, new { marker = Marker }, ct);
        var municipalities = (await conn.QueryAsync<string>(new CommandDefinition(
            "select municipality_code from organisations where kind = 'jobcenter' order by 1", cancellationToken: ct))).ToList();
        if (municipalities.Count < 2) throw new InvalidOperationException("fewer than two jobcenters: no stranger to refuse");
        Actor StrangerTo((Guid Id, string Municipality, string Akasse) c) =>
            Staff("jc-" + municipalities.First(m => m != c.Municipality), c.Id);

        var readers = new List<Reader>(options.Readers);
        readers.AddRange(residents.Select(r => new Reader(Staff("jc-" + r.Municipality, r.Id), r.Id, "jobcenter", StrangerTo(r))));
        readers.AddRange(members.Select(m => new Reader(Staff(m.Akasse, m.Id), m.Id, "akasse", StrangerTo(m))));
        var rng = new Random(options.Seed);
        rng.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(readers));
        return (readers, added);
    }

    /// <summary>Deletes what a run (this one or one that was killed) left: its looks, then its organisations.</summary>
    public static async Task<(int Looks, int Organisations)> CleanUpAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        var looks = new { prefix = ActorPrefix + "%" };
        var organisations = new { marker = "%" + Marker };
        // Look before deleting: a delete takes a lock that a long transaction elsewhere (DDL on the world) may block.
        return (
            await conn.ExecuteScalarAsync<bool>("select exists (select 1 from access_log where actor_id like @prefix)", looks)
                ? await WriteAsync(conn, "delete from access_log where actor_id like @prefix", looks, ct) : 0,
            await conn.ExecuteScalarAsync<bool>("select exists (select 1 from organisations where name like @marker)", organisations)
                ? await WriteAsync(conn, "delete from organisations where name like @marker", organisations, ct) : 0);
    }

    /// <summary>A write of the benchmark's own rows that gives up after 10 s waiting for a lock, saying why.</summary>
    private static async Task<int> WriteAsync(NpgsqlConnection conn, string sql, object parameters, CancellationToken ct)
    {
        await using var tx = await conn.BeginTransactionAsync(ct);
        await conn.ExecuteAsync("set local lock_timeout = '10s'", transaction: tx);
        try
        {
            var n = await conn.ExecuteAsync(new CommandDefinition(sql, parameters, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            return n;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            throw new InvalidOperationException(
                "another session holds a lock on the table (e.g. a long transaction that creates a table referencing it); "
                + "try later, or measure on a copy (WORLD_COPY=1, gate.sh's default)", e);
        }
    }

    private static Actor Staff(string organisationId, Guid citizenId)
    {
        var n = (citizenId.GetHashCode() & int.MaxValue) % StaffPerOrganisation + 1;
        return new Actor(ActorKind.Staff, $"{ActorPrefix}{organisationId}-{n}", $"Sagsbehandler {n}{Marker}", null, organisationId);
    }
}
