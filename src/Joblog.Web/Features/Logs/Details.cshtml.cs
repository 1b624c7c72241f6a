using Joblog.Web.Access;
using Joblog.Web.Features.Attachments;
using Joblog.Web.Features.Shared;
using Joblog.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.Logs;

/// <summary>One log: its fields, its attached files, its history (every version: when, channel, who, what changed; files added and deleted), close/reopen.</summary>
public sealed class DetailsModel(CitizenGate gate, LogStore store, LogHistory history, AttachmentStore attachments, IStringLocalizer<Texts> t)
    : CitizenPageModel(gate)
{
    public Log Log { get; private set; } = null!;
    public IReadOnlyList<LogVersion> Versions { get; private set; } = [];
    public AttachmentsSection Attachments { get; private set; } = null!;
    public IReadOnlyList<HistoryLine> History { get; private set; } = [];
    public bool CanWrite { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id, "log.read") ? Page() : NotFound();

    public Task<IActionResult> OnPostCloseAsync(Guid id, int version) => SetClosedAsync(id, version, closed: true);

    public Task<IActionResult> OnPostReopenAsync(Guid id, int version) => SetClosedAsync(id, version, closed: false);

    private async Task<IActionResult> SetClosedAsync(Guid id, int version, bool closed)
    {
        var access = await OpenCitizenAsync("log.write");
        var log = access is null ? null : await store.GetAsync(access, id, HttpContext.RequestAborted);
        if (access is null || log is null) return NotFound();
        if (!access.CanWrite) return Forbid();

        var result = await store.UpdateAsync(access, id, version, log.Content with { Closed = closed }, HttpContext.RequestAborted);
        if (result.Outcome == WriteOutcome.NotFound) return NotFound();
        if (result.Outcome == WriteOutcome.Stale)
        {
            ModelState.AddModelError(string.Empty, t["Log.Error.StaleAction"]);
            await LoadAsync(id, "log.read");
            return Page();
        }
        TempData["Flash"] = t[closed ? "Log.ClosedDone" : "Log.ReopenedDone"].Value;
        return Redirect($"/joblog/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, string what)
    {
        var access = await OpenCitizenAsync(what);
        var log = access is null ? null : await store.GetAsync(access, id, HttpContext.RequestAborted);
        if (access is null || log is null) return false;
        Log = log;
        CanWrite = access.CanWrite;
        Versions = await history.GetAsync(access, id, HttpContext.RequestAborted) ?? [];
        Attachments = new AttachmentsSection(id, access.CanWrite && !log.Content.Closed, await attachments.ListAsync(access, id, HttpContext.RequestAborted) ?? []);
        History = HistoryLine.Merge(Versions, await attachments.HistoryAsync(access, id, HttpContext.RequestAborted));
        return true;
    }
}
