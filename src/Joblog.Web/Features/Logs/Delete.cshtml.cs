using Joblog.Web.Access;
using Joblog.Web.Features.Shared;
using Joblog.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.Logs;

/// <summary>Delete a log after confirming. The deletion is recorded (who, channel) without the log's content.</summary>
[ChangesData]
public sealed class DeleteModel(CitizenGate gate, LogStore store, IStringLocalizer<Texts> t) : CitizenPageModel(gate)
{
    public Log Log { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var access = await OpenCitizenAsync("log.read");
        var log = access is null ? null : await store.GetAsync(access, id, HttpContext.RequestAborted);
        if (log is null) return NotFound();
        Log = log;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int version)
    {
        var access = await OpenCitizenAsync("log.write");
        if (access is null) return NotFound();
        if (!access.CanWrite) return Forbid();
        var result = await store.DeleteAsync(access, id, version, HttpContext.RequestAborted);
        if (result.Outcome == WriteOutcome.NotFound) return NotFound();
        if (result.Outcome == WriteOutcome.Stale)
        {
            ModelState.AddModelError(string.Empty, t["Log.Error.StaleAction"]);
            return await OnGetAsync(id);
        }
        TempData["Flash"] = t["Log.DeletedDone"].Value;
        return Redirect("/joblog");
    }
}
