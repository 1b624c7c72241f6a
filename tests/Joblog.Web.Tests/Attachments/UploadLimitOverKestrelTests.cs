using System.Net.Sockets;
using System.Text;
using Joblog.Web.Tests.Infrastructure;
using Shouldly;

namespace Joblog.Web.Tests.Attachments;

/// <summary>On a real server (Kestrel), over a plain socket: a too-large upload is refused before its body is sent.</summary>
public sealed class UploadLimitOverKestrelTests(PostgresServer server) : IAsyncLifetime
{
    private JoblogApp? app;
    private string connectionString = "";

    public async ValueTask InitializeAsync()
    {
        connectionString = await server.CreateDemoDatabaseAsync();
        app = JoblogApp.StartOnKestrel(connectionString);
    }

    [Fact]
    public async Task a_too_large_upload_gets_413_without_the_server_asking_for_its_body()
    {
        var mette = Clients.CitizenId("mette");
        var logId = await new PostgresConnection(connectionString).ScalarAsync<Guid>(
            "select id from logs where citizen_id = @mette and not closed limit 1", new { mette });
        var address = app!.BaseAddress!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60)); // a guard against hanging, not a measurement
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port, timeout.Token);
        var stream = tcp.GetStream();

        // Headers only. With Expect: 100-continue the client waits for "100 Continue" before it sends the body;
        // a server that read the body would have to ask for it first.
        var request =
            $"POST /api/v1/citizens/{mette}/logs/{logId}/attachments HTTP/1.1\r\n" +
            $"Host: {address.Authority}\r\n" +
            "Authorization: Bearer demo-ak-01-system-key\r\n" +
            "Content-Type: multipart/form-data; boundary=graense\r\n" +
            "Content-Length: 20000000\r\n" +
            "Expect: 100-continue\r\n\r\n";
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request), timeout.Token);

        var answer = new StringBuilder();
        var buffer = new byte[4096];
        while (!answer.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0) break;
            answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        answer.ToString().ShouldStartWith("HTTP/1.1 413");
        answer.ToString().ShouldContain("application/problem+json");
    }

    public async ValueTask DisposeAsync()
    {
        if (app is null) return;
        AttachmentsFixture.RemoveFiles(app);
        await app.DisposeAsync();
    }
}
