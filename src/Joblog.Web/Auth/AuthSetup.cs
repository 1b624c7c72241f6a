using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Joblog.Web.Auth;

public static class AuthSetup
{
    public const string CookieScheme = "Session";
    private const string Selector = "Joblog";

    public static WebApplicationBuilder AddJoblogAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ITicketStore, PostgresTicketStore>();
        services.AddSingleton<SessionSignIn>();

        services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, Selector, o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiKeyHandler.SchemeName : CookieScheme)
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = "__Host-joblog-session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.Path = "/";
                o.CookieManager = new HostPrefixCookieManager();
                o.ExpireTimeSpan = PostgresTicketStore.Sliding;
                o.SlidingExpiration = true;
                o.LoginPath = "/test-login";
                o.Events.OnRedirectToLogin = c => ApiAware(c, StatusCodes.Status401Unauthorized);
                // No redirect: the 403 page ("Du har ikke rettigheder til at foretage denne handling") is shown at the same address.
                o.Events.OnRedirectToAccessDenied = c =>
                {
                    c.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null);
        services.AddOptions<CookieAuthenticationOptions>(CookieScheme)
            .Configure<ITicketStore>((o, store) => o.SessionStore = store);

        services.AddAuthorization();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "RequestVerificationToken";
            o.Cookie.Name = "joblog-antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        return builder;
    }

    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Unsafe API requests from a cookie session must carry the antiforgery token header.</summary>
    public static RouteGroupBuilder RequireAntiforgeryForSessions(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var unsafeMethod = !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method));
            if (unsafeMethod && http.User.Identity?.AuthenticationType == CookieScheme)
            {
                var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
                if (!await antiforgery.IsRequestValidAsync(http))
                    return TypedResults.Problem(statusCode: 400, title: "Manglende eller ugyldigt antiforgery-token",
                        detail: "Send headeren RequestVerificationToken med værdien fra GET /api/v1/antiforgery.");
            }
            return await next(context);
        });
}
