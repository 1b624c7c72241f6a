using Joblog.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Joblog.Web.Features.Home;

/// <summary>The front page: for a citizen the two tabs of Jobnet, Jobsøgning and Planer og aftaler.</summary>
public sealed class IndexModel : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Fane { get; set; }

    public bool PlansTab => Fane == "planer";

    public Actor Actor { get; private set; } = null!;

    public IActionResult OnGet()
    {
        Actor = Actor.From(User)!;
        return Page();
    }
}
