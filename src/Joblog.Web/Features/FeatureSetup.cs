using Joblog.Web.Access;
using Joblog.Web.Api;
using Joblog.Web.Auth;
using Joblog.Web.Database;
using Joblog.Web.Features.Attachments;
using Joblog.Web.Features.Citizens;
using Joblog.Web.Features.Demo;
using Joblog.Web.Features.Logs;
using Joblog.Web.Features.SignIn;
using Joblog.Web.Localization;
using Joblog.Web.Storage;

namespace Joblog.Web.Features;

/// <summary>Registers and maps every feature folder.</summary>
public static class FeatureSetup
{
    public static WebApplicationBuilder AddJoblogFeatures(this WebApplicationBuilder builder)
    {
        DapperTypes.Register();
        var services = builder.Services;
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/Logs");
            o.Conventions.AuthorizeFolder("/Attachments");
            o.Conventions.AuthorizePage("/Home/Index");
        });
        services.AddHealthChecks();
        services.AddProblemDetails();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Joblog API";
            doc.Info.Version = "v1";
            return Task.CompletedTask;
        }));
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));

        services.AddSingleton<IAccessPolicy, JobcenterPolicy>();
        services.AddSingleton<IAccessPolicy, AkassePolicy>();
        services.AddSingleton<IAccessPolicy, AgencyPolicy>();
        services.AddSingleton<CitizenGate>();
        services.AddSingleton<LogStore>();
        services.AddSingleton<LogQuery>();
        services.AddSingleton<LogHistory>();
        services.AddSingleton<DemoLoader>();
        services.AddJoblogFileStore();
        services.AddSingleton<AttachmentStore>();
        services.AddSingleton<AttachmentSweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<AttachmentSweeper>());
        services.AddScoped<Problems>();
        return builder;
    }

    public static async Task LoadDemoWorldIfDemoModeAsync(this WebApplication app)
    {
        if (DemoMode.IsOn(app.Configuration, app.Environment))
            await app.Services.GetRequiredService<DemoLoader>().LoadAsync(CancellationToken.None);
    }

    public static WebApplication UseJoblogPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }
        app.UseJoblogErrorPages();
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseJoblogLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapJoblogFeatures(this WebApplication app)
    {
        app.MapHealthChecks("/health");
        app.MapOpenApi("/openapi/{documentName}.json");
        var api = app.MapGroup("/api/v1").RequireAuthorization().RequireAntiforgeryForSessions();
        api.MapAccountApi();
        api.MapCitizensApi();
        api.MapLogsApi();
        api.MapAttachmentsApi();
        app.MapLogout();
        app.MapRazorPages();
        return app;
    }

    private static void UseSecurityHeaders(this WebApplication app) =>
        app.Use((context, next) =>
        {
            var h = context.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "same-origin";
            h.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
            return next(context);
        });
}
