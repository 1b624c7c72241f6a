using Joblog.Web.Access;
using Joblog.Web.Features.Shared;
using Joblog.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.JobGoals;

/// <summary>Jeg søger job som: the citizen's job goals and employment conditions; remove a goal (never the last one).</summary>
public sealed class IndexModel(CitizenGate gate, JobGoalStore store, IStringLocalizer<Texts> t) : CitizenPageModel(gate)
{
    public JobGoalSet Set { get; private set; } = null!;

    public bool CanWrite { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var access = await OpenCitizenAsync("jobgoals.read");
        if (access is null) return NotFound();
        await LoadAsync(access);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int nr, int version)
    {
        var access = await OpenCitizenAsync("jobgoals.write");
        if (access is null) return NotFound();
        if (!access.CanWrite) return Forbid();
        await LoadAsync(access);
        if (nr < 1 || nr > Set.Goals.Count || version != Set.Version)
        {
            ModelState.AddModelError(string.Empty, t["JobGoals.Error.Stale"]);
            return Page();
        }
        if (Set.Goals.Count == 1)
        {
            ModelState.AddModelError(string.Empty, t["JobGoals.Error.KeepOne"]);
            return Page();
        }
        var removed = Set.Goals[nr - 1];
        var result = await store.ReplaceAsync(access, version, Set.Goals.Where((_, i) => i != nr - 1).ToList(), Set.Conditions,
            HttpContext.RequestAborted);
        if (result.Outcome != GoalWriteOutcome.Done)
        {
            Set = result.Set;
            ModelState.AddModelError(string.Empty, t["JobGoals.Error.Stale"]);
            return Page();
        }
        TempData["Flash"] = t["JobGoals.Removed", removed.OccupationTitle ?? removed.OccupationCode].Value;
        return Redirect("/jobmaal");
    }

    private async Task LoadAsync(CitizenAccess access)
    {
        CanWrite = access.CanWrite;
        Set = await store.GetAsync(access, HttpContext.RequestAborted);
    }

    /// <summary>"6 år og 3 måneder", "1 year", "6 months".</summary>
    public string Experience(JobGoal goal)
    {
        var years = t[goal.ExperienceYears == 1 ? "JobGoals.Years.One" : "JobGoals.Years.Many", goal.ExperienceYears].Value;
        var months = t[goal.ExperienceMonths == 1 ? "JobGoals.Months.One" : "JobGoals.Months.Many", goal.ExperienceMonths].Value;
        return goal.ExperienceMonths == 0 ? years
            : goal.ExperienceYears == 0 ? months
            : t["JobGoals.YearsAndMonths", years, months].Value;
    }
}
