using Joblog.Web.Localization;

namespace Joblog.Web.Features;

/// <summary>Registers and maps every feature folder.</summary>
public static class FeatureSetup
{
    public static WebApplicationBuilder AddJoblogFeatures(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(o => o.RootDirectory = "/Features");
        builder.Services.AddHealthChecks();
        return builder;
    }

    public static Task LoadDemoWorldIfDemoModeAsync(this WebApplication app) => Task.CompletedTask;

    public static WebApplication UseJoblogPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }
        app.UseStaticFiles();
        app.UseJoblogLocalization();
        app.UseRouting();
        return app;
    }

    public static WebApplication MapJoblogFeatures(this WebApplication app)
    {
        app.MapHealthChecks("/health");
        app.MapRazorPages();
        return app;
    }
}
