namespace Joblog.Web.Features.Evidence;

/// <summary>Distances on the earth's surface (great circle), for "how far from home".</summary>
public static class Geo
{
    private const double EarthRadiusKm = 6371.0;

    public static double DistanceKm(Place a, Place b) => DistanceKm(a.Lat, a.Lon, b.Lat, b.Lon);

    /// <summary>Haversine distance in kilometres between two WGS84 coordinates.</summary>
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double degrees) => degrees * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var h = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
