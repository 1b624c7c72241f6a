using Dapper;
using Joblog.Web.Auth;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Npgsql;

namespace Joblog.Web.Features.SignIn;

public sealed record OrganisationDto(string Id, string Name, string Kind);

public sealed record MeDto(string Kind, string Name, Guid? CitizenId, OrganisationDto? Organisation);

public sealed record AntiforgeryDto(string Token, string HeaderName);

/// <summary>Who am I, the antiforgery token for scripts with a session, and logging out.</summary>
public static class AccountApi
{
    public static void MapAccountApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", Me).WithTags("Account").Produces<MeDto>();
        api.MapGet("/antiforgery", (HttpContext http, IAntiforgery af) =>
        {
            var tokens = af.GetAndStoreTokens(http);
            return TypedResults.Ok(new AntiforgeryDto(tokens.RequestToken!, tokens.HeaderName!));
        }).WithTags("Account");
    }

    public static void MapLogout(this IEndpointRouteBuilder app) =>
        app.MapPost("/logout", async (HttpContext http, IAntiforgery af) =>
        {
            if (!await af.IsRequestValidAsync(http)) return Results.BadRequest();
            await http.SignOutAsync(AuthSetup.CookieScheme);
            return Results.Redirect("/");
        }).ExcludeFromDescription();

    private static async Task<IResult> Me(HttpContext http, NpgsqlDataSource db)
    {
        var actor = Actor.From(http.User)!;
        OrganisationDto? org = null;
        if (actor.OrganisationId is { } id)
        {
            await using var conn = await db.OpenConnectionAsync(http.RequestAborted);
            org = await conn.QuerySingleOrDefaultAsync<OrganisationDto>("select id as Id, name as Name, kind as Kind from organisations where id = @id", new { id });
        }
        return TypedResults.Ok(new MeDto(actor.KindText, actor.Name, actor.CitizenId, org));
    }
}
