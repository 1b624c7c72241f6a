using Joblog.Web.Access;
using Joblog.Web.Auth;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Joblog.Web.Features.Shared;

/// <summary>
/// A page that shows one citizen's data. Every such page gets the citizen through the gate;
/// today the signed-in citizen sees their own, and staff views come through the same call.
/// </summary>
public abstract class CitizenPageModel(CitizenGate gate) : PageModel
{
    protected Actor CurrentActor => Actor.From(User) ?? throw new InvalidOperationException("Not signed in");

    /// <summary>Null means the page answers 404.</summary>
    protected async Task<CitizenAccess?> OpenCitizenAsync(string what)
    {
        var actor = CurrentActor;
        if (actor.CitizenId is not { } citizenId) return null;
        return await gate.OpenAsync(actor, citizenId, what, HttpContext.RequestAborted);
    }
}
