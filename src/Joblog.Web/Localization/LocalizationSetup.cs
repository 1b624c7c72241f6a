namespace Joblog.Web.Localization;

// STUB: replaced by the UI-shell work (JSON resources, da default, en available).
public static class LocalizationSetup
{
    public static IServiceCollection AddJoblogLocalization(this IServiceCollection services) => services;

    public static WebApplication UseJoblogLocalization(this WebApplication app) => app;
}
