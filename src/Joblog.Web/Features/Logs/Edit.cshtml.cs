using Joblog.Web.Features.Shared;
using Joblog.Web.Access;
using Joblog.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.Logs;

/// <summary>Edit a log. A stale form (someone changed the log meanwhile) is refused, the input kept.</summary>
[ChangesData]
public sealed class EditModel(CitizenGate gate, LogStore store, TimeProvider clock, IStringLocalizer<Texts> t)
    : LogFormPage(gate, clock, t)
{
    public override bool IsNew => false;

    public Log Current { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var access = await OpenCitizenAsync("log.read");
        var log = access is null ? null : await store.GetAsync(access, id, HttpContext.RequestAborted);
        if (log is null) return NotFound();
        if (log.Content.Closed) return Redirect($"/joblog/{id}");
        Current = log;
        Form = LogForm.From(log);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var access = await OpenCitizenAsync("log.write");
        var log = access is null ? null : await store.GetAsync(access, id, HttpContext.RequestAborted);
        if (access is null || log is null) return NotFound();
        if (!access.CanWrite) return Forbid();
        Current = log;
        Form.Kind = log.Content.Kind;
        if (ReadForm(closed: log.Content.Closed) is not { } content) return Page();

        var result = await store.UpdateAsync(access, id, Form.Version, content, HttpContext.RequestAborted);
        switch (result.Outcome)
        {
            case WriteOutcome.NotFound:
                return NotFound();
            case WriteOutcome.Stale:
                // Keep what was typed; the next save is a deliberate overwrite of the newer version.
                ModelState.AddModelError(string.Empty, T["Log.Error.Stale"]);
                Current = result.Log!;
                Form.Version = result.Log!.Version;
                ModelState.Remove($"{nameof(Form)}.{nameof(Form.Version)}");
                return Page();
            case WriteOutcome.ClosedLog:
                ModelState.AddModelError(string.Empty, T["Log.Error.Closed"]);
                return Page();
            default:
                Flash("Log.Saved");
                return Redirect($"/joblog/{id}");
        }
    }
}
