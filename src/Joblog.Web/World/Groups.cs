namespace Joblog.Web.World;

/// <summary>The target groups (målgrupper) of the shipped reference data; <see cref="Groups.Code"/> is the database code.</summary>
public enum Group : byte { Dagpenge, Dimittend, Jobready, Educationready, Ledighedsydelse, Sickness, Resource, Flexjob, Other }

/// <summary>An age band (age in whole years) and its weight.</summary>
public readonly record struct AgeBand(int From, int To, double Weight);

/// <summary>
/// How a target group behaves in the generated world. Every figure is documented, with its source or assumption, in
/// World/README.md; change them there and here together.
/// </summary>
/// <param name="ShareToday">Share of all citizens whose open period today is in this group.</param>
/// <param name="Propensity">Share of periods in which the citizen logs at all (seed 002: dagpenge 89 %, job-ready 68 %, education-ready 34 %).</param>
/// <param name="WeeklyRate">Logs per week of a citizen who logs, before the world is scaled to the requested number of logs.</param>
/// <param name="MeanDays">Mean length of a period in days (exponential, clipped to [MinDays, MaxDays]).</param>
/// <param name="MaxStartAge">Oldest age at which a period of this group can start (dimittend and education-ready: under 30).</param>
/// <param name="AgesToday">The ages today of citizens whose open period is in this group.</param>
/// <param name="EarlierChance">Chance that a period of this group had an earlier period (before a gap, or right before it).</param>
/// <param name="Earlier">The groups of earlier periods of a citizen whose latest period is in this group.</param>
public sealed record GroupProfile(
    Group Group, double ShareToday, bool Duty, double Propensity, double WeeklyRate, int MeanDays, int MinDays, int MaxDays,
    int MinStartAge, int MaxStartAge, double ExemptionChance, AgeBand[] AgesToday, double EarlierChance,
    (Group Group, double Weight)[] Earlier);

public static class Groups
{
    /// <summary>Share of citizens with no open period today: their last period ended when they found work.</summary>
    public const double LeftForWorkShare = 0.10;

    /// <summary>Logs per week of a citizen who logs while exempt (the duty is lifted, some keep logging).</summary>
    public const double ExemptWeeklyRate = 0.3;

    private static readonly AgeBand[] WorkingAge = [new(18, 29, 22), new(30, 39, 22), new(40, 49, 21), new(50, 59, 24), new(60, 66, 11)];
    private static readonly AgeBand[] Older = [new(30, 39, 15), new(40, 49, 30), new(50, 59, 40), new(60, 66, 15)];

    public static readonly GroupProfile[] All =
    [
        new(Group.Dagpenge, 0.33, true, 0.89, 2.0, 180, 14, 730, 18, 66, 0.005,
            [new(22, 29, 20), new(30, 39, 22), new(40, 49, 20), new(50, 59, 25), new(60, 66, 13)],
            0.8, [(Group.Dagpenge, 55), (Group.Sickness, 20), (Group.Dimittend, 10), (Group.Jobready, 5), (Group.Other, 10)]),
        new(Group.Dimittend, 0.05, true, 0.85, 2.0, 150, 14, 730, 20, 29, 0.002,
            [new(21, 24, 40), new(25, 29, 60)],
            0.15, [(Group.Jobready, 40), (Group.Sickness, 30), (Group.Other, 30)]),
        new(Group.Jobready, 0.19, true, 0.68, 1.2, 500, 30, 2500, 18, 66, 0.06,
            [new(18, 24, 10), new(25, 29, 15), new(30, 39, 25), new(40, 49, 22), new(50, 59, 20), new(60, 66, 8)],
            0.85, [(Group.Jobready, 50), (Group.Educationready, 15), (Group.Sickness, 15), (Group.Dagpenge, 10), (Group.Other, 10)]),
        new(Group.Educationready, 0.075, true, 0.34, 0.8, 250, 30, 1500, 18, 29, 0.02,
            [new(18, 21, 45), new(22, 25, 35), new(26, 29, 20)],
            0.6, [(Group.Educationready, 70), (Group.Jobready, 20), (Group.Sickness, 10)]),
        new(Group.Ledighedsydelse, 0.065, true, 0.60, 1.3, 300, 30, 1800, 25, 66, 0.20, Older,
            0.8, [(Group.Ledighedsydelse, 40), (Group.Flexjob, 30), (Group.Sickness, 20), (Group.Resource, 10)]),
        new(Group.Sickness, 0.14, false, 0.05, 0.5, 100, 14, 365, 18, 66, 0, WorkingAge,
            0.7, [(Group.Dagpenge, 40), (Group.Sickness, 30), (Group.Jobready, 15), (Group.Other, 15)]),
        new(Group.Resource, 0.02, false, 0.08, 0.5, 600, 180, 1825, 25, 66, 0, Older,
            0.8, [(Group.Jobready, 40), (Group.Sickness, 40), (Group.Resource, 20)]),
        new(Group.Flexjob, 0.02, false, 0.05, 0.5, 700, 90, 2500, 25, 66, 0, Older,
            0.8, [(Group.Ledighedsydelse, 50), (Group.Sickness, 30), (Group.Resource, 20)]),
        new(Group.Other, 0.01, false, 0.05, 0.5, 120, 14, 730, 18, 66, 0, WorkingAge,
            0.6, [(Group.Dagpenge, 30), (Group.Jobready, 30), (Group.Sickness, 20), (Group.Other, 20)]),
    ];

    /// <summary>The group of the last period of a citizen who has left for work (no open period today).</summary>
    public static readonly (Group Group, double Weight)[] LastBeforeWork =
        [(Group.Dagpenge, 60), (Group.Jobready, 15), (Group.Dimittend, 10), (Group.Sickness, 15)];

    public static GroupProfile Of(Group group) => All[(int)group];

    public static string Code(Group group) => group.ToString().ToLowerInvariant();

    /// <summary>Groups whose members an a-kasse follows (dagpenge, dimittend): members use the a-kasse's joblog too.</summary>
    public static bool Insured(Group group) => group is Group.Dagpenge or Group.Dimittend;
}
