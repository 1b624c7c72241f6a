using Joblog.Web.Access;
using Joblog.Web.Features.Shared;
using Joblog.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.SavedJobs;

/// <summary>Remove a saved job after confirming (no JavaScript needed). A log made from it stays.</summary>
[ChangesData]
public sealed class RemoveModel(CitizenGate gate, SavedJobStore store, IStringLocalizer<Texts> t) : CitizenPageModel(gate)
{
    public SavedJob Job { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var access = await OpenCitizenAsync("savedJob.read");
        var job = access is null ? null : await store.GetAsync(access, id, HttpContext.RequestAborted);
        if (access is null || job is null) return NotFound();
        if (!access.CanWrite) return Forbid();
        Job = job;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int version)
    {
        var access = await OpenCitizenAsync("savedJob.write");
        if (access is null) return NotFound();
        if (!access.CanWrite) return Forbid();
        var outcome = await store.DeleteAsync(access, id, version, HttpContext.RequestAborted);
        if (outcome == SavedJobOutcome.NotFound) return NotFound();
        if (outcome == SavedJobOutcome.Stale)
        {
            ModelState.AddModelError(string.Empty, t["SavedJobs.Error.Stale"]);
            return await OnGetAsync(id);
        }
        TempData["Flash"] = t["SavedJobs.Removed"].Value;
        return Redirect("/gemte-job");
    }
}
