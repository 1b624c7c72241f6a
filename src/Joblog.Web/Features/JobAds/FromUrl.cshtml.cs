using Joblog.Web.Features.Shared;
using Joblog.Core.Logs;
using Joblog.Web.Access;
using Joblog.Web.Features.Logs;
using Joblog.Web.Features.SavedJobs;
using Joblog.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.JobAds;

/// <summary>
/// /joblog/ny/fra-link: paste the link of a job ad, "Hent oplysninger", check the job-search form
/// prefilled from the page, pick the status, save. The same page shows both steps.
/// </summary>
[ChangesData]
public sealed class FromUrlModel(CitizenGate gate, LogStore store, JobAdReader reader, TimeProvider clock, IStringLocalizer<Texts> t)
    : LogFormPage(gate, clock, t)
{
    public override bool IsNew => true;

    /// <summary>Link til jobannoncen.</summary>
    [BindProperty] public string? Link { get; set; }

    /// <summary>Second step: the log form is shown (after a read, or a save that needs corrections).</summary>
    public bool ShowLogForm { get; private set; }

    /// <summary>What the page gave, right after reading it; null when nothing could be read.</summary>
    public JobAdFields? Read { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await WritableAsync() is { } refused ? refused : Page();

    public async Task<IActionResult> OnPostFetchAsync()
    {
        if (await WritableAsync() is { } refused) return refused;
        if (string.IsNullOrWhiteSpace(Link)) return UrlError("JobAds.Error.UrlRequired");
        if (JobAdFetcher.WebAddress(Link) is not { } address) return UrlError("JobAds.Error.UrlInvalid");

        var reading = await reader.ReadAsync(address, HttpContext.RequestAborted);
        if (reading.Failure is { } failure and not FetchFailure.NothingFound) return UrlError(reading.ErrorKey!);

        Read = reading.Fields;
        Link = address.AbsoluteUri;
        // The citizen picks the status: they may have applied already, or want to keep it for later.
        Prefill((Read is null ? SavedJob.ContentOf(null, null, null, null, null, null, Link, null, null) : SavedJob.ContentOf(Read)) with { Status = null });
        ShowLogForm = true;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var access = await OpenCitizenAsync("log.write");
        if (access is null) return NotFound();
        if (!access.CanWrite) return Forbid();
        Form.Kind = LogKind.JobSearch;
        ShowLogForm = true;
        if (ReadForm(closed: false) is not { } content) return Page();

        var result = await store.CreateAsync(access, content, HttpContext.RequestAborted);
        Flash("Log.Saved");
        return Redirect($"/joblog/{result.Log!.Id}");
    }

    /// <summary>"stillingsbetegnelse, virksomhed og ansøgningsfrist": the fields that were read, for the notice.</summary>
    public string FilledFields()
    {
        var names = Read?.FoundFields().Select(k => T[k].Value).ToList() ?? [];
        return names.Count <= 1 ? string.Concat(names) : $"{string.Join(", ", names[..^1])} {T["FromUrl.And"]} {names[^1]}";
    }

    private async Task<IActionResult?> WritableAsync()
    {
        var access = await OpenCitizenAsync("log.write");
        if (access is null) return NotFound();
        return access.CanWrite ? null : Forbid();
    }

    private IActionResult UrlError(string key)
    {
        ModelState.AddModelError(nameof(Link), T[key]);
        return Page();
    }
}
