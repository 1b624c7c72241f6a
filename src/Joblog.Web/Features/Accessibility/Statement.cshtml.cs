using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Joblog.Web.Features.Accessibility;

/// <summary>The short accessibility statement linked from the footer; open to everyone.</summary>
[AllowAnonymous]
public sealed class StatementModel : PageModel;
