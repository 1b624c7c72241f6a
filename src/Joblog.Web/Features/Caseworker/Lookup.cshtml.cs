using Joblog.Core.Citizens;
using Joblog.Web.Access;
using Joblog.Web.Auth;
using Joblog.Web.Features.Citizens;
using Joblog.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.Caseworker;

/// <summary>
/// "Se borgers Jobnet" (Sagsbehandleradgang, seed 004): a caseworker enters a CPR number (POST only,
/// never in a URL) and then sees the citizen's own pages, read only. The choice is kept in the
/// server-side session; the gate decides again on every page. An unknown number and a citizen the
/// caseworker may not open get the same answer (404), so the form tells nothing about who exists.
/// </summary>
public sealed class LookupModel(CitizenGate gate, CitizenDirectory directory, SessionSignIn sessions, IStringLocalizer<Texts> t) : PageModel
{
    [BindProperty] public string? Cpr { get; set; }

    public IActionResult OnGet() => Staff is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (Staff is not { } staff) return NotFound();
        if (string.IsNullOrWhiteSpace(Cpr))
            ModelState.AddModelError(nameof(Cpr), t["Caseworker.Error.CprRequired"]);
        else if (!Core.Citizens.Cpr.TryParse(Cpr, out var cpr))
            ModelState.AddModelError(nameof(Cpr), t["Caseworker.Error.CprInvalid"]);
        else
        {
            var citizenId = await directory.FindAsync(cpr, HttpContext.RequestAborted);
            var access = citizenId is { } id ? await gate.OpenAsync(staff, id, "citizen.lookup", HttpContext.RequestAborted) : null;
            if (access is not null)
            {
                await sessions.ViewCitizenAsync(HttpContext, staff, access.CitizenId);
                return Redirect("/");
            }
            ModelState.AddModelError(nameof(Cpr), t["Caseworker.Error.NoAccess"]);
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }

    /// <summary>"Afslut" — stop looking at the citizen.</summary>
    public async Task<IActionResult> OnPostStopAsync()
    {
        if (Staff is not { } staff) return NotFound();
        await sessions.ViewCitizenAsync(HttpContext, staff, null);
        return Redirect("/sagsbehandleradgang");
    }

    public bool Viewing => Staff?.ViewingCitizenId is not null;

    private Actor? Staff => Actor.From(User) is { Kind: ActorKind.Staff } a ? a : null;
}
