using Joblog.Web.Auth;
using Joblog.Web.Features.Demo;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Joblog.Web.Features.SignIn;

/// <summary>
/// The demo identity provider: pick a persona, get a session. Exists only in demo mode (404
/// otherwise). NemLog-in/MitID replaces it by handing <see cref="SessionSignIn"/> a verified identity.
/// Login CSRF is harmless here (demo personas only), so scripts may post without a token.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class TestLoginModel(SessionSignIn signIn, IConfiguration config, IHostEnvironment env) : PageModel
{
    public IActionResult OnGet() => DemoMode.IsOn(config, env) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string? persona, string? returnUrl)
    {
        if (!DemoMode.IsOn(config, env)) return NotFound();
        var identity = Personas.Citizens.FirstOrDefault(c => c.Key == persona) is { } citizen
            ? new VerifiedIdentity(IdentityKind.Citizen, citizen.Cpr)
            : Personas.Staff.FirstOrDefault(s => s.Key == persona) is { } staff
                ? new VerifiedIdentity(IdentityKind.Staff, staff.Key)
                : null;
        if (identity is null || !await signIn.SignInAsync(HttpContext, identity))
        {
            ModelState.AddModelError("persona", "Vælg en af personerne på listen");
            return Page();
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
