using System.Net;
using Joblog.Web.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace Joblog.Web.Tests.Access;

/// <summary>If the look cannot be recorded, nothing is shown (fail closed). The trigger lives in this class's own database.</summary>
public sealed class AccessFailClosedTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_caseworker_gets_no_data_when_the_access_record_cannot_be_written()
    {
        var db = new PostgresConnection(fixture.ConnectionString);
        var (logId, title) = await (await fixture.App.SignedIn("mette")).NewestLogAsync("mette");
        var berit = await fixture.App.SignedIn("berit");
        var before = await db.CountLooksAsync("mette");

        await db.ExecuteAsync("""
            create function access_log_refuse() returns trigger language plpgsql as $$
            begin raise exception 'access_log is not writable (test)'; end $$;
            create trigger access_log_refuse before insert on access_log for each row execute function access_log_refuse();
            """);
        try
        {
            foreach (var url in new[] { Clients.LogsUrl("mette"), $"{Clients.LogsUrl("mette")}/{logId}" })
            {
                var response = await berit.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                response.StatusCode.ShouldNotBe(HttpStatusCode.OK, url);
                ((int)response.StatusCode is >= 500 or 404).ShouldBeTrue($"{url}: {response.StatusCode}");
                body.ShouldNotContain(title, Case.Sensitive, url);
            }
            (await db.CountLooksAsync("mette")).ShouldBe(before);
        }
        finally
        {
            await db.ExecuteAsync("drop trigger access_log_refuse on access_log; drop function access_log_refuse();");
        }

        var ok = await berit.GetAsync(Clients.LogsUrl("mette"));
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ok.Content.ReadAsStringAsync()).ShouldContain(title);
        (await db.CountLooksAsync("mette")).ShouldBe(before + 1);
    }
}
