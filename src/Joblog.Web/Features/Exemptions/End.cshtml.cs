using Joblog.Web.Access;
using Joblog.Web.Features.Logs;
using Joblog.Web.Features.Requirements;
using Joblog.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.Exemptions;

/// <summary>Afslut fritagelse (/fritagelse/{id}/afslut): the last day of the exemption, today unless another is chosen.</summary>
public sealed class EndModel(CitizenGate gate, ExemptionStore store, TimeProvider clock, IStringLocalizer<Texts> t) : StaffToolPageModel(gate)
{
    [BindProperty] public string? To { get; set; }

    public Exemption Exemption { get; private set; } = null!;

    public DateOnly Today { get; } = clock.Today();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await OpenToolAsync("exemptions.read", StaffTools.MayManageExemptions, write: false) is not { } access) return Refusal!;
        if (await store.GetAsync(access, id, HttpContext.RequestAborted) is not { } exemption) return NotFound();
        Exemption = exemption;
        To = LogFormat.Date(exemption.To is { } planned && planned < Today ? planned : Today);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await OpenToolAsync("exemptions.write", StaffTools.MayManageExemptions, write: true) is not { } access) return Refusal!;
        DateOnly? to = null;
        if (string.IsNullOrWhiteSpace(To)) ModelState.AddModelError(nameof(To), t["Exemptions.Error.EndRequired"]);
        else if (LogFormat.TryParseDate(To, out var d)) to = d;
        else ModelState.AddModelError(nameof(To), t["Form.DateInvalid"]);
        if (to is not null)
        {
            var result = await store.EndAsync(access, id, to, HttpContext.RequestAborted);
            switch (result.Outcome)
            {
                case ExemptionOutcome.NotFound: return NotFound();
                case ExemptionOutcome.Done:
                    TempData["Flash"] = t["Exemptions.EndedFlash"].Value;
                    return Redirect("/fritagelse");
                case ExemptionOutcome.AlreadyOver:
                    ModelState.AddModelError(nameof(To), t["Exemptions.Error.AlreadyOver"]);
                    break;
                default:
                    foreach (var e in result.Errors ?? []) ModelState.AddModelError(nameof(To), t[e.MessageKey]);
                    break;
            }
        }
        // Showing the exemption again is a look of its own.
        if (await OpenToolAsync("exemptions.read", StaffTools.MayManageExemptions, write: false) is not { } read) return Refusal!;
        if (await store.GetAsync(read, id, HttpContext.RequestAborted) is not { } exemption) return NotFound();
        Exemption = exemption;
        return Page();
    }
}
