namespace Joblog.Web.Features.Demo;

/// <summary>Demo mode: the demo world is loaded and /test-login exists. On by default in Development.</summary>
public static class DemoMode
{
    public static bool IsOn(IConfiguration config, IHostEnvironment env) =>
        config.GetValue<bool?>("Joblog:DemoMode") ?? env.IsDevelopment();
}
