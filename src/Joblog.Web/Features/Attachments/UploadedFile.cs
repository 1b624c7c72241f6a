using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Joblog.Web.Features.Attachments;

public enum UploadProblem { None, NotMultipart, Missing, TooLarge, Malformed }

/// <summary>
/// An uploaded file, held in a temporary file that disappears when this is disposed. Its bytes are
/// inspected (<see cref="FileKind.Detect"/>) before any of them reach the file store.
/// </summary>
public sealed class UploadedFile : IAsyncDisposable
{
    private UploadedFile(UploadProblem problem, string? fileName = null, Stream? content = null)
    {
        Problem = problem;
        FileName = fileName;
        Content = content;
    }

    public UploadProblem Problem { get; }

    /// <summary>The name as the client sent it; clean it with <see cref="FileNames.Clean"/> before use.</summary>
    public string? FileName { get; }

    /// <summary>Seekable; null when there is a <see cref="Problem"/>.</summary>
    public Stream? Content { get; }

    public static UploadedFile Failed(UploadProblem problem) => new(problem);

    /// <summary>
    /// Copies <paramref name="source"/> into a temporary file, stopping as soon as it passes
    /// <see cref="AttachmentLimits.MaxFileBytes"/> (then <see cref="UploadProblem.TooLarge"/>).
    /// </summary>
    public static async Task<UploadedFile> BufferAsync(Stream source, string? fileName, CancellationToken ct)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Options = FileOptions.DeleteOnClose | FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var temp = new FileStream(Path.Combine(Path.GetTempPath(), $"joblog-upload-{Guid.NewGuid():N}.tmp"), options);
        try
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await source.ReadAsync(buffer, ct)) > 0)
            {
                if (temp.Length + read > AttachmentLimits.MaxFileBytes)
                {
                    await temp.DisposeAsync();
                    return Failed(UploadProblem.TooLarge);
                }
                await temp.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            temp.Position = 0;
            return new UploadedFile(UploadProblem.None, fileName, temp);
        }
        catch
        {
            await temp.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Streams a multipart/form-data body and buffers the file in <paramref name="field"/>; other parts
    /// are skipped. The whole body is cut off at <see cref="AttachmentLimits.MaxRequestBytes"/>, whether
    /// or not the client sent a Content-Length, so a chunked body cannot be made endless.
    /// </summary>
    public static async Task<UploadedFile> ReadMultipartAsync(HttpRequest request, string field, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) ||
            !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return Failed(UploadProblem.NotMultipart);
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 70) return Failed(UploadProblem.NotMultipart);

        await using var body = new CappedStream(request.Body, AttachmentLimits.MaxRequestBytes);
        var reader = new MultipartReader(boundary, body);
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) ||
                    !disposition.IsFileDisposition() || disposition.Name.Value != field)
                    continue; // the reader skips what this part has not read
                var name = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                return await BufferAsync(section.Body, name, ct);
            }
            return Failed(UploadProblem.Missing);
        }
        catch (CappedStream.LimitExceededException)
        {
            return Failed(UploadProblem.TooLarge);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Failed(UploadProblem.TooLarge);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return Failed(UploadProblem.Malformed); // e.g. a body that ends before its closing boundary
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Content is not null) await Content.DisposeAsync();
    }
}
