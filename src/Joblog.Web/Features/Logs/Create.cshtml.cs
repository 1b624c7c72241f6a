using Joblog.Web.Features.Shared;
using Joblog.Core.Logs;
using Joblog.Web.Access;
using Joblog.Web.Features.SavedJobs;
using Joblog.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.Logs;

[ChangesData]
public sealed class CreateModel(CitizenGate gate, LogStore store, SavedJobStore savedJobs, TimeProvider clock, IStringLocalizer<Texts> t)
    : LogFormPage(gate, clock, t)
{
    public override bool IsNew => true;

    /// <summary>Gemte job → "Opret log": the saved job this log is made from. It prefills the form and is marked as logged when the log is saved.</summary>
    [BindProperty(SupportsGet = true, Name = "gemtJob")]
    public Guid? SavedJobId { get; set; }

    public async Task<IActionResult> OnGetAsync(string kind)
    {
        if (LogOptions.FromSlug(kind) is not { } k) return NotFound();
        Form.Kind = k;
        if (SavedJobId is { } id)
        {
            var access = await OpenCitizenAsync("savedJob.read");
            var job = access is null || k != LogKind.JobSearch ? null : await savedJobs.GetAsync(access, id, HttpContext.RequestAborted);
            if (job is null) return NotFound();
            Prefill(job.Content);
        }
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

        Log log;
        if (SavedJobId is { } id && k == LogKind.JobSearch)
        {
            var result = await savedJobs.CreateLogAsync(access, id, content, HttpContext.RequestAborted);
            if (result.Outcome == SavedJobOutcome.NotFound) return NotFound();
            if (result.Outcome == SavedJobOutcome.AlreadyLogged) return Redirect($"/joblog/{result.Job!.LogId}");
            log = result.Log!;
        }
        else
        {
            log = (await store.CreateAsync(access, content, HttpContext.RequestAborted)).Log!;
        }
        Flash("Log.Saved");
        return Redirect($"/joblog/{log.Id}");
    }
}
