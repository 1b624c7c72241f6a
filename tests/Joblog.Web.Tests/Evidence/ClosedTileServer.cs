using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace Joblog.Web.Tests.Evidence;

/// <summary>
/// No test fetches map tiles from the internet: before any app starts, <c>Joblog:Map:TileUrl</c> is pointed at a local
/// port nothing listens on (taken from the OS, then closed), so the map page is always tried with its tiles unreachable.
/// </summary>
internal static class ClosedTileServer
{
    public static readonly int Port = FreePort();

    public static string TileUrl => $"http://127.0.0.1:{Port}/{{z}}/{{x}}/{{y}}.png";

    [ModuleInitializer]
    internal static void PointTheMapAtIt() => Environment.SetEnvironmentVariable("Joblog__Map__TileUrl", TileUrl);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
