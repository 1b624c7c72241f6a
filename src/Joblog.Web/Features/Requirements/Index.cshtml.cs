using Joblog.Core.Logs;
using Joblog.Web.Access;
using Joblog.Web.Features.JobGoals;
using Joblog.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.Requirements;

/// <summary>
/// Krav til jobsøgning (/krav), the staff page for the citizen chosen in "Se borgers Jobnet": the requirements in force
/// with the citizen's progress, as the citizen sees them, and the form for the caller's organisation's own set — set,
/// change (a new version) or end it. A stale form is refused with what was typed kept.
/// </summary>
public sealed class IndexModel(CitizenGate gate, RequirementsView view, RequirementStore store, JobGoalStore goals, OccupationSearch occupations,
    MunicipalityList municipalities, IStringLocalizer<Texts> t) : StaffToolPageModel(gate)
{
    [BindProperty] public RequirementsForm Form { get; set; } = new();

    public RequirementsOverview Overview { get; private set; } = null!;

    /// <summary>The caller's organisation's set in force, if any.</summary>
    public RequirementSet? Own { get; private set; }

    /// <summary>Every set the caller's organisation has set for the citizen, the latest first.</summary>
    public IReadOnlyList<RequirementSet> History { get; private set; } = [];

    public string OrganisationName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await OpenToolAsync("requirements.read", StaffTools.MaySetRequirements, write: false) is not { } access) return Refusal!;
        var version = await LoadAsync(access);
        Form = Own is { } own ? RequirementsForm.From(own, version)
            : RequirementsForm.FromGoals((await goals.GetAsync(access, HttpContext.RequestAborted)).Goals, version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await OpenToolAsync("requirements.write", StaffTools.MaySetRequirements, write: true) is not { } access) return Refusal!;
        var input = await ReadFormAsync();
        if (input is not null)
        {
            var result = await store.SetAsync(access, Form.Version, input, HttpContext.RequestAborted);
            if (result.Outcome == RequirementOutcome.Done)
            {
                TempData["Flash"] = t["Requirements.Saved"].Value;
                return Redirect("/krav");
            }
            Stale(result);
        }
        return await ShowAgainAsync();
    }

    public async Task<IActionResult> OnPostEndAsync()
    {
        if (await OpenToolAsync("requirements.write", StaffTools.MaySetRequirements, write: true) is not { } access) return Refusal!;
        var result = await store.EndAsync(access, Form.Version, HttpContext.RequestAborted);
        if (result.Outcome == RequirementOutcome.Done)
        {
            TempData["Flash"] = t["Requirements.Ended"].Value;
            return Redirect("/krav");
        }
        Stale(result);
        return await ShowAgainAsync(keepForm: false);
    }

    /// <summary>Someone else changed (or ended) the requirements since the form was read: say so, keep what was typed.</summary>
    private void Stale(RequirementWrite result)
    {
        ModelState.AddModelError(string.Empty, t["Requirements.Error.Stale"]);
        Form.Version = result.Version;
        ModelState.Remove("Form.Version");
    }

    /// <summary>The page again after a refused post; showing the citizen's requirements is a look of its own.</summary>
    private async Task<IActionResult> ShowAgainAsync(bool keepForm = true)
    {
        if (await OpenToolAsync("requirements.read", StaffTools.MaySetRequirements, write: false) is not { } access) return Refusal!;
        var version = await LoadAsync(access);
        if (!keepForm) Form = Own is { } own ? RequirementsForm.From(own, version) : new RequirementsForm { Version = version };
        return Page();
    }

    private async Task<int> LoadAsync(CitizenAccess access)
    {
        var ct = HttpContext.RequestAborted;
        Overview = await view.LoadAsync(access, ct);
        Own = Overview.Sets.Select(s => s.Set).FirstOrDefault(s => s.OrganisationId == access.Actor.OrganisationId);
        History = await store.HistoryAsync(access, ct);
        OrganisationName = access.OrganisationName ?? "";
        return await store.VersionAsync(access, ct);
    }

    /// <summary>The form as input, or null with every problem in ModelState beside its field.</summary>
    private async Task<RequirementInput?> ReadFormAsync()
    {
        var ct = HttpContext.RequestAborted;
        var perWeek = Form.PerWeek();
        var km = Form.Km();
        var codes = new List<string>();
        // One message beside the field (and in the summary) naming every line that is not one occupation.
        var problems = new List<string>();
        foreach (var line in Form.OccupationLines())
        {
            if (RequirementsForm.LeadingCode(line) is { } code)
            {
                if (await occupations.FindAsync(code, ct) is null) problems.Add(t["Requirements.Error.OccupationCodeUnknown", code]);
                else codes.Add(code);
                continue;
            }
            var resolved = await occupations.ResolveAsync(line, ct);
            if (resolved.Match is { } match) codes.Add(match.Code);
            else if (resolved.Candidates.Count > 0)
                problems.Add(t["Requirements.Error.OccupationAmbiguous", line,
                    string.Join(", ", resolved.Candidates.Take(4).Select(c => $"{c.Code} {c.Title}"))]);
            else problems.Add(t["Requirements.Error.OccupationNotFound", line]);
        }
        if (problems.Count > 0) Error(nameof(Form.Occupations), string.Join(" ", problems));
        var (municipalityCodes, unknown) = await municipalities.ResolveAsync(Form.Municipalities, ct);
        if (unknown.Count > 0)
            Error(nameof(Form.Municipalities), string.Join(" ", unknown.Select(name => t["Requirements.Error.MunicipalityNotFound", name].Value)));

        foreach (var e in RequirementRules.Validate(perWeek, km, codes.Distinct().Count()))
            Error(FormField(e), t[e.MessageKey]);
        if (!ModelState.IsValid) return null;
        return RequirementInput.Canonical(perWeek!.Value, codes, km, municipalityCodes, Form.Methods());
    }

    private void Error(string property, string message) => ModelState.AddModelError($"{nameof(Form)}.{property}", message);

    private static string FormField(FieldError e) => e.Field switch
    {
        "applicationsPerWeek" => nameof(RequirementsForm.ApplicationsPerWeek),
        "maxKm" => nameof(RequirementsForm.MaxKm),
        _ => nameof(RequirementsForm.Occupations),
    };
}
