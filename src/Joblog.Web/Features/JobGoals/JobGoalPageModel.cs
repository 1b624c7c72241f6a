using Joblog.Web.Access;
using Joblog.Web.Features.Shared;
using Joblog.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.JobGoals;

/// <summary>
/// What the pages that change job goals share: the citizen opened for a change (404 when not
/// found, 403 when read-only, as for logs) and saving the whole set, refusing a stale form.
/// Every such page's form is <c>Form</c> with a <c>Version</c>.
/// </summary>
public abstract class JobGoalPageModel(CitizenGate gate, JobGoalStore store, IStringLocalizer<Texts> t) : CitizenPageModel(gate)
{
    protected IStringLocalizer<Texts> T => t;

    protected CitizenAccess Access { get; private set; } = null!;

    /// <summary>The job goals as they are now.</summary>
    protected JobGoalSet Set { get; private set; } = null!;

    /// <summary>Null when the citizen may change their job goals (then <see cref="Access"/> and <see cref="Set"/> are read); else the answer.</summary>
    protected async Task<IActionResult?> OpenForChangeAsync(string what)
    {
        var access = await OpenCitizenAsync(what);
        if (access is null) return NotFound();
        if (!access.CanWrite) return Forbid();
        Access = access;
        Set = await store.GetAsync(access, HttpContext.RequestAborted);
        return null;
    }

    /// <summary>
    /// Writes the set if the form's version is current; a stale form comes back with what was typed
    /// and the current version (<paramref name="keepVersion"/>), so that saving again is deliberate.
    /// </summary>
    protected async Task<IActionResult> SaveAsync(IReadOnlyList<JobGoal> goals, EmploymentConditions conditions, int expectedVersion,
        Action<int> keepVersion, string savedKey)
    {
        var result = await store.ReplaceAsync(Access, expectedVersion, goals, conditions, HttpContext.RequestAborted);
        if (result.Outcome == GoalWriteOutcome.ReadOnly) return Forbid();
        if (result.Outcome == GoalWriteOutcome.Stale)
        {
            ModelState.AddModelError(string.Empty, t["JobGoals.Error.Stale"]);
            keepVersion(result.Set.Version);
            ModelState.Remove("Form.Version");
            return Page();
        }
        TempData["Flash"] = t[savedKey].Value;
        return Redirect("/jobmaal");
    }
}
