using Joblog.Web.Access;
using Joblog.Web.Api;
using Joblog.Web.Auth;
using Joblog.Web.Database;
using Joblog.Web.Features.Attachments;
using Joblog.Web.Features.Calendar;
using Joblog.Web.Features.Citizens;
using Joblog.Web.Features.Demo;
using Joblog.Web.Features.Evidence;
using Joblog.Web.Features.Exemptions;
using Joblog.Web.Features.History;
using Joblog.Web.Features.JobAds;
using Joblog.Web.Features.JobGoals;
using Joblog.Web.Features.Logs;
using Joblog.Web.Features.Notices;
using Joblog.Web.Features.Requirements;
using Joblog.Web.Features.SavedJobs;
using Joblog.Web.Features.Search;
using Joblog.Web.Features.SignIn;
using Joblog.Web.Features.Statistics;
using Joblog.Web.Localization;
using Joblog.Web.Storage;
using Joblog.Web.Features.Shared;

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
            o.Conventions.AuthorizeFolder("/JobGoals");
            o.Conventions.AuthorizeFolder("/Calendar");
            o.Conventions.AuthorizeFolder("/Evidence");
            o.Conventions.AuthorizeFolder("/JobAds");
            o.Conventions.AuthorizeFolder("/SavedJobs");
            o.Conventions.AuthorizeFolder("/Attachments");
            o.Conventions.AuthorizeFolder("/History");
            o.Conventions.AuthorizeFolder("/Caseworker");
            o.Conventions.AuthorizeFolder("/Conversation");
            o.Conventions.AuthorizeFolder("/Notices");
            o.Conventions.AuthorizeFolder("/Requirements");
            o.Conventions.AuthorizeFolder("/Exemptions");
            o.Conventions.AuthorizeFolder("/Search");
            o.Conventions.AuthorizeFolder("/Statistics");
            o.Conventions.AuthorizePage("/Home/Index");
            o.Conventions.ConfigureFilter(new HandlerRequiredFilter());
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

        services.AddCitizenGate(builder.Configuration);
        services.AddSingleton<CitizenDirectory>();
        services.AddSingleton<LogStore>();
        services.AddSingleton<LogQuery>();
        services.AddSingleton<LogHistory>();
        services.AddSingleton<DemoLoader>();
        services.AddSingleton<JobGoalStore>();
        services.AddSingleton<OccupationSearch>();
        services.AddSingleton<CalendarQuery>();
        services.AddSingleton<CalendarFeedStore>();
        services.AddSingleton<EvidenceQuery>();
        services.AddScoped<EvidenceExport>();
        services.AddJobAdReading();
        services.AddSingleton<JobAdSearch>();
        services.AddSingleton<SavedJobStore>();
        services.AddJoblogFileStore();
        services.AddSingleton<AttachmentStore>();
        services.AddSingleton<AttachmentSweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<AttachmentSweeper>());
        services.AddSingleton<InactivitySweep>();
        services.AddSingleton<CitizenNotices>();
        services.AddSingleton<WorkList>();
        services.AddHostedService<DailySweep>();
        services.AddSingleton<RequirementStore>();
        services.AddSingleton<RequirementsView>();
        services.AddSingleton<MunicipalityList>();
        services.AddSingleton<ExemptionStore>();
        services.AddSingleton<UsageRefresh>();
        services.AddSingleton<UsageQuery>();
        services.AddHostedService<DailyStatistics>();
        services.AddScoped<Problems>();
        services.AddSingleton<SearchScopes>();
        services.AddSingleton<CitizenSearch>();
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
        api.MapAccessLogApi();
        api.MapLogsApi();
        api.MapJobGoalsApi();
        app.MapCalendarFeed();
        api.MapEvidenceApi();
        api.MapJobAdsApi();
        api.MapSavedJobsApi();
        api.MapAttachmentsApi();
        api.MapWorkListApi();
        api.MapRequirementsApi();
        api.MapExemptionsApi();
        api.MapSearchApi();
        api.MapStatisticsApi();
        app.MapLogout();
        app.MapRazorPages();
        return app;
    }

    private static void UseSecurityHeaders(this WebApplication app)
    {
        // Images from the app, data: URIs, and the map's tile server (Joblog:Map:TileUrl) — nothing else.
        var imgSrc = MapOptions.From(app.Configuration).TileSource is { } tiles ? $"'self' data: {tiles}" : "'self' data:";
        var csp = $"default-src 'self'; img-src {imgSrc}; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
        app.Use((context, next) =>
        {
            var h = context.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "same-origin";
            h.ContentSecurityPolicy = csp;
            return next(context);
        });
    }
}
