using Joblog.Web.Access;
using Joblog.Web.Auth;
using Joblog.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.Notices;

/// <summary>
/// /arbejdsliste — the jobcenter's (or a-kasse's) work list of citizens with an open inactivity notice. Jobcenter and
/// a-kasse staff only; anyone else signed in gets 403. "Se Jobnet" posts the opaque citizen id (never a CPR number) and
/// opens the citizen's Jobnet through the gate, as "Se borgers Jobnet" does: a look the citizen sees in their history.
/// In demo mode the sweep can be run from here.
/// </summary>
public sealed class WorkListModel(WorkList workList, CitizenGate gate, SessionSignIn sessions, InactivitySweep sweep,
    IConfiguration config, IWebHostEnvironment environment, IStringLocalizer<Texts> t) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "efter")] public string? After { get; set; }

    public WorkListPage Result { get; private set; } = null!;

    public bool DemoMode => Demo.DemoMode.IsOn(config, environment);

    public async Task<IActionResult> OnGetAsync()
    {
        if (Actor.From(User) is not { Kind: ActorKind.Staff } staff) return Forbidden();
        try
        {
            if (await workList.ListAsync(staff, PageSize, After, HttpContext.RequestAborted) is not { } page) return Forbidden();
            Result = page;
            return Page();
        }
        catch (BadWorkListCursorException)
        {
            return Redirect("/arbejdsliste");
        }
    }

    /// <summary>"Se Jobnet": the citizen through the gate (404 when the gate says no), then their front page.</summary>
    public async Task<IActionResult> OnPostOpenAsync(Guid citizenId)
    {
        if (await WorkListStaffAsync() is not { } staff) return Forbidden();
        var access = await gate.OpenAsync(staff, citizenId, "worklist.open", HttpContext.RequestAborted);
        if (access is null) return NotFound();
        await sessions.ViewCitizenAsync(HttpContext, staff, access.CitizenId);
        return Redirect("/");
    }

    /// <summary>Demo mode only: run the sweep now, recorded as started by this staff member.</summary>
    public async Task<IActionResult> OnPostSweepAsync()
    {
        if (!DemoMode) return NotFound();
        if (await WorkListStaffAsync() is not { } staff) return Forbidden();
        var result = await sweep.RunNowAsync(SweepStart.Demo, staff, HttpContext.RequestAborted);
        TempData["Flash"] = t["Notices.WorkList.Demo.Done", result.Created, result.Ended].Value;
        return Redirect("/arbejdsliste");
    }

    private async Task<Actor?> WorkListStaffAsync() =>
        Actor.From(User) is { Kind: ActorKind.Staff } staff && await workList.KindForAsync(staff, HttpContext.RequestAborted) is not null ? staff : null;

    private StatusCodeResult Forbidden() => StatusCode(StatusCodes.Status403Forbidden);
}
