using Joblog.Web.Auth;
using Joblog.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.Statistics;

/// <summary>
/// /statistik/csv?del=kommuner|udvikling plus the page's own query — the part of <c>/statistik</c> that is shown, as a CSV
/// file (<see cref="UsageCsv"/>). The same callers as the page; the same choices and fallbacks.
/// </summary>
public sealed class DownloadModel(UsageQuery query, IStringLocalizer<Texts> t) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Del { get; set; }

    [BindProperty(SupportsGet = true)] public string? Maaned { get; set; }

    [BindProperty(SupportsGet = true)] public string? Maalgruppe { get; set; }

    [BindProperty(SupportsGet = true)] public string? Kommune { get; set; }

    [BindProperty(SupportsGet = true)] public int? Periode { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await query.ScopeForAsync(Actor.From(User) is { Kind: ActorKind.Staff } staff ? staff : null, HttpContext.RequestAborted) is not { } scope)
            return StatusCode(StatusCodes.Status403Forbidden);
        if (Del is not ("kommuner" or "udvikling")) return NotFound();
        var view = await UsageView.LoadAsync(query, scope, new UsageChoice(Maaned, Maalgruppe, Kommune, Periode), HttpContext.RequestAborted);
        if (!view.HasFigures) return NotFound();
        var month = StatisticsMonths.Format(view.Month);
        return Del == "kommuner"
            ? File(UsageCsv.Month(view, t), "text/csv; charset=utf-8", $"joblog-statistik-{view.Group.Code}-{month}.csv")
            : File(UsageCsv.Trend(view, t), "text/csv; charset=utf-8",
                $"joblog-statistik-{view.Group.Code}-{view.TrendMunicipality?.Code ?? "landet"}-{StatisticsMonths.Format(view.Month.AddMonths(1 - view.TrendMonths))}-til-{month}.csv");
    }
}
