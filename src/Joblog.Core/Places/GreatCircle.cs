namespace Joblog.Core.Places;

/// <summary>Distances on the earth's surface, for "how far from home". SQL has the same formula: <c>distance_km</c> (migration 0008).</summary>
public static class GreatCircle
{
    public const double EarthRadiusKm = 6371.0;

    /// <summary>Haversine distance in kilometres between two WGS84 coordinates.</summary>
    public static double Km(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double degrees) => degrees * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var h = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
