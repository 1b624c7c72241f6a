using System.Globalization;
using Joblog.Web.Access;
using Joblog.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Joblog.Web.Features.History;

/// <summary>
/// Historik → Login: every look at the signed-in citizen's data by a caseworker or a case system, newest first,
/// keyset-paged (<c>?fra=</c> is the cursor). Only the citizen's own: staff have no citizen here and get 404.
/// </summary>
public sealed class LoginModel(CitizenGate gate, AccessHistory history) : CitizenPageModel(gate)
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? Fra { get; set; }

    public AccessLookPage Result { get; private set; } = new([], null);

    public async Task<IActionResult> OnGetAsync()
    {
        if (CurrentActor.Kind != Auth.ActorKind.Citizen) return NotFound();
        var access = await OpenCitizenAsync("accessLog.read");
        if (access is not { IsOwner: true }) return NotFound();
        try
        {
            Result = await history.ListAsync(access, PageSize, Fra, HttpContext.RequestAborted);
        }
        catch (BadAccessCursorException)
        {
            return Redirect("/historik/login");
        }
        return Page();
    }

    /// <summary>Danish date and time in Copenhagen, e.g. "21. november 2026 kl. 08.36" (English: "21 November 2026 at 08:36").</summary>
    public static string When(DateTimeOffset at)
    {
        var local = DanishClock.Local(at);
        var culture = CultureInfo.CurrentUICulture;
        return culture.TwoLetterISOLanguageName == "en"
            ? local.ToString("d MMMM yyyy 'at' HH:mm", CultureInfo.GetCultureInfo("en-GB"))
            : local.ToString("d. MMMM yyyy 'kl.' HH.mm", CultureInfo.GetCultureInfo("da-DK"));
    }
}
