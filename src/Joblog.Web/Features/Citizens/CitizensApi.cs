using Dapper;
using Joblog.Core.Citizens;
using Joblog.Core.Logs;
using Joblog.Web.Access;
using Joblog.Web.Api;
using Joblog.Web.Auth;
using Npgsql;

namespace Joblog.Web.Features.Citizens;

public sealed record LookupRequest(string? Cpr);

public sealed record LookupResult(Guid CitizenId, string Name);

public sealed record CitizenDto(Guid CitizenId, string Name, string MunicipalityCode, string? TargetGroup, string DutyToLog, string? Akasse);

/// <summary>The one way in for staff and systems: a CPR number in a POST body, answered with an opaque id.</summary>
public static class CitizensApi
{
    public static void MapCitizensApi(this RouteGroupBuilder api)
    {
        var citizens = api.MapGroup("/citizens").WithTags("Citizens");
        citizens.MapPost("/lookup", Lookup).Accepts<LookupRequest>("application/json").Produces<LookupResult>();
        citizens.MapGet("/{citizenId:guid}", Get).Produces<CitizenDto>();
    }

    private static async Task<IResult> Lookup(HttpContext http, CitizenGate gate, NpgsqlDataSource db, Problems problems)
    {
        var body = await JsonBody.ReadAsync<LookupRequest>(http.Request, http.RequestAborted);
        if (body.WrongContentType) return problems.UnsupportedMediaType();
        if (body.Value is null && body.FieldError is null) return problems.BadRequest("Api.Problem.NotJson");
        if (!Cpr.TryParse(body.Value?.Cpr, out var cpr)) return problems.Validation([new FieldError("cpr", "Citizen.Error.CprInvalid")]);

        await using var conn = await db.OpenConnectionAsync(http.RequestAborted);
        var citizen = await conn.QuerySingleOrDefaultAsync<(Guid Id, string Name)?>(
            "select id, name from citizens where cpr = @cpr", new { cpr = cpr.Formatted });
        if (citizen is not { } c) return problems.NotFound();
        var access = await gate.OpenAsync(Actor.From(http.User)!, c.Id, "citizen.lookup", http.RequestAborted);
        return access is null ? problems.NotFound() : TypedResults.Ok(new LookupResult(c.Id, c.Name));
    }

    private static async Task<IResult> Get(Guid citizenId, HttpContext http, CitizenGate gate, NpgsqlDataSource db, TimeProvider clock, Problems problems)
    {
        var access = await gate.OpenAsync(Actor.From(http.User)!, citizenId, "citizen.read", http.RequestAborted);
        if (access is null) return problems.NotFound();
        await using var conn = await db.OpenConnectionAsync(http.RequestAborted);
        var today = clock.Today();
        var row = await conn.QuerySingleAsync<(string Name, string Municipality, string? Akasse, string? Group, bool? Duty, bool Exempt)>(
            """
            select c.name, c.municipality_code, c.akasse_id, p.target_group, g.duty_to_log,
                   exists (select 1 from exemptions e where e.citizen_id = c.id and e.starts_on <= @today
                           and (e.ends_on is null or e.ends_on >= @today))
            from citizens c
            left join lateral (select target_group from target_group_periods
                               where citizen_id = c.id and starts_on <= @today and (ends_on is null or ends_on >= @today)
                               order by starts_on desc limit 1) p on true
            left join target_groups g on g.code = p.target_group
            where c.id = @citizenId
            """, new { citizenId, today });
        var duty = row.Duty != true ? "voluntary" : row.Exempt ? "exempt" : "required";
        return TypedResults.Ok(new CitizenDto(citizenId, row.Name, row.Municipality, row.Group, duty, row.Akasse));
    }
}
