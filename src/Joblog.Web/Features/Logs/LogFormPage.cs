using Joblog.Core.Logs;
using Joblog.Web.Access;
using Joblog.Web.Features.Shared;
using Joblog.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.Logs;

/// <summary>What the create and edit pages share: the form, and turning it into checked content.</summary>
public abstract class LogFormPage(CitizenGate gate, TimeProvider clock, IStringLocalizer<Texts> t) : CitizenPageModel(gate)
{
    [BindProperty] public LogForm Form { get; set; } = new();

    public abstract bool IsNew { get; }

    protected IStringLocalizer<Texts> T => t;

    /// <summary>The content when the form is valid; otherwise null, with every error in ModelState.</summary>
    protected LogContent? ReadForm(bool closed)
    {
        var parseErrors = new List<FieldError>();
        var content = Form.ToContent(closed, parseErrors);
        var ruleErrors = LogRules.Validate(content, clock.Today())
            .Select(e => e with { Field = LogForm.PropertyFor(e.Field) })
            .Where(e => parseErrors.All(p => p.Field != e.Field));
        foreach (var e in parseErrors.Concat(ruleErrors))
            ModelState.AddModelError($"{nameof(Form)}.{e.Field}", t[e.MessageKey]);
        return ModelState.IsValid ? content : null;
    }

    protected void Flash(string key) => TempData["Flash"] = t[key].Value;

    /// <summary>Fills the form with content that is not a stored log yet (a saved job, what a job ad's page said).</summary>
    protected void Prefill(LogContent content) =>
        Form = LogForm.From(new Log(Guid.Empty, Guid.Empty, content, default, default, default, Version: 0));
}
