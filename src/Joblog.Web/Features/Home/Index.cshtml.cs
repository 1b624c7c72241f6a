using Joblog.Web.Access;
using Joblog.Web.Auth;
using Joblog.Web.Features.Exemptions;
using Joblog.Web.Features.Notices;
using Joblog.Web.Features.Shared;
using Joblog.Web.Features.Statistics;
using Microsoft.AspNetCore.Mvc;

namespace Joblog.Web.Features.Home;

/// <summary>
/// The front page: for a citizen the two tabs of Jobnet, Jobsøgning and Planer og aftaler. A caseworker
/// who has chosen a citizen in "Se borgers Jobnet" sees the same page as that citizen, plus what is
/// held back from them; without a chosen citizen, the way in to "Se borgers Jobnet".
/// </summary>
public sealed class IndexModel(CitizenGate gate, CitizenNotices notices, WorkList workList, ExemptionStore exemptions, UsageQuery statistics)
    : CitizenPageModel(gate)
{
    [BindProperty(SupportsGet = true)] public string? Fane { get; set; }

    public bool PlansTab => Fane == "planer";

    public Actor Actor { get; private set; } = null!;

    /// <summary>The citizen whose front page this is (for staff: the chosen citizen; null when none or no longer permitted).</summary>
    public CitizenAccess? Access { get; private set; }

    /// <summary>A caseworker had chosen a citizen they may no longer open (e.g. the course ended).</summary>
    public bool LostAccess { get; private set; }

    public string CitizenName => Access?.CitizenName ?? Actor.Name;

    /// <summary>The citizen's open inactivity notice (advisering), if any: what to do about it.</summary>
    public CitizenNotice? Notice { get; private set; }

    /// <summary>Staff of a jobcenter or an a-kasse (no citizen chosen): the way to their work list.</summary>
    public bool HasWorkList { get; private set; }

    /// <summary>Staff of the agency or a jobcenter (no citizen chosen): the way to the statistics (/statistik).</summary>
    public bool HasStatistics { get; private set; }

    /// <summary>The exemption (fritagelse) that applies today: the page says so, and that the duty to search remains.</summary>
    public Exemption? ExemptToday { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Actor = CurrentActor;
        if (Actor.Kind == ActorKind.Citizen || Actor.ViewingCitizenId is not null)
        {
            Access = await OpenCitizenAsync("frontpage.read");
            LostAccess = Access is null && Actor.Kind != ActorKind.Citizen;
            if (Access is not null)
            {
                Notice = await notices.CurrentAsync(Access, HttpContext.RequestAborted);
                ExemptToday = await exemptions.TodayAsync(Access, HttpContext.RequestAborted);
            }
        }
        if (Actor.Kind != ActorKind.Citizen && Access is null) HasWorkList = await workList.KindForAsync(Actor, HttpContext.RequestAborted) is not null;
        if (Actor.Kind == ActorKind.Staff && Access is null) HasStatistics = await statistics.ScopeForAsync(Actor, HttpContext.RequestAborted) is not null;
        return Page();
    }
}
