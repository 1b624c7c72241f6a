using System.Net;
using System.Net.Http.Headers;
using Joblog.Core.Logs;
using Microsoft.Extensions.Options;

namespace Joblog.Web.Features.JobAds;

/// <summary>Why a page could not be read; each has its own message (<c>JobAds.Error.*</c>).</summary>
public enum FetchFailure { RefusedAddress, TooManyRedirects, Timeout, NotHtml, HttpStatus, Unreachable, NothingFound }

/// <summary>A fetched page: at most <see cref="JobAdFetchOptions.MaxBytes"/> of its body, and its final address.</summary>
public sealed record FetchedPage(Uri Address, byte[] Body, string? Charset);

public sealed record FetchResult(FetchedPage? Page, FetchFailure? Failure);

/// <summary>
/// The outbound boundary of "log from a link": fetches one web page, following at most
/// <see cref="JobAdFetchOptions.MaxRedirects"/> redirects itself (each hop checked again by the
/// connection guard), within one time limit, reading no more than the size cap, http and https only.
/// </summary>
public sealed class JobAdFetcher(IHttpClientFactory clients, IOptions<JobAdFetchOptions> options, ILogger<JobAdFetcher> log)
{
    private static readonly HashSet<HttpStatusCode> Redirects =
    [
        HttpStatusCode.MovedPermanently, HttpStatusCode.Found, HttpStatusCode.SeeOther,
        HttpStatusCode.TemporaryRedirect, HttpStatusCode.PermanentRedirect,
    ];

    /// <summary>An absolute http or https address that a log can keep, or null.</summary>
    public static Uri? WebAddress(string? text) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0
            && uri.AbsoluteUri.Length <= LogRules.UrlMax ? uri : null;

    public async Task<FetchResult> FetchAsync(Uri address, CancellationToken ct)
    {
        var settings = options.Value;
        using var time = CancellationTokenSource.CreateLinkedTokenSource(ct);
        time.CancelAfter(settings.Timeout);
        var client = clients.CreateClient(JobAdFetchSetup.ClientName);
        try
        {
            for (var hop = 0; ; hop++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, address);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, time.Token);
                if (Redirects.Contains(response.StatusCode) && response.Headers.Location is { } location)
                {
                    if (hop == settings.MaxRedirects) return new(null, FetchFailure.TooManyRedirects);
                    var next = WebAddress(new Uri(address, location).AbsoluteUri);
                    if (next is null) return new(null, FetchFailure.Unreachable);
                    address = next;
                    continue;
                }
                if (!response.IsSuccessStatusCode) return new(null, FetchFailure.HttpStatus);
                if (!IsHtml(response.Content.Headers.ContentType)) return new(null, FetchFailure.NotHtml);
                var body = await ReadCappedAsync(response.Content, settings.MaxBytes, time.Token);
                return new(new FetchedPage(address, body, response.Content.Headers.ContentType?.CharSet), null);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new(null, FetchFailure.Timeout);
        }
        catch (HttpRequestException e) when (e.InnerException is RefusedAddressException)
        {
            log.LogInformation("Job-ad reader refused a non-public address for host {Host}", address.Host);
            return new(null, FetchFailure.RefusedAddress);
        }
        catch (HttpRequestException e)
        {
            log.LogInformation("Job-ad reader could not reach {Host}: {Error}", address.Host, e.HttpRequestError);
            return new(null, FetchFailure.Unreachable);
        }
    }

    private static bool IsHtml(MediaTypeHeaderValue? type) =>
        type?.MediaType is null or "text/html" or "application/xhtml+xml";

    /// <summary>Reads up to <paramref name="max"/> bytes and stops; the connection is then closed, not drained.</summary>
    private static async Task<byte[]> ReadCappedAsync(HttpContent content, int max, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct);
        var buffer = new byte[Math.Min(max, 81920)];
        using var body = new MemoryStream();
        while (body.Length < max)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, max - body.Length)), ct);
            if (read == 0) break;
            body.Write(buffer, 0, read);
        }
        return body.ToArray();
    }
}
