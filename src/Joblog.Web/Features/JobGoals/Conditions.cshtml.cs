using Joblog.Web.Features.Shared;
using System.Globalization;
using Joblog.Web.Access;
using Joblog.Web.Features.Logs;
using Joblog.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.JobGoals;

/// <summary>Ansættelsesvilkår: hours a week and the earliest start. Both optional; a stale form is refused, the input kept.</summary>
[ChangesData]
public sealed class ConditionsModel(CitizenGate gate, JobGoalStore store, IStringLocalizer<Texts> t) : JobGoalPageModel(gate, store, t)
{
    public sealed class ConditionsForm
    {
        public string? WeeklyHours { get; set; }
        public string? EarliestStart { get; set; }
        public int Version { get; set; }
    }

    [BindProperty] public ConditionsForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (await OpenForChangeAsync("jobgoals.read") is { } refused) return refused;
        Form = new ConditionsForm
        {
            WeeklyHours = Set.Conditions.WeeklyHours?.ToString(CultureInfo.InvariantCulture),
            EarliestStart = Set.Conditions.EarliestStart is { } s ? LogFormat.Date(s) : null,
            Version = Set.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await OpenForChangeAsync("jobgoals.write") is { } refused) return refused;
        int? hours = string.IsNullOrWhiteSpace(Form.WeeklyHours) ? null : GoalForm.Number(Form.WeeklyHours) ?? -1;
        foreach (var e in JobGoalRules.ValidateConditions(hours))
            ModelState.AddModelError($"{nameof(Form)}.{nameof(Form.WeeklyHours)}", T[e.MessageKey]);
        DateOnly? start = null;
        if (!string.IsNullOrWhiteSpace(Form.EarliestStart))
        {
            if (LogFormat.TryParseDate(Form.EarliestStart, out var d)) start = d;
            else ModelState.AddModelError($"{nameof(Form)}.{nameof(Form.EarliestStart)}", T["Form.DateInvalid"]);
        }
        if (!ModelState.IsValid) return Page();
        return await SaveAsync(Set.Goals, new EmploymentConditions(hours, start), Form.Version, v => Form.Version = v, "JobGoals.ConditionsSaved");
    }
}
