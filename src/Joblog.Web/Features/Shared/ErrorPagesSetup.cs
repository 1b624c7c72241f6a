namespace Joblog.Web.Features;

/// <summary>
/// Friendly, localized status pages (404 and friends) from <c>Features/Error.cshtml</c> for people;
/// problem details for the API, so a case system never gets an HTML page.
/// </summary>
public static class ErrorPagesSetup
{
    /// <summary>Call in the pipeline after the exception handler and before static files and routing.</summary>
    public static WebApplication UseJoblogErrorPages(this WebApplication app)
    {
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        return app;
    }
}
