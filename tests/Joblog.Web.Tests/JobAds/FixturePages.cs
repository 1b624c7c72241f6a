using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace Joblog.Web.Tests.JobAds;

/// <summary>
/// A small web server on 127.0.0.1 with job-ad pages of every kind the reader meets: schema.org
/// JobPosting in JSON-LD and in microdata, Open Graph only, a bare title, nothing, redirect chains, a
/// huge page, a slow page, a PDF, a 404, a Latin-1 page. Use as a class fixture.
/// </summary>
public sealed class FixturePages : IAsyncLifetime
{
    /// <summary>Padding before the hidden JSON-LD of /huge: more than the reader's 2 MB.</summary>
    public const int HugePadding = 3 * 1024 * 1024;

    private readonly HttpListener listener = new();
    private readonly CancellationTokenSource stopping = new();
    private Task? loop;

    public Uri BaseAddress { get; private set; } = null!;

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    public ValueTask InitializeAsync()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        listener.Prefixes.Add(BaseAddress.ToString());
        listener.Start();
        loop = Task.Run(AcceptAsync);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        if (loop is not null) await loop;
        listener.Close();
        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                continue;
            }
            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var path = context.Request.Url!.AbsolutePath;
            if (path.StartsWith("/redirect/", StringComparison.Ordinal))
            {
                var left = int.Parse(path["/redirect/".Length..], CultureInfo.InvariantCulture);
                if (left == 0) await HtmlAsync(response, JsonLdPage);
                else Redirect(response, $"/redirect/{left - 1}");
                return;
            }
            switch (path)
            {
                case "/jsonld": await HtmlAsync(response, JsonLdPage); break;
                case "/microdata": await HtmlAsync(response, MicrodataPage); break;
                case "/og": await HtmlAsync(response, OpenGraphPage); break;
                case "/title": await HtmlAsync(response, "<!doctype html><html><head><title>Butiksassistent i Ry</title></head><body><p>Se mere i butikken.</p></body></html>"); break;
                case "/empty": await HtmlAsync(response, "<!doctype html><html><head></head><body><p>Her er ingen annonce.</p></body></html>"); break;
                case "/relative-redirect": Redirect(response, "jsonld"); break;
                case "/to-file": Redirect(response, "file:///etc/passwd"); break;
                case "/huge": await HugeAsync(response); break;
                case "/slow": await Task.Delay(TimeSpan.FromSeconds(30), stopping.Token); await HtmlAsync(response, JsonLdPage); break;
                case "/pdf": await BytesAsync(response, "application/pdf", "%PDF-1.4 not really"u8.ToArray()); break;
                case "/latin1": await BytesAsync(response, "text/html; charset=iso-8859-1", Encoding.Latin1.GetBytes(Latin1Page)); break;
                default: response.StatusCode = 404; await HtmlAsync(response, "<title>Siden findes ikke</title>", 404); break;
            }
        }
        catch (Exception) when (stopping.IsCancellationRequested)
        {
            // shutting down
        }
        catch (HttpListenerException)
        {
            // the reader hung up (a huge page it stopped reading, a timeout): expected
        }
        catch (IOException)
        {
            // likewise
        }
        finally
        {
            try { response.Close(); } catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException) { }
        }
    }

    private static void Redirect(HttpListenerResponse response, string location)
    {
        response.StatusCode = 302;
        response.RedirectLocation = location;
    }

    private static Task HtmlAsync(HttpListenerResponse response, string html, int status = 200) =>
        BytesAsync(response, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html), status);

    private static async Task BytesAsync(HttpListenerResponse response, string contentType, byte[] body, int status = 200)
    {
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body);
    }

    /// <summary>A title at the top, 3 MB of text, then a JSON-LD JobPosting the reader must never see.</summary>
    private static async Task HugeAsync(HttpListenerResponse response)
    {
        var head = Encoding.UTF8.GetBytes("<!doctype html><html><head><title>Meget stor side</title></head><body>");
        var tail = Encoding.UTF8.GetBytes("""<script type="application/ld+json">{"@type":"JobPosting","title":"Skjult job"}</script></body></html>""");
        var line = Encoding.UTF8.GetBytes("<p>" + new string('x', 1020) + "</p>");
        response.ContentType = "text/html; charset=utf-8";
        response.SendChunked = true;
        await response.OutputStream.WriteAsync(head);
        for (var written = 0; written < HugePadding; written += line.Length) await response.OutputStream.WriteAsync(line);
        await response.OutputStream.WriteAsync(tail);
    }

    public const string JsonLdPage = """
        <!doctype html>
        <html lang="da">
        <head>
          <title>Kontorassistent | Jobportalen</title>
          <meta property="og:title" content="Et andet job | Jobportalen">
          <script type="application/ld+json">{ "this is": not json }</script>
          <script type="application/ld+json">
          {
            "@context": "https://schema.org",
            "@graph": [
              { "@type": "Organization", "name": "Jobportalen" },
              {
                "@type": "JobPosting",
                "title": "Kontorassistent",
                "hiringOrganization": { "@type": "Organization", "name": "Rådhusets Administration &amp; Service" },
                "jobLocation": [{ "@type": "Place", "address": { "@type": "PostalAddress", "streetAddress": "Rådhuspladsen 2",
                                  "postalCode": 8000, "addressLocality": "Aarhus C", "addressCountry": "DK" } }],
                "validThrough": "2026-12-15T23:59:00+01:00",
                "employmentType": ["FULL_TIME"],
                "description": "<p>Vi søger en kontorassistent.</p>"
              }
            ]
          }
          </script>
        </head>
        <body><h1>Kontorassistent</h1></body>
        </html>
        """;

    public const string MicrodataPage = """
        <!doctype html>
        <html lang="da">
        <head><title>Ledige job hos Installatøren</title></head>
        <body>
          <span itemprop="name">Ikke en del af annoncen</span>
          <article itemscope itemtype="https://schema.org/JobPosting">
            <h1 itemprop="title">Elektriker til service</h1>
            <div itemprop="hiringOrganization" itemscope itemtype="https://schema.org/Organization">
              <span itemprop="name">Installatøren ApS</span>
            </div>
            <div itemprop="jobLocation" itemscope itemtype="https://schema.org/Place">
              <div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">
                <span itemprop="streetAddress">Industrivej 4</span>,
                <span itemprop="postalCode">8660</span> <span itemprop="addressLocality">Skanderborg</span>
              </div>
            </div>
            <p>Ansøgningsfrist: <time itemprop="validThrough" datetime="2026-12-20">20. december</time></p>
            <p>Arbejdstid: <span itemprop="employmentType">PART_TIME</span></p>
          </article>
        </body>
        </html>
        """;

    public const string OpenGraphPage = """
        <!doctype html>
        <html lang="da">
        <head>
          <title>Fragtmanden – job</title>
          <meta property="og:title" content="Lagermedarbejder til nattehold - Fragtmanden">
          <meta property="og:site_name" content="Fragtmanden">
        </head>
        <body><p>Søg jobbet i dag.</p></body>
        </html>
        """;

    public const string Latin1Page = """
        <!doctype html>
        <html><head><title>Køkkenmedhjælper på Søhøjlandet</title></head><body></body></html>
        """;
}
