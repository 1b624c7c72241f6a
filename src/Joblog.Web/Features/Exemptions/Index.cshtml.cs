using Joblog.Core.Logs;
using Joblog.Web.Access;
using Joblog.Web.Features.Logs;
using Joblog.Web.Features.Requirements;
using Joblog.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.Exemptions;

/// <summary>
/// Fritagelse (/fritagelse), the jobcenter's page for the citizen chosen in "Se borgers Jobnet": the citizen's exemptions
/// and the form to grant one (from, to if known, the reason). Only the jobcenter (<see cref="StaffTools.MayManageExemptions"/>);
/// the a-kasse gets 403, the citizen too.
/// </summary>
public sealed class IndexModel(CitizenGate gate, ExemptionStore store, TimeProvider clock, IStringLocalizer<Texts> t) : StaffToolPageModel(gate)
{
    public sealed class GrantForm
    {
        public string? From { get; set; }
        public string? To { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty] public GrantForm Form { get; set; } = new();

    public IReadOnlyList<Exemption> Exemptions { get; private set; } = [];

    public DateOnly Today { get; } = clock.Today();

    public async Task<IActionResult> OnGetAsync()
    {
        if (await OpenToolAsync("exemptions.read", StaffTools.MayManageExemptions, write: false) is not { } access) return Refusal!;
        Exemptions = await store.ListAsync(access, HttpContext.RequestAborted) ?? [];
        Form.From = LogFormat.Date(Today);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await OpenToolAsync("exemptions.write", StaffTools.MayManageExemptions, write: true) is not { } access) return Refusal!;
        var from = Date(nameof(Form.From), Form.From);
        var to = Date(nameof(Form.To), Form.To);
        foreach (var e in ExemptionRules.ValidateGrant(from, to, Form.Reason))
        {
            var key = $"{nameof(Form)}.{FormField(e)}";
            if (ModelState[key] is not { Errors.Count: > 0 }) ModelState.AddModelError(key, t[e.MessageKey]);
        }
        if (ModelState.IsValid)
        {
            var result = await store.GrantAsync(access, from!.Value, to, Form.Reason!, HttpContext.RequestAborted);
            if (result.Outcome == ExemptionOutcome.Done)
            {
                TempData["Flash"] = t["Exemptions.Granted"].Value;
                return Redirect("/fritagelse");
            }
            ModelState.AddModelError($"{nameof(Form)}.{nameof(Form.From)}", t["Exemptions.Error.Overlap"]);
        }
        // Showing the list again is a look of its own.
        if (await OpenToolAsync("exemptions.read", StaffTools.MayManageExemptions, write: false) is not { } read) return Refusal!;
        Exemptions = await store.ListAsync(read, HttpContext.RequestAborted) ?? [];
        return Page();
    }

    /// <summary>A date field: null when empty; an error beside the field when it is not a date.</summary>
    private DateOnly? Date(string property, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (LogFormat.TryParseDate(text, out var d)) return d;
        ModelState.AddModelError($"{nameof(Form)}.{property}", t["Form.DateInvalid"]);
        return null;
    }

    internal static string FormField(FieldError e) => e.Field switch
    {
        "from" => nameof(GrantForm.From),
        "to" => nameof(GrantForm.To),
        _ => nameof(GrantForm.Reason),
    };
}
