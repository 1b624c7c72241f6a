namespace Joblog.Web.Features;

/// <summary>Friendly, localized status pages (404 and friends) from <c>Features/Error.cshtml</c>.</summary>
public static class ErrorPagesSetup
{
    /// <summary>
    /// Call in the pipeline after the exception handler and before static files and routing, e.g.
    /// in <c>UseJoblogPipeline</c> right after the <c>UseExceptionHandler("/error")</c> block.
    /// </summary>
    public static WebApplication UseJoblogErrorPages(this WebApplication app)
    {
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        return app;
    }
}
