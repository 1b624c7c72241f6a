using System.Net;
using Joblog.Web.Tests.Access;
using Joblog.Web.Tests.Infrastructure;
using Joblog.Web.Tests.Pages;
using Shouldly;
using static Joblog.Web.Tests.Requirements.RequirementsTestData;

namespace Joblog.Web.Tests.Exemptions;

/// <summary>Afslut fritagelse (/fritagelse/{id}/afslut) and a new grant, in a database of their own (they change Jens's exemption).</summary>
public sealed class ExemptionEndPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly PostgresConnection db = new(fixture.ConnectionString);

    private Task<Guid> JensExemptionAsync() =>
        db.ScalarAsync<Guid>("select id from exemptions where citizen_id = @id order by starts_on limit 1", new { id = Clients.CitizenId("jens") });

    [Fact]
    public async Task karl_ends_jens_exemption_on_a_chosen_day_and_grants_a_new_one_and_the_front_page_follows()
    {
        var karl = await fixture.App.ViewingAsync("karl", "jens");
        var id = await JensExemptionAsync();
        var form = await karl.GetPageAsync($"/fritagelse/{id}/afslut");
        form.QuerySelector("#To")!.GetAttribute("value").ShouldBe(D(0), "today unless another day is chosen");

        var empty = HtmlForms.Parse(await (await karl.SubmitAsync(form, "#end-form", new() { ["To"] = "" })).Content.ReadAsStringAsync());
        empty.QuerySelector(".alert-error")!.TextContent.ShouldContain("Indtast den sidste dag med fritagelse");
        var early = HtmlForms.Parse(await (await karl.SubmitAsync(form, "#end-form", new() { ["To"] = D(-101) })).Content.ReadAsStringAsync());
        early.QuerySelector("#To-error")!.TextContent.ShouldContain("Den sidste dag kan ikke ligge før fritagelsens første dag");

        var ended = await karl.SubmitAsync(form, "#end-form", new() { ["To"] = D(-1) });
        ended.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        ended.Headers.Location!.OriginalString.ShouldBe("/fritagelse");
        var row = (await db.QueryAsync<(DateOnly? EndsOn, string EndedName, string EndedChannel)>(
            "select ends_on, ended_actor_name, ended_channel from exemptions where id = @id", new { id })).Single();
        row.ShouldBe((Today.AddDays(-1), "Karl Demo", "jobcenter"));
        var jens = await fixture.App.SignedIn("jens");
        (await jens.GetPageAsync("/")).QuerySelector("#exempt-notice").ShouldBeNull();
        (await karl.GetPageAsync($"/fritagelse/{id}/afslut")).QuerySelector("#already-over").ShouldNotBeNull();

        var list = await karl.GetPageAsync("/fritagelse");
        list.QuerySelector(".alert-success")!.TextContent.Trim().ShouldBe("Fritagelsen er afsluttet.");
        var granted = await karl.SubmitAsync(list, "#grant-form", new() { ["Form.From"] = D(0), ["Form.To"] = D(60), ["Form.Reason"] = "Nedsat psykisk funktionsevne" });
        granted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await karl.GetPageAsync("/fritagelse")).QuerySelectorAll("#exemptions-table tbody tr").Length.ShouldBe(2);
        (await jens.GetPageAsync("/")).QuerySelector("#exempt-notice")!.TextContent
            .ShouldContain($"fra {D(0)} til og med {D(60)}.");
    }
}
