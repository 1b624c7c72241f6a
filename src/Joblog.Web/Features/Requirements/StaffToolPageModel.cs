using Joblog.Web.Access;
using Joblog.Web.Auth;
using Joblog.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Joblog.Web.Features.Requirements;

/// <summary>
/// A staff tool page (Krav til jobsøgning, Fritagelse) for the citizen chosen in "Se borgers Jobnet". The other way round
/// from the citizen's own pages: the tool is the organisation's record about the citizen, so its changes are made by staff
/// whose organisation the tool belongs to (<see cref="StaffTools"/>), never by the citizen (403 before any handler runs).
/// That rule takes the place of <see cref="CitizenPageModel"/>'s "no change by anyone but the citizen"; the citizen still
/// comes only from the gate (<see cref="StaffToolGate"/>): 404 when it refuses, 403 when the tool is not the caller's.
/// </summary>
public abstract class StaffToolPageModel(CitizenGate gate) : CitizenPageModel(gate)
{
    private readonly CitizenGate toolGate = gate;

    /// <summary>Whose record this is (the citizen chosen in "Se borgers Jobnet").</summary>
    public string CitizenName { get; private set; } = "";

    /// <summary>The answer when the citizen was not opened (404, or 403 with the message).</summary>
    protected IActionResult? Refusal { get; private set; }

    /// <summary>
    /// The chosen citizen for this tool; null with <see cref="Refusal"/> set when refused. A read records the look now;
    /// a write (<paramref name="write"/>) leaves it pending for the store to record with the change.
    /// </summary>
    protected async Task<CitizenAccess?> OpenToolAsync(string what, Func<CitizenAccess, bool> may, bool write)
    {
        var actor = CurrentActor;
        if (actor.SubjectId is not { } citizenId || actor.Kind == ActorKind.Citizen)
        {
            Refusal = actor.Kind == ActorKind.Citizen ? Forbidden() : NotFound();
            return null;
        }
        var (access, refusal) = await toolGate.OpenForToolAsync(actor, citizenId, what, may, write, HttpContext.RequestAborted);
        if (access is null)
        {
            Refusal = refusal == ToolRefusal.Forbidden ? Forbidden() : NotFound();
            return null;
        }
        // Not the read-only banner of the citizen's pages: the tool page names the citizen itself (CitizenName).
        CitizenName = access.CitizenName ?? "";
        return access;
    }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (Actor.From(User)?.Kind == ActorKind.Citizen)
        {
            context.Result = Forbidden();
            return;
        }
        await next();
    }

    private static StatusCodeResult Forbidden() => new(StatusCodes.Status403Forbidden);
}
