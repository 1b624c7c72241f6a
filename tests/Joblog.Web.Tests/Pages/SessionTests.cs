using System.Net;
using Joblog.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Shouldly;

namespace Joblog.Web.Tests.Pages;

/// <summary>Sign-in, the session cookie, and logging out for real.</summary>
public sealed class SessionTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly PostgresConnection db = new(fixture.ConnectionString);

    [Fact]
    public async Task the_session_cookie_is_host_prefixed_secure_httponly_and_lax()
    {
        var client = fixture.App.Anonymous();
        var login = await client.PostAsync("/test-login", new FormUrlEncodedContent(new Dictionary<string, string> { ["persona"] = "mette" }));

        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-joblog-session=", StringComparison.Ordinal)).ToLowerInvariant();
        cookie.ShouldContain("secure");
        cookie.ShouldContain("httponly");
        cookie.ShouldContain("samesite=lax");
        cookie.ShouldContain("path=/");
        cookie.ShouldNotContain("domain=");
        cookie.ShouldNotContain("expires="); // a session cookie; the 30-minute window is kept on the server
    }

    [Fact]
    public async Task on_plain_http_the_session_works_without_the_host_prefix_and_without_secure()
    {
        var client = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });
        var page = await client.GetPageAsync("/test-login");
        var login = await client.SubmitAsync(page, "form:has(#persona-mette)", []);

        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.Contains("joblog-session=", StringComparison.Ordinal)).ToLowerInvariant();
        cookie.ShouldStartWith("joblog-session=");
        cookie.ShouldNotContain("secure");
        cookie.ShouldContain("httponly");
        (await client.GetAsync("/joblog")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var form = await client.GetPageAsync("/joblog/ny/jobsoegning");
        (await client.SubmitAsync(form, "main form[method=post]", new() { ["Form.JobTitle"] = "Over http", ["Form.Status"] = "Applied", ["Form.EmployerName"] = "Firma" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task logout_really_ends_the_session_even_for_a_copied_cookie()
    {
        var client = fixture.App.Anonymous();
        var login = await client.PostAsync("/test-login", new FormUrlEncodedContent(new Dictionary<string, string> { ["persona"] = "lars" }));
        var sessionCookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-joblog-session=", StringComparison.Ordinal)).Split(';')[0];
        var thief = fixture.App.Anonymous();
        thief.DefaultRequestHeaders.Add("Cookie", sessionCookie);
        (await thief.GetAsync("/joblog")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var front = await client.GetPageAsync("/");
        var logout = await client.SubmitAsync(front, "form[action='/logout']", []);

        logout.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await thief.GetAsync("/joblog");
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.ToString().ShouldContain("/test-login");
    }

    [Fact]
    public async Task a_session_made_by_one_app_instance_is_served_by_another()
    {
        var login = await fixture.App.Anonymous().PostAsync("/test-login", new FormUrlEncodedContent(new Dictionary<string, string> { ["persona"] = "emma" }));
        var sessionCookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-joblog-session=", StringComparison.Ordinal)).Split(';')[0];
        (await db.ScalarAsync<long>("select count(*) from sessions")).ShouldBeGreaterThan(0);

        await using var secondInstance = new JoblogApp(fixture.ConnectionString);
        var other = secondInstance.Anonymous();
        other.DefaultRequestHeaders.Add("Cookie", sessionCookie);

        (await other.GetAsync("/joblog")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task the_demo_login_lists_the_personas()
    {
        var page = await fixture.App.Anonymous().GetPageAsync("/test-login");
        var buttons = page.QuerySelectorAll("button[id^=persona-]").Select(b => b.Id).ToList();
        buttons.ShouldBe(["persona-mette", "persona-ali", "persona-sofie", "persona-jens", "persona-lars", "persona-emma",
            "persona-nina", "persona-karl", "persona-berit", "persona-ole", "persona-stine"]);
    }

    [Fact]
    public async Task outside_demo_mode_the_demo_login_does_not_exist()
    {
        await using var production = fixture.App.WithWebHostBuilder(b => b.UseSetting("Joblog:DemoMode", "false"));
        var client = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        (await client.GetAsync("/test-login")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsync("/test-login", new FormUrlEncodedContent(new Dictionary<string, string> { ["persona"] = "mette" }))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task health_answers_for_load_balancers() =>
        (await fixture.App.Anonymous().GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
}
