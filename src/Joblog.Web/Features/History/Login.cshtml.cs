using System.Globalization;
using Joblog.Web.Access;
using Joblog.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Joblog.Web.Features.History;

/// <summary>
/// Historik → Login: every look at the signed-in citizen's data by a caseworker or a case system, newest first,
/// keyset-paged (<c>?fra=</c> is the cursor). Only the citizen's own: for a caseworker looking at the citizen's
/// Jobnet the history is withheld (<see cref="Category.History"/>) and the page says so, with 403.
/// </summary>
public sealed class LoginModel(CitizenGate gate, AccessHistory history) : CitizenPageModel(gate)
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? Fra { get; set; }

    public AccessLookPage Result { get; private set; } = new([], null);

    public bool Withheld { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var access = await OpenCitizenAsync(ReadOnlyView ? "history.open" : "accessLog.read");
        if (access is null) return NotFound();
        if (access.Withholds(Category.History) || !access.IsOwner)
        {
            Withheld = true;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
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
