using System.Globalization;
using Joblog.Core.Logs;
using Joblog.Web.Access;
using Joblog.Web.Auth;
using Joblog.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace Joblog.Web.Features.Search;

/// <summary>
/// /udsoegning (Joblog-udsøgning): jobcenter staff search across the citizens of their municipality. The form is a GET
/// of criteria only (no CPR number); sorting and paging are links with the same criteria. "Hent som CSV" and "Se borgers
/// Jobnet" on a row are POSTs: the CSV carries CPR numbers in its body, and opening a citizen passes the gate (a look in
/// the citizen's history) and chooses the citizen as "Se borgers Jobnet" does. Anyone else gets 404, as from the API.
/// </summary>
public sealed class IndexModel(SearchScopes scopes, CitizenSearch search, CitizenGate gate, SessionSignIn sessions, TimeProvider clock,
    IStringLocalizer<Texts> t) : PageModel
{
    public const int PageSize = 50;

    /// <summary>How many months back the form offers.</summary>
    public const int MonthsOffered = 60;

    [BindProperty(SupportsGet = true)] public List<string> Maalgruppe { get; set; } = [];
    [BindProperty(SupportsGet = true)] public string? Fra { get; set; }
    [BindProperty(SupportsGet = true)] public string? Til { get; set; }
    [BindProperty(SupportsGet = true)] public string? MinAnsoegninger { get; set; }
    [BindProperty(SupportsGet = true)] public string? MaxAnsoegninger { get; set; }
    [BindProperty(SupportsGet = true)] public string? MaxStillinger { get; set; }
    [BindProperty(SupportsGet = true)] public string? MaxKm { get; set; }
    [BindProperty(SupportsGet = true)] public string? InaktivDage { get; set; }
    [BindProperty(SupportsGet = true)] public bool Fritagne { get; set; }
    [BindProperty(SupportsGet = true)] public bool KravIkkeOpfyldt { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sorter { get; set; }
    [BindProperty(SupportsGet = true)] public string? Retning { get; set; }
    [BindProperty(SupportsGet = true)] public int Side { get; set; } = 1;

    /// <summary>"1" once the form is submitted: then the page searches.</summary>
    [BindProperty(SupportsGet = true)] public string? Soeg { get; set; }

    public IReadOnlyList<TargetGroupChoice> Groups { get; private set; } = [];
    public SearchResult? Result { get; private set; }
    public SearchPaging Paging { get; private set; } = SearchPaging.Default;

    public int PageCount => Result is null ? 1 : Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await ScopeAsync() is not { } scope) return NotFound();
        Groups = await search.TargetGroupsAsync(HttpContext.RequestAborted);
        var (from, to) = SearchRequest.DefaultPeriod(clock.Today());
        Fra ??= SearchRequest.MonthText(from);
        Til ??= SearchRequest.MonthText(to);
        if (Soeg != "1")
        {
            Maalgruppe = Groups.Where(g => g.DutyToLog).Select(g => g.Code).ToList();
            return Page();
        }
        if (Check() is not var (criteria, paging)) return Page();
        Paging = paging;
        Result = await search.SearchAsync(scope, criteria, paging, SearchFormat.Page, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>"Hent som CSV": the whole result, streamed, with the CPR numbers (in the file, never in a URL).</summary>
    public async Task<IActionResult> OnPostCsvAsync()
    {
        if (await ScopeAsync() is not { } scope) return NotFound();
        Groups = await search.TargetGroupsAsync(HttpContext.RequestAborted);
        if (Check() is not var (criteria, paging)) return Page();
        var ct = HttpContext.RequestAborted;
        Response.ContentType = SearchCsv.ContentType;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(SearchCsv.FileName(clock.Today()));
        Response.Headers.ContentDisposition = disposition.ToString();
        await SearchCsv.WriteAsync(search.StreamAsync(scope, criteria, paging with { Offset = 0 }, ct), Response.Body, t, ct);
        return new EmptyResult();
    }

    /// <summary>"Se borgers Jobnet" on a row: the gate decides (and records the look), then the citizen is chosen.</summary>
    public async Task<IActionResult> OnPostOpenAsync(Guid citizenId)
    {
        if (await ScopeAsync() is not { Actor: { Kind: ActorKind.Staff } staff }) return NotFound();
        var access = await gate.OpenAsync(staff, citizenId, "search.open", HttpContext.RequestAborted);
        if (access is null) return NotFound();
        await sessions.ViewCitizenAsync(HttpContext, staff, access.CitizenId);
        return Redirect("/");
    }

    private Task<SearchScope?> ScopeAsync() => scopes.ForAsync(Actor.From(User), HttpContext.RequestAborted);

    /// <summary>The form's fields as a <see cref="SearchRequest"/>, checked; errors go beside the fields and in the summary.</summary>
    private (SearchCriteria, SearchPaging)? Check()
    {
        var errors = new List<FieldError>();
        if (Maalgruppe.Count == 0) errors.Add(new FieldError("targetGroups", "Search.Error.TargetGroupsRequired"));
        var request = new SearchRequest
        {
            TargetGroups = Maalgruppe, PeriodFrom = Fra, PeriodTo = Til,
            MinApplications = Number(MinAnsoegninger, "minApplications", "Search.Error.MinApplications", errors),
            MaxApplications = Number(MaxAnsoegninger, "maxApplications", "Search.Error.MaxApplications", errors),
            MaxDistinctJobTitles = Number(MaxStillinger, "maxDistinctJobTitles", "Search.Error.MaxDistinctJobTitles", errors),
            MaxDistanceKm = Number(MaxKm, "maxDistanceKm", "Search.Error.MaxDistanceKm", errors),
            InactiveDays = Number(InaktivDage, "inactiveDays", "Search.Error.InactiveDays", errors),
            IncludeExempt = Fritagne, RequirementsNotMet = KravIkkeOpfyldt, Sort = Sorter, Direction = Retning,
            Offset = (Math.Max(1, Side) - 1) * PageSize, Limit = PageSize,
        };
        var formErrors = errors.Count;
        var checkedRequest = request.Check(clock.Today(), Groups.Select(g => g.Code).ToHashSet(), errors);
        if (formErrors > 0) checkedRequest = null;
        foreach (var error in errors)
            ModelState.AddModelError(Fields.GetValueOrDefault(error.Field, ""), t[error.MessageKey]);
        return checkedRequest;
    }

    /// <summary>The API's field names → this form's fields.</summary>
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["targetGroups"] = nameof(Maalgruppe), ["periodFrom"] = nameof(Fra), ["periodTo"] = nameof(Til),
        ["minApplications"] = nameof(MinAnsoegninger), ["maxApplications"] = nameof(MaxAnsoegninger),
        ["maxDistinctJobTitles"] = nameof(MaxStillinger), ["maxDistanceKm"] = nameof(MaxKm), ["inactiveDays"] = nameof(InaktivDage),
        ["sort"] = nameof(Sorter), ["direction"] = nameof(Retning), ["offset"] = nameof(Side),
    };

    private static int? Number(string? text, string field, string key, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        errors.Add(new FieldError(field, key));
        return null;
    }

    public IEnumerable<SelectListItem> MonthItems()
    {
        var thisMonth = LogAggregates.MonthOf(clock.Today());
        return Enumerable.Range(0, MonthsOffered).Select(i => thisMonth.AddMonths(-i))
            .Select(m => new SelectListItem(m.ToString("MMMM yyyy", CultureInfo.CurrentCulture), SearchRequest.MonthText(m)));
    }

    /// <summary>The criteria as route values (the GET form's fields), for sorting and paging links and the CSV form.</summary>
    public Dictionary<string, string> Criteria(string? sort = null, string? direction = null, int? page = null)
    {
        var values = new Dictionary<string, string> { [nameof(Soeg)] = "1" };
        void Put(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) values[name] = value;
        }
        Put(nameof(Fra), Fra);
        Put(nameof(Til), Til);
        Put(nameof(MinAnsoegninger), MinAnsoegninger);
        Put(nameof(MaxAnsoegninger), MaxAnsoegninger);
        Put(nameof(MaxStillinger), MaxStillinger);
        Put(nameof(MaxKm), MaxKm);
        Put(nameof(InaktivDage), InaktivDage);
        if (Fritagne) values[nameof(Fritagne)] = "true";
        if (KravIkkeOpfyldt) values[nameof(KravIkkeOpfyldt)] = "true";
        Put(nameof(Sorter), sort ?? Sorter);
        Put(nameof(Retning), direction ?? Retning);
        if ((page ?? Side) is var p and > 1) values[nameof(Side)] = p.ToString(CultureInfo.InvariantCulture);
        return values;
    }

    /// <summary>The link of a column heading: sorts by it, ascending first; the sorted column turns the direction.</summary>
    public string SortLink(string sort)
    {
        var current = Paging.Sort == SearchRequest.Sorts[sort];
        return Link(Criteria(sort, current && !Paging.Descending ? "desc" : "asc", 1));
    }

    public string PageLink(int page) => Link(Criteria(page: page));

    /// <summary>A link to the result with the criteria (the browser scrolls to the result's heading).</summary>
    private string Link(Dictionary<string, string> values) =>
        "/udsoegning" + QueryString.Create(values.Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value))
            .Concat(Maalgruppe.Select(g => new KeyValuePair<string, string?>(nameof(Maalgruppe), g)))) + "#result-heading";

    public IEnumerable<SelectListItem> SortItems() =>
        new[] { ("applications", "Search.Column.Applications"), ("name", "Search.Column.Name"), ("distinctJobTitles", "Search.Column.DistinctJobTitles"),
            ("maxDistanceKm", "Search.Column.MaxDistanceKm"), ("lastActivityOn", "Search.Column.LastActivityOn") }
            .Select(s => new SelectListItem(t[s.Item2], s.Item1, SearchRequest.Sorts[s.Item1] == Paging.Sort));

    public IEnumerable<SelectListItem> DirectionItems() =>
    [
        new(t["Search.Ascending"], "asc", !Paging.Descending),
        new(t["Search.Descending"], "desc", Paging.Descending),
    ];

    /// <summary>aria-sort of a column heading.</summary>
    public string? AriaSort(string sort) =>
        Paging.Sort == SearchRequest.Sorts[sort] ? Paging.Descending ? "descending" : "ascending" : null;
}
