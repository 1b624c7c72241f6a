namespace Joblog.Web.World;

/// <summary>
/// A citizen's target-group periods over the world's years, built backwards from today: the open period (or the
/// last one, for someone who left for work), then, by chance, an earlier period before a gap (employment, education)
/// or right before it, until the window starts. Periods never overlap; none starts before the window or before the
/// group's minimum age.
/// </summary>
internal static class PeriodHistory
{
    /// <summary>Chance that an earlier period of another group ends the day before the next begins (e.g. sick while on dagpenge).</summary>
    private const double AdjacentChance = 0.25;

    /// <summary>Mean gap (days) between periods: work or education in between.</summary>
    private const double MeanGapDays = 250;

    /// <summary>Mean days since the last period ended, for those who left for work.</summary>
    private const double MeanDaysSinceWork = 120;

    public static List<(Group Group, DateOnly Starts, DateOnly? Ends)> Build(
        ref Rng rng, Group? open, DateOnly birth, DateOnly firstDay, DateOnly today)
    {
        var periods = new List<(Group, DateOnly, DateOnly?)>();
        var yesterday = today.AddDays(-1);
        var end = open is null ? today.AddDays(-Clip(1 + rng.Exponential(MeanDaysSinceWork), 1, 700)) : yesterday;
        if ((open ?? AllowedAt(Pick(Groups.LastBeforeWork, ref rng), Age(birth, end))) is not { } group) return periods;
        var isOpen = open is not null;
        while (true)
        {
            var profile = Groups.Of(group);
            var start = end.AddDays(1 - Clip(rng.Exponential(profile.MeanDays), profile.MinDays, profile.MaxDays));
            var earliest = Max(firstDay, birth.AddYears(profile.MinStartAge));
            if (start < earliest) start = earliest;
            if (start > end) break;
            periods.Add((group, start, isOpen ? null : end));
            isOpen = false;
            if (start == firstDay || !rng.Chance(profile.EarlierChance)) break;

            var earlier = Pick(profile.Earlier, ref rng);
            var gap = earlier != group && rng.Chance(AdjacentChance) ? 0 : 14 + (int)rng.Exponential(MeanGapDays);
            end = start.AddDays(-1 - gap);
            if (end < firstDay) break;
            if (AllowedAt(earlier, Age(birth, end)) is not { } allowed) break;
            group = allowed;
        }
        periods.Reverse();
        return periods;
    }

    /// <summary>The group, or the one a person of that age would be in instead; null when too young for any.</summary>
    public static Group? AllowedAt(Group group, int age)
    {
        var profile = Groups.Of(group);
        if (age > profile.MaxStartAge) return group == Group.Dimittend ? Group.Dagpenge : Group.Jobready;
        if (age >= profile.MinStartAge) return group;
        return age >= 18 ? Group.Jobready : null;
    }

    public static int Age(DateOnly birth, DateOnly on)
    {
        var age = on.Year - birth.Year;
        return birth.AddYears(age) > on ? age - 1 : age;
    }

    public static Group Pick((Group Group, double Weight)[] choices, ref Rng rng)
    {
        var x = rng.NextDouble() * choices.Sum(c => c.Weight);
        foreach (var (group, weight) in choices)
        {
            if (x < weight) return group;
            x -= weight;
        }
        return choices[^1].Group;
    }

    public static int Clip(double days, int min, int max) => (int)Math.Clamp(Math.Round(days), min, max);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
