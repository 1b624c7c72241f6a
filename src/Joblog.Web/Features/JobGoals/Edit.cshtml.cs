using Joblog.Web.Features.Shared;
using Joblog.Web.Access;
using Joblog.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.JobGoals;

/// <summary>Change job goal number <c>nr</c> (1 = the first). A stale form is refused, the input kept.</summary>
[ChangesData]
public sealed class EditModel(CitizenGate gate, JobGoalStore store, OccupationSearch occupations, TimeProvider clock, IStringLocalizer<Texts> t)
    : GoalFormPage(gate, store, occupations, clock, t)
{
    public async Task<IActionResult> OnGetAsync(int nr)
    {
        if (await OpenForChangeAsync("jobgoals.read") is { } refused) return refused;
        if (nr < 1 || nr > Set.Goals.Count) return NotFound();
        Form = GoalForm.From(Set.Goals[nr - 1], Set.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int nr)
    {
        if (await OpenForChangeAsync("jobgoals.write") is { } refused) return refused;
        if (nr < 1 || nr > Set.Goals.Count) return NotFound();
        if (await ReadFormAsync(Set.Goals.Where((_, i) => i != nr - 1).ToList()) is not { } goal) return Page();
        return await SaveAsync(Set.Goals.Select((g, i) => i == nr - 1 ? goal : g).ToList());
    }
}
