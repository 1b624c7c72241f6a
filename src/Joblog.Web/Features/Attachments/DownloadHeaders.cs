using Microsoft.Net.Http.Headers;

namespace Joblog.Web.Features.Attachments;

/// <summary>
/// The headers of a download, the same from the API and the page: always a download (never shown
/// inline), the type decided from the bytes, no sniffing, not kept in any cache.
/// </summary>
public static class DownloadHeaders
{
    public static void Apply(HttpResponse response, Attachment attachment)
    {
        var disposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = FileNames.AsciiFallback(attachment.FileName),
            FileNameStar = attachment.FileName,
        };
        var headers = response.Headers;
        headers.ContentDisposition = disposition.ToString();
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "private, no-store";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        response.ContentType = attachment.ContentType;
        response.ContentLength = attachment.Size;
    }
}
