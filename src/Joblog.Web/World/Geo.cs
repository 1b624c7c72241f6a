using Joblog.Core.Places;
namespace Joblog.Web.World;

/// <summary>
/// Where people live and work: a home postal code in a municipality, a workplace near home. Precomputed once per
/// world: the postal districts of each municipality and the municipalities within <see cref="NearKm"/> of each other.
/// </summary>
public sealed class Geo
{
    public const double NearKm = 30;

    /// <summary>Workplace in the home municipality / another municipality within 30 km / anywhere (by population).</summary>
    public const double SameMunicipality = 0.55, Nearby = 0.33;

    /// <summary>Weight of a postal district named after its municipality's town ("Aarhus C", "København Ø"), against 1 for the others.</summary>
    public const double MainTownWeight = 3;

    private readonly Weighted[] districtChoice;
    private readonly int[][][] districtCodes;
    private readonly Weighted?[] nearbyChoice;
    private readonly int[][] nearbyMunicipalities;
    private readonly Weighted anywhere;

    public Geo(WorldReference reference)
    {
        var municipalities = reference.Municipalities;
        districtChoice = new Weighted[municipalities.Length];
        districtCodes = new int[municipalities.Length][][];
        nearbyChoice = new Weighted?[municipalities.Length];
        nearbyMunicipalities = new int[municipalities.Length][];
        for (var m = 0; m < municipalities.Length; m++)
        {
            // A district is all numbers with one name: København K's 242 street numbers are one district, not 242.
            var districts = reference.PostalCodes.Select((p, i) => (p, i)).Where(x => x.p.Municipality == m)
                .GroupBy(x => x.p.Name, StringComparer.Ordinal).OrderBy(g => g.Min(x => x.p.Number), StringComparer.Ordinal).ToList();
            districtCodes[m] = districts.Select(d => d.Select(x => x.i).ToArray()).ToArray();
            districtChoice[m] = new Weighted(districts.Select(d =>
                d.Key.StartsWith(municipalities[m].Name, StringComparison.Ordinal) ? MainTownWeight : 1.0).ToList());

            var home = municipalities[m];
            nearbyMunicipalities[m] = Enumerable.Range(0, municipalities.Length)
                .Where(o => o != m && GreatCircle.Km(home.Lat, home.Lon, municipalities[o].Lat, municipalities[o].Lon) <= NearKm).ToArray();
            nearbyChoice[m] = nearbyMunicipalities[m].Length == 0 ? null
                : new Weighted(nearbyMunicipalities[m].Select(o => (double)Math.Max(1, municipalities[o].Population)).ToList());
        }
        anywhere = new Weighted(municipalities.Select(x => (double)Math.Max(1, x.Population)).ToList());
    }

    /// <summary>A postal code in the municipality: a district by weight, then one of its numbers.</summary>
    public int PostalCodeIn(int municipality, ref Rng rng)
    {
        var codes = districtCodes[municipality][districtChoice[municipality].Next(ref rng)];
        return codes[rng.Next(codes.Length)];
    }

    /// <summary>A workplace's postal code for someone living in <paramref name="homeMunicipality"/>.</summary>
    public int WorkplacePostalCode(int homeMunicipality, ref Rng rng)
    {
        var x = rng.NextDouble();
        var municipality = x < SameMunicipality ? homeMunicipality
            : x < SameMunicipality + Nearby && nearbyChoice[homeMunicipality] is { } near ? nearbyMunicipalities[homeMunicipality][near.Next(ref rng)]
            : anywhere.Next(ref rng);
        return PostalCodeIn(municipality, ref rng);
    }
}
