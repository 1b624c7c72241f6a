using Joblog.Web.Access;
using Joblog.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.JobGoals;

/// <summary>What the add and edit pages of a job goal share: the form, resolving the typed occupation, saving the set.</summary>
public abstract class GoalFormPage(CitizenGate gate, JobGoalStore store, OccupationSearch occupations, TimeProvider clock, IStringLocalizer<Texts> t)
    : JobGoalPageModel(gate, store, t)
{
    [BindProperty] public GoalForm Form { get; set; } = new();

    /// <summary>Occupations to choose from when the typed text matched several or only nearly.</summary>
    public IReadOnlyList<OccupationMatch> Candidates { get; private set; } = [];

    public IEnumerable<SelectListItem> CandidateItems =>
        Candidates.Select(c => new SelectListItem(
            c.Alias is null || string.Equals(c.Alias, Form.OccupationQuery, StringComparison.OrdinalIgnoreCase) ? c.Title : $"{c.Title} – {c.Alias}",
            c.Code));

    public IEnumerable<SelectListItem> TrainedItems =>
        [new(T["JobGoals.Yes"], bool.TrueString), new(T["JobGoals.No"], bool.FalseString)];

    /// <summary>The goal when the form is valid (checked against <paramref name="others"/> for duplicates); otherwise null, errors in ModelState.</summary>
    protected async Task<JobGoal?> ReadFormAsync(IReadOnlyList<JobGoal> others)
    {
        var match = await ResolveOccupationAsync();
        var months = string.IsNullOrWhiteSpace(Form.ExperienceMonths) ? 0 : GoalForm.Number(Form.ExperienceMonths);
        var lastText = Form.LastWorkedYear?.Trim();
        var last = GoalForm.Number(lastText);
        // The occupation's own errors came from resolving it.
        var errors = JobGoalRules.ValidateGoal(match?.Code, Form.Trained, GoalForm.Number(Form.ExperienceYears), months,
            last, clock.Today().Year).Where(e => e.Field != "occupationCode").ToList();
        if (!string.IsNullOrEmpty(lastText) && (last is null || lastText.Length != 4))
            errors.Add(new("lastWorkedYear", "JobGoals.Error.LastWorkedInvalid"));
        if (match is not null && others.Any(g => g.OccupationCode == match.Code))
            errors.Add(new("occupationCode", "JobGoals.Error.Duplicate"));
        foreach (var e in errors.DistinctBy(e => e.Field))
            ModelState.AddModelError($"{nameof(Form)}.{GoalForm.PropertyFor(e.Field)}", T[e.MessageKey]);
        if (!ModelState.IsValid || match is null) return null;
        return new JobGoal(match.Code, Form.Trained!.Value, GoalForm.Number(Form.ExperienceYears)!.Value, months!.Value, last, match.Title);
    }

    /// <summary>
    /// The typed occupation: a candidate chosen for the same text, else the text resolved on the
    /// server (this is what works without JavaScript). Errors go beside the field or the candidates.
    /// </summary>
    private async Task<OccupationMatch?> ResolveOccupationAsync()
    {
        var ct = HttpContext.RequestAborted;
        var text = Form.Occupation?.Trim() ?? "";
        if (text.Length == 0)
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(Form.Occupation)}", T["JobGoals.Error.OccupationRequired"]);
            return null;
        }
        if (!string.IsNullOrEmpty(Form.OccupationCode) && Form.OccupationQuery == text
            && await occupations.FindAsync(Form.OccupationCode, ct) is { } chosen)
        {
            // Should the page come back (another field's error), the field holds the chosen title, which resolves by itself.
            Form.Occupation = chosen.Title;
            Form.OccupationQuery = Form.OccupationCode = null;
            ModelState.Remove($"{nameof(Form)}.{nameof(Form.Occupation)}");
            return chosen;
        }

        var resolution = await occupations.ResolveAsync(text, ct);
        if (resolution.Match is { } match) return match;
        Form.OccupationCode = null;
        ModelState.Remove($"{nameof(Form)}.{nameof(Form.OccupationCode)}");
        if (resolution.Candidates.Count == 0)
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(Form.Occupation)}", T["JobGoals.Error.OccupationNotFound"]);
            return null;
        }
        Candidates = resolution.Candidates;
        Form.OccupationQuery = text;
        ModelState.AddModelError($"{nameof(Form)}.{nameof(Form.OccupationCode)}", T["JobGoals.Error.ChooseOccupation"]);
        return null;
    }

    /// <summary>Saves the goals with the form's version.</summary>
    protected Task<IActionResult> SaveAsync(IReadOnlyList<JobGoal> goals) =>
        SaveAsync(goals, Set.Conditions, Form.Version, v => Form.Version = v, "JobGoals.Saved");
}
