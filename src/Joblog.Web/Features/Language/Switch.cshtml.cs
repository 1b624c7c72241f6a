using Joblog.Web.Localization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Joblog.Web.Features.Language;

/// <summary>POST /sprog: remembers the chosen language in the culture cookie and goes back (local URLs only).</summary>
public sealed class SwitchModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        if (!LocalizationSetup.IsSupported(culture))
        {
            return BadRequest();
        }

        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture!.ToLowerInvariant())),
            new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365),
                Secure = Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                HttpOnly = true,
                IsEssential = true, // a functional cookie: remembers a choice the user made
                Path = "/",
            });

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
