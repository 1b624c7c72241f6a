namespace Joblog.Web.World;

/// <summary>
/// A generated world: its citizens in memory (a few hundred bytes each) and the scale that turns their logging
/// rates into the requested number of logs. The logs themselves are never held: <see cref="LogGenerator"/> streams them.
/// </summary>
public sealed class GeneratedWorld
{
    private GeneratedWorld(WorldSpec spec, WorldReference reference, Geo geo, Occupations occupations, WorldCitizen[] citizens, double scale)
    {
        (Spec, Reference, Geo, Occupations, Citizens, Scale) = (spec, reference, geo, occupations, citizens, scale);
    }

    public WorldSpec Spec { get; }
    public WorldReference Reference { get; }
    public Geo Geo { get; }
    public Occupations Occupations { get; }
    public IReadOnlyList<WorldCitizen> Citizens { get; }

    /// <summary>Multiplies every segment's rate so that the expected number of logs is the spec's target.</summary>
    public double Scale { get; }

    /// <summary>Days from the first day of the window up to (not including) today.</summary>
    public int Days => Spec.Today.DayNumber - Spec.FirstDay.DayNumber;

    public static GeneratedWorld Generate(WorldSpec spec, WorldReference reference)
    {
        spec.Validate();
        var geo = new Geo(reference);
        var occupations = new Occupations(reference);
        var citizens = new CitizenGenerator(spec, reference, geo, occupations).Generate();
        var unscaled = citizens.Sum(c => c.Segments.Sum(s => s.Days * s.RatePerDay));
        return new GeneratedWorld(spec, reference, geo, occupations, citizens, unscaled > 0 ? spec.LogTarget / unscaled : 0);
    }
}
