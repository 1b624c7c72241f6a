using Joblog.Core.Logs;
using Joblog.Web.Access;
using Joblog.Web.Api;
using Joblog.Web.Auth;
using Joblog.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.OpenApi;

namespace Joblog.Web.Features.Attachments;

/// <summary>/api/v1/citizens/{citizenId}/logs/{logId}/attachments — the files of a log (the application, the CV sent).</summary>
public static class AttachmentsApi
{
    public static void MapAttachmentsApi(this RouteGroupBuilder api)
    {
        var attachments = api.MapGroup("/citizens/{citizenId:guid}/logs/{logId:guid}/attachments").WithTags("Attachments");
        attachments.MapGet("", List).Produces<AttachmentListDto>();
        attachments.MapPost("", Add)
            .WithMetadata(new RequestSizeLimitAttribute(AttachmentLimits.MaxRequestBytes))
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // Described here rather than with Accepts(), which would answer other content types with a bare 415 before the handler.
                operation.RequestBody = MultipartFileBody();
                return Task.CompletedTask;
            })
            .Produces<AttachmentDto>(201).ProducesProblem(413).ProducesProblem(415);
        attachments.MapGet("/{attachmentId:guid}", Download).Produces(200, contentType: "application/octet-stream");
        attachments.MapDelete("/{attachmentId:guid}", Delete).Produces(204);
    }

    private static async Task<IResult> List(Guid citizenId, Guid logId, HttpContext http, CitizenGate gate, AttachmentStore store, Problems problems)
    {
        var access = await gate.OpenAsync(Actor.From(http.User)!, citizenId, "attachments.list", http.RequestAborted);
        var items = access is null ? null : await store.ListAsync(access, logId, http.RequestAborted);
        if (items is null) return problems.NotFound();
        return TypedResults.Ok(new AttachmentListDto(items.Select(a => a.ToDto()).ToList(), null));
    }

    private static async Task<IResult> Add(Guid citizenId, Guid logId, HttpContext http, CitizenGate gate, AttachmentStore store,
        Problems problems, IStringLocalizer<Texts> t)
    {
        var ct = http.RequestAborted;
        // Refused before a byte of the body is read (a client sending Expect: 100-continue never sends it).
        if (http.Request.ContentLength > AttachmentLimits.MaxRequestBytes) return Problem(t, 413, "Api.Problem.AttachmentTooLarge");

        var access = await gate.OpenAsync(Actor.From(http.User)!, citizenId, "attachment.write", ct);
        if (access is null) return problems.NotFound();
        var state = await store.StateAsync(access, logId, ct);
        if (state == LogState.NotFound) return problems.NotFound();
        if (!access.CanWrite) return problems.Forbidden();
        if (state == LogState.Closed) return problems.ClosedLog();
        if (state == LogState.Full) return Problem(t, 409, "Api.Problem.AttachmentLimit");

        await using var upload = await UploadedFile.ReadMultipartAsync(http.Request, "file", ct);
        switch (upload.Problem)
        {
            case UploadProblem.TooLarge: return Problem(t, 413, "Api.Problem.AttachmentTooLarge");
            case UploadProblem.NotMultipart: return Problem(t, 415, "Api.Problem.AttachmentNotMultipart");
            case UploadProblem.Malformed: return problems.BadRequest("Api.Problem.AttachmentMalformed");
            case UploadProblem.Missing: return problems.Validation([new FieldError("file", "Attachments.Error.Missing")]);
        }

        var result = await store.AddAsync(access, logId, upload, ct);
        return result.Outcome switch
        {
            AddOutcome.Added => Created(result.Attachment!),
            AddOutcome.NotFound => problems.NotFound(),
            AddOutcome.ReadOnly => problems.Forbidden(),
            AddOutcome.Closed => problems.ClosedLog(),
            AddOutcome.Full => Problem(t, 409, "Api.Problem.AttachmentLimit"),
            AddOutcome.Empty => problems.Validation([new FieldError("file", "Attachments.Error.Empty")]),
            _ => Problem(t, 415, "Api.Problem.AttachmentType"),
        };

        IResult Created(Attachment a) =>
            TypedResults.Created($"/api/v1/citizens/{citizenId}/logs/{logId}/attachments/{a.Id}", a.ToDto());
    }

    private static async Task<IResult> Download(Guid citizenId, Guid logId, Guid attachmentId, HttpContext http, CitizenGate gate,
        AttachmentStore store, Problems problems)
    {
        var ct = http.RequestAborted;
        var access = await gate.OpenAsync(Actor.From(http.User)!, citizenId, "attachment.download", ct);
        var attachment = access is null ? null : await store.GetAsync(access, logId, attachmentId, ct);
        var content = attachment is null ? null : await store.OpenAsync(attachment, ct);
        if (content is null) return problems.NotFound();
        DownloadHeaders.Apply(http.Response, attachment!);
        return TypedResults.Stream(content, attachment!.ContentType);
    }

    private static async Task<IResult> Delete(Guid citizenId, Guid logId, Guid attachmentId, HttpContext http, CitizenGate gate,
        AttachmentStore store, Problems problems)
    {
        var ct = http.RequestAborted;
        var access = await gate.OpenAsync(Actor.From(http.User)!, citizenId, "attachment.write", ct);
        if (access is null) return problems.NotFound();
        if (!access.CanWrite) return await store.GetAsync(access, logId, attachmentId, ct) is null ? problems.NotFound() : problems.Forbidden();
        return await store.RemoveAsync(access, logId, attachmentId, ct) switch
        {
            RemoveOutcome.Removed => TypedResults.NoContent(),
            RemoveOutcome.Closed => problems.ClosedLog(),
            _ => problems.NotFound(),
        };
    }

    private static OpenApiRequestBody MultipartFileBody() => new()
    {
        Required = true,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["multipart/form-data"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "file" },
                    Properties = new Dictionary<string, IOpenApiSchema> { ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                },
            },
        },
    };

    /// <summary>A problem with a title (and a detail, when there is one) from the texts, like <see cref="Problems"/> makes them.</summary>
    private static ProblemHttpResult Problem(IStringLocalizer<Texts> t, int status, string key)
    {
        var detail = t[key + ".Detail"];
        return TypedResults.Problem(statusCode: status, title: t[key].Value, detail: detail.ResourceNotFound ? null : detail.Value);
    }
}
