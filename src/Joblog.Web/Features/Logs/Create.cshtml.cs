using Joblog.Web.Access;
using Joblog.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.Logs;

public sealed class CreateModel(CitizenGate gate, LogStore store, TimeProvider clock, IStringLocalizer<Texts> t)
    : LogFormPage(gate, clock, t)
{
    public override bool IsNew => true;

    public IActionResult OnGet(string kind)
    {
        if (LogOptions.FromSlug(kind) is not { } k) return NotFound();
        Form.Kind = k;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kind)
    {
        if (LogOptions.FromSlug(kind) is not { } k) return NotFound();
        Form.Kind = k;
        var access = await OpenCitizenAsync("log.write");
        if (access is null) return NotFound();
        if (!access.CanWrite) return Forbid();
        if (ReadForm(closed: false) is not { } content) return Page();

        var result = await store.CreateAsync(access, content, HttpContext.RequestAborted);
        Flash("Log.Saved");
        return Redirect($"/joblog/{result.Log!.Id}");
    }
}
