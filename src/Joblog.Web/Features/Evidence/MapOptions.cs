namespace Joblog.Web.Features.Evidence;

/// <summary>
/// <c>Joblog:Map</c>: where the map's tiles come from. The default is OpenStreetMap's tile server; an operator can
/// point it at their own (e.g. Dataforsyningen's) with <c>Joblog__Map__TileUrl</c> and <c>Joblog__Map__Attribution</c>.
/// The tile server's origin is the only host the CSP lets images come from besides the app itself.
/// </summary>
public sealed class MapOptions
{
    public const string Section = "Joblog:Map";

    /// <summary>A Leaflet URL template: {z}/{x}/{y}, optionally {s} for subdomains.</summary>
    public string TileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    /// <summary>Shown in the map's corner (HTML, from configuration: trusted).</summary>
    public string Attribution { get; set; } = "© <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a>";

    public static MapOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<MapOptions>() ?? new MapOptions();

    /// <summary>
    /// The CSP source of the tiles: scheme, host and port of <see cref="TileUrl"/> ({s} becomes a wildcard subdomain);
    /// null when the template is not an absolute http(s) URL or has placeholders in its host.
    /// </summary>
    public string? TileSource
    {
        get
        {
            var subdomains = TileUrl.Contains("{s}.", StringComparison.Ordinal);
            var probe = TileUrl.Replace("{s}.", "a.", StringComparison.Ordinal);
            if (!Uri.TryCreate(probe, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")) return null;
            if (uri.Host.Contains('{', StringComparison.Ordinal) || uri.Host.Contains('%', StringComparison.Ordinal)) return null;
            var host = subdomains ? "*." + uri.Host[(uri.Host.IndexOf('.', StringComparison.Ordinal) + 1)..] : uri.Host;
            return uri.IsDefaultPort ? $"{uri.Scheme}://{host}" : $"{uri.Scheme}://{host}:{uri.Port}";
        }
    }

    /// <summary>The tile server's host, as the page names it ("tile.openstreetmap.org").</summary>
    public string TileHost => TileSource is { } s ? s[(s.IndexOf("//", StringComparison.Ordinal) + 2)..] : TileUrl;
}
