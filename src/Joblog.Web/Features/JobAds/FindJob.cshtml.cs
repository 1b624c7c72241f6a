using Joblog.Web.Access;
using Joblog.Web.Features.SavedJobs;
using Joblog.Web.Features.Shared;
using Joblog.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.JobAds;

/// <summary>/find-job: search the job ads by text, occupation and distance from home; "Gem job" saves one (Gemte job).</summary>
public sealed class FindJobModel(CitizenGate gate, JobAdSearch search, SavedJobStore savedJobs, IStringLocalizer<Texts> t) : CitizenPageModel(gate)
{
    public const int PageSize = 20;
    public static readonly int[] Distances = [5, 10, 25, 50, 100];

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    /// <summary>DISCO-08 code of the occupation.</summary>
    [BindProperty(SupportsGet = true)] public string? Stilling { get; set; }

    /// <summary>Kilometres from home.</summary>
    [BindProperty(SupportsGet = true)] public int? Afstand { get; set; }

    [BindProperty(SupportsGet = true)] public int Side { get; set; } = 1;

    public JobAdResults Results { get; private set; } = new([], 0);
    public IReadOnlyList<OccupationChoice> Occupations { get; private set; } = [];
    public string? Home { get; private set; }
    public bool CanSave { get; private set; }

    public int PageCount => Math.Max(1, (Results.Total + PageSize - 1) / PageSize);

    public IEnumerable<SelectListItem> OccupationItems =>
        Occupations.Select(o => new SelectListItem($"{o.Title} ({o.Code})", o.Code));

    public IEnumerable<SelectListItem> DistanceItems =>
        Distances.Select(km => new SelectListItem(t["FindJob.WithinKm", km], km.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public async Task<IActionResult> OnGetAsync()
    {
        var access = await OpenCitizenAsync("jobAds.search");
        if (access is null) return NotFound();
        CanSave = access.CanWrite;
        var (postalCode, name) = await search.HomeAsync(access, HttpContext.RequestAborted);
        Home = postalCode is null ? null : $"{postalCode} {name}";
        Occupations = await search.OccupationsAsync(HttpContext.RequestAborted);
        if (Stilling is not null && !JobAdsApi.IsCode(Stilling, 4)) ModelState.AddModelError(nameof(Stilling), t["FindJob.Error.Occupation"]);
        if (Afstand is not null && !Distances.Contains(Afstand.Value)) ModelState.AddModelError(nameof(Afstand), t["FindJob.Error.Distance"]);
        if (!ModelState.IsValid) return Page();

        Side = Math.Max(1, Side);
        var filter = new JobAdFilter(Q, Stilling, postalCode is null ? null : Afstand, postalCode);
        Results = await search.SearchAsync(filter, access, (Side - 1) * PageSize, PageSize, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid jobAdId)
    {
        var access = await OpenCitizenAsync("savedJob.write");
        if (access is null) return NotFound();
        if (!access.CanWrite) return Forbid();
        var result = await savedJobs.SaveAdAsync(access, jobAdId, HttpContext.RequestAborted);
        if (result.Job is not { } job) return NotFound();
        var title = job.Content.JobTitle ?? "";
        TempData["Flash"] = (result.Outcome == SavedJobOutcome.AlreadySaved ? t["FindJob.AlreadySaved", title] : t["FindJob.Saved", title]).Value;
        return Redirect(Url.Page("/JobAds/FindJob", RouteValues())! + $"#job-{jobAdId}");
    }

    /// <summary>The search as route values, for paging links and for coming back after "Gem job".</summary>
    public Dictionary<string, string> RouteValues(int? page = null)
    {
        var values = new Dictionary<string, string>();
        if (!string.IsNullOrWhiteSpace(Q)) values[nameof(Q)] = Q;
        if (!string.IsNullOrWhiteSpace(Stilling)) values[nameof(Stilling)] = Stilling;
        if (Afstand is { } km) values[nameof(Afstand)] = km.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if ((page ?? Side) is var p and > 1) values[nameof(Side)] = p.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return values;
    }
}
