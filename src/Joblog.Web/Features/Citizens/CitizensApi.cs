using Dapper;
using Joblog.Core.Citizens;
using Joblog.Core.Logs;
using Joblog.Web.Access;
using Joblog.Web.Api;
using Joblog.Web.Auth;
using Joblog.Web.Localization;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace Joblog.Web.Features.Citizens;

public sealed record LookupRequest(string? Cpr);

public sealed record LookupResult(Guid CitizenId, string Name);

public sealed record CitizenDto(Guid CitizenId, string Name, string MunicipalityCode, string? TargetGroup, string DutyToLog, string? Akasse,
    IReadOnlyList<PeriodDto> TargetGroupPeriods, IReadOnlyList<WithheldDto> Withheld);

public sealed record PeriodDto(string TargetGroup, DateOnly StartsOn, DateOnly? EndsOn);

/// <summary>A category held back from the caller, with the reason in Danish (see Access/Withholding.cs).</summary>
public sealed record WithheldDto(string Category, string Reason);

/// <summary>The one way in for staff and systems: a CPR number in a POST body, answered with an opaque id.</summary>
public static class CitizensApi
{
    public static void MapCitizensApi(this RouteGroupBuilder api)
    {
        var citizens = api.MapGroup("/citizens").WithTags("Citizens");
        citizens.MapPost("/lookup", Lookup).Accepts<LookupRequest>("application/json").Produces<LookupResult>();
        citizens.MapGet("/{citizenId:guid}", Get).Produces<CitizenDto>();
    }

    private static async Task<IResult> Lookup(HttpContext http, CitizenGate gate, CitizenDirectory directory, Problems problems)
    {
        var body = await JsonBody.ReadAsync<LookupRequest>(http.Request, http.RequestAborted);
        if (body.WrongContentType) return problems.UnsupportedMediaType();
        if (body.Value is null && body.FieldError is null) return problems.BadRequest("Api.Problem.NotJson");
        if (!Cpr.TryParse(body.Value?.Cpr, out var cpr)) return problems.Validation([new FieldError("cpr", "Citizen.Error.CprInvalid")]);

        if (await directory.FindAsync(cpr, http.RequestAborted) is not { } id) return problems.NotFound();
        var access = await gate.OpenAsync(Actor.From(http.User)!, id, "citizen.lookup", http.RequestAborted);
        return access is null ? problems.NotFound() : TypedResults.Ok(new LookupResult(id, access.CitizenName ?? access.Actor.Name));
    }

    private static async Task<IResult> Get(Guid citizenId, HttpContext http, CitizenGate gate, NpgsqlDataSource db, TimeProvider clock,
        IStringLocalizer<Texts> t, Problems problems)
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
        var periods = (await conn.QueryAsync<(string Group, DateOnly From, DateOnly? To)>(
                """
                select p.target_group, p.starts_on, p.ends_on
                from target_group_periods p join target_groups g on g.code = p.target_group
                where p.citizen_id = @citizenId and (g.akasse_may_see or not @onlyAkasseGroups)
                order by p.starts_on desc
                """,
                new { citizenId, onlyAkasseGroups = access.Withholds(Category.OtherTargetGroups) }))
            .Select(p => new PeriodDto(p.Group, p.From, p.To)).ToList();
        var withheld = access.Withheld.Order().Select(c => new WithheldDto(ApiNames.Of(c), t[WithheldTexts.ReasonKey(c)])).ToList();
        return TypedResults.Ok(new CitizenDto(citizenId, row.Name, row.Municipality, row.Group, duty, row.Akasse, periods, withheld));
    }
}
