using System.Net.Http.Json;
using System.Text.Json;
using Joblog.Web.Tests.Infrastructure;
using Shouldly;

namespace Joblog.Web.Tests.Api;

/// <summary>The list: newest change first, closed last, free text, status and date filters, counts, cursor paging.</summary>
public sealed class LogListTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private async Task<JsonElement> ListAsync(string query = "")
    {
        var mette = await fixture.App.SignedIn("mette");
        return await mette.GetFromJsonAsync<JsonElement>(Clients.LogsUrl("mette") + query);
    }

    private static List<JsonElement> Items(JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task the_list_is_sorted_by_last_change_newest_first_without_closed_logs()
    {
        var page = await ListAsync("?limit=500");
        var items = Items(page);
        items.Count.ShouldBeGreaterThan(30);
        items.ShouldAllBe(l => !l.GetProperty("closed").GetBoolean());
        var changed = items.Select(l => l.GetProperty("updatedAt").GetDateTimeOffset()).ToList();
        changed.ShouldBe(changed.OrderByDescending(x => x).ToList());
    }

    [Fact]
    public async Task closed_logs_come_last_when_asked_for()
    {
        var items = Items(await ListAsync("?limit=500&includeClosed=true"));
        var closed = items.Select(l => l.GetProperty("closed").GetBoolean()).ToList();
        closed.ShouldContain(true);
        closed.SkipWhile(c => !c).ShouldAllBe(c => c);
    }

    [Fact]
    public async Task the_counts_per_status_add_up_and_match_the_status_filter()
    {
        var counts = (await ListAsync()).GetProperty("counts");
        var statuses = new[] { "notApplied", "applied", "interview", "rejected", "hired" };
        statuses.ShouldAllBe(s => counts.GetProperty(s).GetInt32() > 0);
        foreach (var status in statuses)
        {
            var filtered = Items(await ListAsync($"?status={status}&limit=500"));
            filtered.Count.ShouldBe(counts.GetProperty(status).GetInt32());
            filtered.ShouldAllBe(l => l.GetProperty("status").GetString() == status);
        }
        var others = Items(await ListAsync("?kind=otherActivity&limit=500")).Count;
        counts.GetProperty("all").GetInt32().ShouldBe(statuses.Sum(s => counts.GetProperty(s).GetInt32()) + others);
    }

    [Fact]
    public async Task free_text_finds_title_employer_and_contact()
    {
        Items(await ListAsync("?q=regnskab")).ShouldAllBe(l => l.GetProperty("jobTitle").GetString()!.Contains("Regnskab"));
        Items(await ListAsync("?q=regnskab")).ShouldNotBeEmpty();
        Items(await ListAsync("?q=Advokathuset")).ShouldAllBe(l => l.GetProperty("employer").GetProperty("name").GetString() == "Advokathuset");
        Items(await ListAsync("?q=Advokathuset")).ShouldNotBeEmpty();
        Items(await ListAsync("?q=hanne%40example")).ShouldNotBeEmpty();
        Items(await ListAsync("?q=%25")).ShouldBeEmpty(); // a literal %, not a wildcard
    }

    [Fact]
    public async Task the_changed_date_range_is_inclusive_danish_days()
    {
        var all = Items(await ListAsync("?limit=500"));
        var day = all[5].GetProperty("updatedAt").GetDateTimeOffset();
        var danishDay = TimeZoneInfo.ConvertTime(day, TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen")).ToString("yyyy-MM-dd");

        var onThatDay = Items(await ListAsync($"?changedFrom={danishDay}&changedTo={danishDay}&limit=500"));

        onThatDay.ShouldContain(l => l.GetProperty("id").GetGuid() == all[5].GetProperty("id").GetGuid());
        onThatDay.Count.ShouldBeLessThan(all.Count);
    }

    [Fact]
    public async Task cursor_paging_visits_every_log_once()
    {
        var expected = Items(await ListAsync("?limit=500&includeClosed=true")).Select(l => l.GetProperty("id").GetGuid()).ToList();
        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await ListAsync("?limit=7&includeClosed=true" + (cursor is null ? "" : $"&cursor={cursor}"));
            seen.AddRange(Items(page).Select(l => l.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").GetString();
        } while (cursor is not null);
        seen.ShouldBe(expected);
    }
}
