using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Joblog.Web.Features;

/// <summary>
/// /error (unhandled exceptions, from UseExceptionHandler) and /error/{status} (UseJoblogErrorPages).
/// Shows no details; those are in the log.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public void OnGet(int? statusCode) => Set(statusCode);

    public void OnPost(int? statusCode) => Set(statusCode);

    private void Set(int? statusCode)
    {
        // Re-executed requests keep the original status; a direct visit to /error/404 gets that status.
        Status = statusCode ?? (Response.StatusCode >= 400 ? Response.StatusCode : StatusCodes.Status500InternalServerError);
        if (statusCode is >= 400 and < 600)
        {
            Response.StatusCode = statusCode.Value;
        }
    }
}
