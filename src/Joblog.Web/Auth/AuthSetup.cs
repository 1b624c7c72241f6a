namespace Joblog.Web.Auth;

public static class AuthSetup
{
    public static WebApplicationBuilder AddJoblogAuth(this WebApplicationBuilder builder) => builder;
}
