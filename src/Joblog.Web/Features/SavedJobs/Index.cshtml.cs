using Joblog.Web.Access;
using Joblog.Web.Features.JobAds;
using Joblog.Web.Features.Shared;
using Joblog.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.SavedJobs;

/// <summary>/gemte-job: the saved jobs, soonest deadline first; save one by pasting its link; "Opret log"; "Fjern".</summary>
public sealed class IndexModel(CitizenGate gate, SavedJobStore store, JobAdReader reader, TimeProvider clock, IStringLocalizer<Texts> t)
    : CitizenPageModel(gate)
{
    /// <summary>Link til jobannoncen, to save a job from any page.</summary>
    [BindProperty] public string? Link { get; set; }

    public IReadOnlyList<SavedJob> Jobs { get; private set; } = [];
    public bool CanWrite { get; private set; }
    public DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync()
    {
        var access = await OpenCitizenAsync("savedJobs.list");
        if (access is null) return NotFound();
        await LoadAsync(access);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var access = await OpenCitizenAsync("savedJob.write");
        if (access is null) return NotFound();
        if (!access.CanWrite) return Forbid();
        var error = string.IsNullOrWhiteSpace(Link) ? "JobAds.Error.UrlRequired" : null;
        var address = error is null ? JobAdFetcher.WebAddress(Link) : null;
        if (error is null && address is null) error = "JobAds.Error.UrlInvalid";
        var reading = address is null ? null : await reader.ReadAsync(address, HttpContext.RequestAborted);
        error ??= reading!.ErrorKey;
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Link), t[error]);
            await LoadAsync(access);
            return Page();
        }

        var result = await store.SaveAsync(access, SavedJob.ContentOf(reading!.Fields!), HttpContext.RequestAborted);
        var title = result.Job!.Content.JobTitle ?? "";
        TempData["Flash"] = (result.Outcome == SavedJobOutcome.AlreadySaved ? t["SavedJobs.AlreadySaved", title] : t["SavedJobs.Saved", title]).Value;
        return Redirect("/gemte-job");
    }

    private async Task LoadAsync(CitizenAccess access)
    {
        CanWrite = access.CanWrite;
        Jobs = await store.ListAsync(access, HttpContext.RequestAborted);
    }
}
