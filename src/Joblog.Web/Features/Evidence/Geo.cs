using Joblog.Core.Places;

namespace Joblog.Web.Features.Evidence;

/// <summary>Distances between places (see <see cref="GreatCircle"/>).</summary>
public static class Geo
{
    public static double DistanceKm(Place a, Place b) => GreatCircle.Km(a.Lat, a.Lon, b.Lat, b.Lon);

    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2) => GreatCircle.Km(lat1, lon1, lat2, lon2);
}
