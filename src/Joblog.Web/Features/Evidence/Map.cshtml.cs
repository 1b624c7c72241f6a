using System.Globalization;
using System.Text.Json;
using Joblog.Core.Logs;
using Joblog.Web.Access;
using Joblog.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Joblog.Web.Features.Evidence;

/// <summary>
/// Vis på kort: the logs with a workplace position, as a table (always; the page's content without JavaScript or tiles)
/// and as markers on a Leaflet map (wwwroot/js/map.js reads them from a JSON block in the page).
/// </summary>
public sealed class MapModel(CitizenGate gate, EvidenceQuery query, IConfiguration configuration) : CitizenPageModel(gate)
{
    [BindProperty(SupportsGet = true)] public bool Afsluttede { get; set; }

    public EvidenceSubject Subject { get; private set; } = null!;
    public IReadOnlyList<PlacedLog> Placed { get; private set; } = [];
    public int Unplaced { get; private set; }
    public MapOptions Options { get; } = MapOptions.From(configuration);

    public async Task<IActionResult> OnGetAsync()
    {
        var access = await OpenCitizenAsync("joblog.map");
        if (access is null) return NotFound();
        Subject = await query.SubjectAsync(access, HttpContext.RequestAborted);
        var logs = (await query.LogsAsync(access, Subject.Home, HttpContext.RequestAborted))
            .Where(l => l.Log.Content.Kind == LogKind.JobSearch && (Afsluttede || !l.Log.Content.Closed))
            .ToList();
        Placed = logs.Where(l => l.Workplace is not null)
            .OrderBy(l => l.DistanceKm ?? double.MaxValue).ThenBy(l => l.Workplace!.PostalCode, StringComparer.Ordinal)
            .ThenByDescending(l => l.Log.UpdatedAt).ToList();
        Unplaced = logs.Count - Placed.Count;
        return Page();
    }

    public static string Km(double? km) => km is { } d ? d.ToString("0.0", CultureInfo.CurrentCulture) : "";

    /// <summary>The markers for map.js: one per place, listing its logs. Serialized with the default encoder, so &lt; &gt; &amp; ' are escaped.</summary>
    public string MarkerJson(string homeLabel) => JsonSerializer.Serialize(new
    {
        tileUrl = Options.TileUrl,
        attribution = Options.Attribution,
        home = Subject.Home is { } h ? new { lat = h.Lat, lon = h.Lon, label = $"{homeLabel}: {h.Label}" } : null,
        places = Placed.GroupBy(l => l.Workplace!.PostalCode).Select(g => new
        {
            lat = g.First().Workplace!.Lat,
            lon = g.First().Workplace!.Lon,
            label = g.First().Workplace!.Label + (g.First().DistanceKm is { } d ? $" ({Km(d)} km)" : ""),
            logs = g.Select(l => new { title = l.Log.Content.JobTitle, employer = l.Log.Content.EmployerName, url = $"/joblog/{l.Log.Id}" }),
        }),
    });
}
