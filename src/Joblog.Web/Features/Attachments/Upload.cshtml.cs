using Joblog.Web.Access;
using Joblog.Web.Features.Logs;
using Joblog.Web.Features.Shared;
using Joblog.Web.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.Attachments;

/// <summary>
/// Attaches a file to a log (the form is also on the log's page). A refused file comes back here with
/// the reason in plain Danish, in the error summary and beside the field.
/// <para>
/// A file over 10 MB is refused from its Content-Length, before anything is read into a form. The
/// rest of such a body is then read and thrown away (up to <see cref="AttachmentLimits.MaxDrainedBytes"/>):
/// a browser sends the whole body before it reads the answer, and would otherwise show a reset
/// connection instead of this page. That is why this page checks the antiforgery token itself, after
/// the size check, and keeps model binding off the body.
/// </para>
/// </summary>
[IgnoreAntiforgeryToken]
[DisableFormValueModelBinding]
[RequestSizeLimit(AttachmentLimits.MaxDrainedBytes)]
[ChangesData]
public sealed class UploadModel(CitizenGate gate, LogStore logs, AttachmentStore store, IAntiforgery antiforgery, IStringLocalizer<Texts> t)
    : CitizenPageModel(gate)
{
    public Guid LogId { get; private set; }

    public string LogTitle { get; private set; } = "";

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var (access, log) = await OpenAsync(id, "log.read");
        if (access is null || log is null) return NotFound();
        return access.CanWrite ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var ct = HttpContext.RequestAborted;
        var (access, log) = await OpenAsync(id, "attachment.write");
        if (access is null || log is null) return NotFound();
        if (!access.CanWrite) return Forbid();

        if (Request.ContentLength > AttachmentLimits.MaxRequestBytes)
        {
            await DiscardBodyAsync();
            return Refuse("Attachments.Error.TooLarge");
        }
        if (HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = AttachmentLimits.MaxRequestBytes;
        IFormFile? file;
        try
        {
            await antiforgery.ValidateRequestAsync(HttpContext); // reads the form
            file = Request.Form.Files.GetFile("Upload");
        }
        catch (Exception e) when (e is AntiforgeryValidationException or InvalidDataException)
        {
            return BadRequest(); // no valid token, or not a form
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Refuse("Attachments.Error.TooLarge"); // a chunked body without Content-Length
        }
        if (file is null || (file.Length == 0 && string.IsNullOrEmpty(file.FileName))) return Refuse("Attachments.Error.Missing");
        if (file.Length > AttachmentLimits.MaxFileBytes) return Refuse("Attachments.Error.TooLarge");

        await using var upload = await UploadedFile.BufferAsync(file.OpenReadStream(), file.FileName, ct);
        if (upload.Problem == UploadProblem.TooLarge) return Refuse("Attachments.Error.TooLarge");
        var result = await store.AddAsync(access, id, upload, ct);
        switch (result.Outcome)
        {
            case AddOutcome.Added:
                TempData["Flash"] = t["Attachments.AddedDone", result.Attachment!.FileName].Value;
                return Redirect($"/joblog/{id}");
            case AddOutcome.NotFound: return NotFound();
            case AddOutcome.ReadOnly: return Forbid();
            case AddOutcome.Closed: return Refuse("Attachments.Error.Closed");
            case AddOutcome.Full: return Refuse("Attachments.Error.Full");
            case AddOutcome.Empty: return Refuse("Attachments.Error.Empty");
            default: return Refuse("Attachments.Error.Type");
        }
    }

    private async Task<(CitizenAccess? Access, Log? Log)> OpenAsync(Guid id, string what)
    {
        var access = await OpenCitizenAsync(what);
        var log = access is null ? null : await logs.GetAsync(access, id, HttpContext.RequestAborted);
        if (log is not null)
        {
            LogId = log.Id;
            LogTitle = AttachmentFormat.LogTitle(log, t);
        }
        return (access, log);
    }

    private PageResult Refuse(string key)
    {
        Error = t[key, AttachmentLimits.MaxPerLog];
        ModelState.AddModelError("Upload", Error);
        return Page();
    }

    private async Task DiscardBodyAsync()
    {
        if (Request.ContentLength > AttachmentLimits.MaxDrainedBytes) return;
        try
        {
            await Request.Body.CopyToAsync(Stream.Null, HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is BadHttpRequestException or IOException or OperationCanceledException)
        {
            // The client went away or sent more than it said: nothing more to do.
        }
    }
}
