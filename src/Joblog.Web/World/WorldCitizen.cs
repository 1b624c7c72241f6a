namespace Joblog.Web.World;

/// <summary>A generated citizen with everything written about them except their logs (those are streamed).</summary>
public sealed class WorldCitizen
{
    public required int Index { get; init; }
    public required Guid Id { get; init; }
    public required string Cpr { get; init; }
    public required string Name { get; init; }
    public required int Municipality { get; init; }
    public required int PostalCode { get; init; }
    public required string? Akasse { get; init; }
    public required DateOnly BirthDate { get; init; }
    public required DateTime CreatedAt { get; init; }

    /// <summary>Looks for graduate work (drives job goals and a-kasse).</summary>
    public required bool Graduate { get; init; }

    /// <summary>Target-group periods, oldest first, none overlapping; the last may be open.</summary>
    public required WorldPeriod[] Periods { get; init; }

    public required WorldExemption[] Exemptions { get; init; }
    public required WorldJobGoal[] Goals { get; init; }

    /// <summary>Occupations outside the job goals that the citizen also applies for now and then.</summary>
    public required string[] SideOccupations { get; init; }

    /// <summary>Stretches of days with a logging rate; together they decide how many logs the citizen has, and when.</summary>
    public required LogSegment[] Segments { get; init; }
}

public readonly record struct WorldPeriod(Guid Id, Group Group, DateOnly StartsOn, DateOnly? EndsOn, bool Logs);

public readonly record struct WorldExemption(Guid Id, DateOnly StartsOn, DateOnly? EndsOn, string Reason, string GrantedBy);

public readonly record struct WorldJobGoal(Guid Id, string OccupationCode, bool Trained, int ExperienceYears, int ExperienceMonths, int? LastWorkedYear);

/// <summary>
/// Days <paramref name="FirstDay"/>..<paramref name="LastDay"/> (inclusive, counted from the world's first day) of one
/// period, with <paramref name="RatePerDay"/> logs a day before the world is scaled to its number of logs.
/// </summary>
public readonly record struct LogSegment(int FirstDay, int LastDay, double RatePerDay, Group Group, bool Exempt)
{
    public int Days => LastDay - FirstDay + 1;
}
