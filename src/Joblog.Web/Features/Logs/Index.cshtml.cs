using System.Globalization;
using Joblog.Core.Logs;
using Joblog.Web.Access;
using Joblog.Web.Features.Shared;
using Joblog.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.Logs;

/// <summary>Min joblog: the list, sorted by last change, with search, date range, status filter and paging.</summary>
public sealed class IndexModel(CitizenGate gate, LogQuery query, IStringLocalizer<Texts> t) : CitizenPageModel(gate)
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Fra { get; set; }
    [BindProperty(SupportsGet = true)] public string? Til { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public bool Afsluttede { get; set; }
    [BindProperty(SupportsGet = true)] public int Side { get; set; } = 1;

    public LogPage Result { get; private set; } = null!;
    public LogStatus? StatusFilter { get; private set; }
    public int PageCount => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync()
    {
        var access = await OpenCitizenAsync("joblog.list");
        if (access is null) return NotFound();

        StatusFilter = ApiNames.ParseOrNull<LogStatus>(Status);
        var from = ParseDate(Fra, nameof(Fra));
        var to = ParseDate(Til, nameof(Til));
        if (from > to) ModelState.AddModelError(nameof(Til), t["Log.Error.ToBeforeFrom"]);
        if (Side < 1) Side = 1;

        var filter = ModelState.IsValid
            ? new LogFilter(Q, StatusFilter, null, from, to, Afsluttede)
            : new LogFilter(IncludeClosed: Afsluttede);
        Result = await query.ListAsync(access, filter, PageSize, null, (Side - 1) * PageSize, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>The query string of this list with some values changed (for the status filter and paging links).</summary>
    public Dictionary<string, string?> RouteWith(string? status = null, int? page = null, bool keepStatus = false) => new()
    {
        ["Q"] = Q, ["Fra"] = Fra, ["Til"] = Til, ["Afsluttede"] = Afsluttede ? "true" : null,
        ["Status"] = keepStatus ? Status : status, ["Side"] = page is > 1 ? page.Value.ToString(CultureInfo.InvariantCulture) : null,
    };

    private DateOnly? ParseDate(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (LogFormat.TryParseDate(text, out var d)) return d;
        ModelState.AddModelError(field, t["Form.DateInvalid"]);
        return null;
    }
}
