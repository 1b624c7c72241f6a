using Joblog.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Joblog.Web.Features.Statistics;

/// <summary>
/// /statistik — the joblog statistics (issue 7): the agency sees the country, the municipalities ranked for a month and
/// target group, and the trend (the country and a chosen municipality); a jobcenter sees its own municipality against the
/// country. Citizens, a-kasser and case systems get 403. A GET form; no JavaScript needed. No personal data: nothing here
/// is about one citizen, so nothing passes the gate and no look is recorded.
/// </summary>
public sealed class IndexModel(UsageQuery query) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Maaned { get; set; }

    [BindProperty(SupportsGet = true)] public string? Maalgruppe { get; set; }

    [BindProperty(SupportsGet = true)] public string? Kommune { get; set; }

    [BindProperty(SupportsGet = true)] public int? Periode { get; set; }

    public UsageView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await query.ScopeForAsync(Actor.From(User) is { Kind: ActorKind.Staff } staff ? staff : null, HttpContext.RequestAborted) is not { } scope)
            return StatusCode(StatusCodes.Status403Forbidden);
        View = await UsageView.LoadAsync(query, scope, Choice, HttpContext.RequestAborted);
        // The form shows what is shown (a choice that does not exist falls back to the default).
        Maaned = View.HasFigures ? StatisticsMonths.Format(View.Month) : null;
        Maalgruppe = View.Group.Code;
        Kommune = View.Scope.WholeCountry ? View.TrendMunicipality?.Code : null;
        Periode = View.TrendMonths;
        return Page();
    }

    private UsageChoice Choice => new(Maaned, Maalgruppe, Kommune, Periode);

    /// <summary>The query string of what is shown, for the CSV links.</summary>
    public string Query(string part) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["del"] = part, [nameof(Maaned)] = Maaned, [nameof(Maalgruppe)] = Maalgruppe, [nameof(Kommune)] = Kommune,
            [nameof(Periode)] = Periode?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(kv => kv.Value is not null)).ToUriComponent();

    public IEnumerable<SelectListItem> MonthItems => View.Months.Select(m => new SelectListItem(UsageFormat.Month(m), StatisticsMonths.Format(m)));

    public IEnumerable<SelectListItem> MunicipalityItems => View.Municipalities.Select(m => new SelectListItem(m.Name, m.Code));
}
