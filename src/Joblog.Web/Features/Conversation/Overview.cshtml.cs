using Joblog.Web.Access;
using Joblog.Web.Features.JobGoals;
using Joblog.Web.Features.Logs;
using Joblog.Web.Features.Notices;
using Joblog.Web.Features.Requirements;
using Joblog.Web.Features.SavedJobs;
using Joblog.Web.Features.Shared;
using Joblog.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.Conversation;

/// <summary>
/// Overblik før samtalen (jobrettet samtale, seed 003): for one citizen, since a chosen date (by default
/// four weeks back): logs added or changed, applications by status, saved jobs whose deadline has not
/// passed (soonest first), progress against the requirements (the last four weeks), job goals, an open inactivity notice. One gate call: opening it is one recorded look.
/// The caseworker reaches it for the citizen chosen in "Se borgers Jobnet"; the citizen sees the same.
/// </summary>
public sealed class OverviewModel(CitizenGate gate, LogQuery logs, SavedJobStore savedJobs, JobGoalStore goals, CitizenNotices notices, RequirementsView requirements, TimeProvider clock,
    IStringLocalizer<Texts> t) : CitizenPageModel(gate)
{
    public const int DefaultDays = 28;
    public const int MaxLogs = 100;

    /// <summary>The first day of the period, dd-mm-åååå or åååå-mm-dd.</summary>
    [BindProperty(SupportsGet = true)] public string? Fra { get; set; }

    public DateOnly Since { get; private set; }
    public DateOnly Today { get; private set; }
    public LogPage Changed { get; private set; } = null!;
    public IReadOnlyList<SavedJob> OpenSavedJobs { get; private set; } = [];
    public JobGoalSet Goals { get; private set; } = null!;
    public string CitizenName { get; private set; } = "";
    public CitizenNotice? Notice { get; private set; }
    public RequirementsOverview Requirements { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var access = await OpenCitizenAsync("conversation.overview");
        if (access is null) return NotFound();
        var ct = HttpContext.RequestAborted;
        Today = clock.Today();
        Since = Today.AddDays(-DefaultDays);
        if (!string.IsNullOrWhiteSpace(Fra))
        {
            if (!LogFormat.TryParseDate(Fra, out var from)) ModelState.AddModelError(nameof(Fra), t["Form.DateInvalid"]);
            else if (from > Today) ModelState.AddModelError(nameof(Fra), t["Conversation.Error.FromInFuture"]);
            else Since = from;
        }
        CitizenName = access.CitizenName ?? CurrentActor.Name;
        Changed = await logs.ListAsync(access, new LogFilter(ChangedFrom: Since, IncludeClosed: true), MaxLogs, null, 0, ct);
        OpenSavedJobs = (await savedJobs.ListAsync(access, ct))
            .Where(j => j.LogId is null && !j.DeadlinePassed(Today))
            .OrderBy(j => j.Content.Deadline ?? DateOnly.MaxValue)
            .ToList();
        Goals = await goals.GetAsync(access, ct);
        Notice = await notices.CurrentAsync(access, ct);
        Requirements = await requirements.LoadAsync(access, ct);
        return Page();
    }

    public int DaysLeft(SavedJob job) => job.Content.Deadline is { } d ? d.DayNumber - Today.DayNumber : int.MaxValue;
}
