using Joblog.Web.Features.Shared;
using Joblog.Web.Access;
using Joblog.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.JobGoals;

/// <summary>Add a job goal at the end of the list.</summary>
[ChangesData]
public sealed class CreateModel(CitizenGate gate, JobGoalStore store, OccupationSearch occupations, TimeProvider clock, IStringLocalizer<Texts> t)
    : GoalFormPage(gate, store, occupations, clock, t)
{
    public async Task<IActionResult> OnGetAsync()
    {
        if (await OpenForChangeAsync("jobgoals.read") is { } refused) return refused;
        Form = new GoalForm { Version = Set.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await OpenForChangeAsync("jobgoals.write") is { } refused) return refused;
        if (Set.Goals.Count >= JobGoalRules.MaxGoals) ModelState.AddModelError(string.Empty, T["JobGoals.Error.TooMany"]);
        if (await ReadFormAsync(Set.Goals) is not { } goal) return Page();
        return await SaveAsync([.. Set.Goals, goal]);
    }
}
