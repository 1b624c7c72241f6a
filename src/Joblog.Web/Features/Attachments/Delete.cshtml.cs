using Joblog.Web.Access;
using Joblog.Web.Features.Shared;
using Joblog.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.Attachments;

/// <summary>Deletes an attached file after confirming; the log's history keeps who deleted which file.</summary>
[ChangesData]
public sealed class DeleteModel(CitizenGate gate, AttachmentStore store, IStringLocalizer<Texts> t) : CitizenPageModel(gate)
{
    public Attachment Attachment { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid attachmentId)
    {
        var access = await OpenCitizenAsync("log.read");
        var attachment = access is null ? null : await store.GetAsync(access, id, attachmentId, HttpContext.RequestAborted);
        if (access is null || attachment is null) return NotFound();
        if (!access.CanWrite) return Forbid();
        Attachment = attachment;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid attachmentId)
    {
        var access = await OpenCitizenAsync("attachment.write");
        var attachment = access is null ? null : await store.GetAsync(access, id, attachmentId, HttpContext.RequestAborted);
        if (access is null || attachment is null) return NotFound();
        if (!access.CanWrite) return Forbid();

        switch (await store.RemoveAsync(access, id, attachmentId, HttpContext.RequestAborted))
        {
            case RemoveOutcome.Removed:
                TempData["Flash"] = t["Attachments.DeletedDone", attachment.FileName].Value;
                return Redirect($"/joblog/{id}");
            case RemoveOutcome.Closed:
                Attachment = attachment;
                ModelState.AddModelError(string.Empty, t["Attachments.Error.Closed"]);
                return Page();
            default:
                return NotFound();
        }
    }
}
