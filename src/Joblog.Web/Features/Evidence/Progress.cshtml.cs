using System.Globalization;
using Joblog.Web.Access;
using Joblog.Web.Features.Requirements;
using Joblog.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Joblog.Web.Features.Evidence;

/// <summary>Fremdrift: applications per week over the last 8 weeks, job titles, distances from home — chart and table.</summary>
public sealed class ProgressModel(CitizenGate gate, EvidenceQuery query, RequirementsView requirements, TimeProvider clock) : CitizenPageModel(gate)
{
    /// <summary>Krav til jobsøgning with live progress (Features/Requirements), above the weekly figures.</summary>
    public RequirementsOverview Requirements { get; private set; } = null!;

    public ProgressFigures Figures { get; private set; } = null!;
    public EvidenceSubject Subject { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var access = await OpenCitizenAsync("joblog.progress");
        if (access is null) return NotFound();
        Subject = await query.SubjectAsync(access, HttpContext.RequestAborted);
        var logs = await query.LogsAsync(access, Subject.Home, HttpContext.RequestAborted);
        Figures = ProgressFigures.Compute(logs, clock.Today());
        Requirements = await requirements.LoadAsync(access, HttpContext.RequestAborted);
        return Page();
    }

    public static string Km(double? km) => MapModel.Km(km);

    public static string Date(DateOnly d) => d.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    /// <summary>The chart's geometry: bar heights on a scale with a round maximum (at least 2).</summary>
    public static int Scale(IEnumerable<WeekCount> weeks)
    {
        var max = Math.Max(2, weeks.Max(w => w.Applications));
        return max % 2 == 0 ? max : max + 1;
    }
}
