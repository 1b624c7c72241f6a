using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Joblog.Web.Features.JobAds;

/// <summary>Settings of the job-ad reader (<c>Joblog:JobAdFetch:*</c>). The defaults are the production values.</summary>
public sealed class JobAdFetchOptions
{
    public const string Section = "Joblog:JobAdFetch";

    /// <summary>Lets the reader connect to loopback and private addresses. Only tests set it (their fixture pages run on 127.0.0.1).</summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>For the whole read: every redirect, the connection and the body.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Only this much of a page is read; the rest is never downloaded.</summary>
    public int MaxBytes { get; set; } = 2 * 1024 * 1024;

    public int MaxRedirects { get; set; } = 3;
}

/// <summary>Raised inside the connection callback when a host resolves to an address the reader must not reach.</summary>
public sealed class RefusedAddressException(string host) : Exception($"The host {host} resolves to an address that is not public");

/// <summary>Registers the named <see cref="HttpClient"/> of the job-ad reader: no automatic redirects, no proxy, no cookies, guarded connections.</summary>
public static class JobAdFetchSetup
{
    public const string ClientName = "job-ads";

    public static IServiceCollection AddJobAdReading(this IServiceCollection services)
    {
        services.AddOptions<JobAdFetchOptions>().BindConfiguration(JobAdFetchOptions.Section);
        services.AddHttpClient(ClientName, client =>
            {
                client.Timeout = System.Threading.Timeout.InfiniteTimeSpan; // the reader's own token covers the whole read
                client.DefaultRequestHeaders.UserAgent.ParseAdd("Joblog/1.0 (job-ad reader)");
                client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml;q=0.9,*/*;q=0.1");
                client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("da,en;q=0.5");
            })
            .ConfigurePrimaryHttpMessageHandler(services => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,     // a proxy would be the address we check, not the page's
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.All,
                MaxResponseHeadersLength = 64,
                MaxResponseDrainSize = 0, // a page cut at the size cap: close the connection, do not read on
                ConnectTimeout = TimeSpan.FromSeconds(5),
                PooledConnectionLifetime = TimeSpan.FromMinutes(1),
                ConnectCallback = GuardedConnect(services.GetRequiredService<IOptions<JobAdFetchOptions>>()),
            });
        services.AddSingleton<JobAdFetcher>();
        services.AddSingleton<JobAdReader>();
        return services;
    }

    /// <summary>
    /// Resolves the host, refuses it if any of its addresses is not public (unless allowed), and connects
    /// to exactly the addresses checked — so a second DNS answer (rebinding) cannot swap in another.
    /// </summary>
    private static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> GuardedConnect(IOptions<JobAdFetchOptions> options) =>
        async (context, ct) =>
        {
            var host = context.DnsEndPoint.Host.Trim('[', ']');
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
            if (addresses.Length == 0 || (!options.Value.AllowPrivateAddresses && !addresses.All(AddressGuard.IsPublic)))
                throw new RefusedAddressException(host);
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
}
