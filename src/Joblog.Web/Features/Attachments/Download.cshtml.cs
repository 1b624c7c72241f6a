using Joblog.Web.Access;
using Joblog.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Joblog.Web.Features.Attachments;

/// <summary>Downloads an attached file, with the same headers as the API (<see cref="DownloadHeaders"/>).</summary>
public sealed class DownloadModel(CitizenGate gate, AttachmentStore store) : CitizenPageModel(gate)
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid attachmentId)
    {
        var ct = HttpContext.RequestAborted;
        var access = await OpenCitizenAsync("attachment.download");
        var attachment = access is null ? null : await store.GetAsync(access, id, attachmentId, ct);
        var content = attachment is null ? null : await store.OpenAsync(attachment, ct);
        if (content is null) return NotFound();
        DownloadHeaders.Apply(Response, attachment!);
        return new FileStreamResult(content, attachment!.ContentType);
    }
}
