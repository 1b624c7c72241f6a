using System.Security.Cryptography;
using System.Text;

namespace Joblog.Web.Features.Demo;

public sealed record DemoOrganisation(string Id, string Kind, string Name, string? Municipality);

public sealed record DemoCitizen(string Key, string Name, string Cpr, string Municipality, string PostalCode, string? Akasse, string Description);

/// <summary>A target-group period, in days before the day the world is loaded; <c>ToDaysAgo</c> null: open.</summary>
public sealed record DemoPeriod(string Citizen, string TargetGroup, int FromDaysAgo, int? ToDaysAgo);

/// <summary>A job goal (Jeg søger job som); the last year worked is counted back from the day the world is loaded.</summary>
public sealed record DemoJobGoal(string Citizen, int Position, string OccupationCode, bool Trained, int Years, int Months, int YearsSinceWorked);

public sealed record DemoStaff(string Key, string Name, string Organisation, string Description);

/// <summary>The people and organisations of DEMO.md. Stable keys; the names are fictitious.</summary>
public static class Personas
{
    public static readonly DemoOrganisation[] Organisations =
    [
        new("jc-0751", "jobcenter", "Jobcenter Aarhus", "0751"),
        new("jc-0101", "jobcenter", "Jobcenter København", "0101"),
        new("jc-0746", "jobcenter", "Jobcenter Skanderborg", "0746"),
        new("ak-01", "akasse", "A-kassen Fællesskab", null),
        new("ak-02", "akasse", "Fagenes A-kasse", null),
        new("star", "agency", "Styrelsen for Arbejdsmarked og Rekruttering", null),
    ];

    public static readonly DemoCitizen[] Citizens =
    [
        new("mette", "Mette Demo", "610190-0001", "0751", "8210", "ak-01", "Dagpenge, Aarhus, 40+ logs"),
        new("ali", "Ali Demo", "620285-0002", "0751", "8220", null, "Jobparat kontanthjælp, Aarhus, inaktiv"),
        new("sofie", "Sofie Demo", "630392-0003", "0746", "8660", "ak-01", "Sygedagpenge (før dagpenge), Skanderborg"),
        new("jens", "Jens Demo", "640478-0004", "0101", "2400", null, "Ledighedsydelse, København, fritaget"),
        new("lars", "Lars Demo", "650588-0005", "0751", "8260", "ak-02", "Dagpenge, Aarhus"),
        new("emma", "Emma Demo", "660600-0006", "0101", "2300", "ak-01", "Dimittend, København"),
    ];

    public static readonly DemoPeriod[] Periods =
    [
        new("mette", "dagpenge", 90, null),
        new("ali", "jobready", 200, null),
        new("sofie", "dagpenge", 300, 31),
        new("sofie", "sickness", 30, null),
        new("jens", "ledighedsydelse", 120, null),
        new("lars", "dagpenge", 60, null),
        new("emma", "dimittend", 45, null),
    ];

    /// <summary>Jens is exempt from logging (LAS § 75, stk. 5) from this many days ago, open.</summary>
    public const int JensExemptFromDaysAgo = 100;

    public static readonly DemoJobGoal[] JobGoals =
    [
        new("mette", 1, "4110", Trained: true, Years: 6, Months: 3, YearsSinceWorked: 0),
        new("mette", 2, "4311", Trained: false, Years: 2, Months: 0, YearsSinceWorked: 3),
        new("lars", 1, "7411", Trained: true, Years: 12, Months: 0, YearsSinceWorked: 0),
        new("emma", 1, "2431", Trained: true, Years: 0, Months: 6, YearsSinceWorked: 0),
        new("sofie", 1, "5322", Trained: true, Years: 8, Months: 0, YearsSinceWorked: 1),
    ];

    public static readonly DemoStaff[] Staff =
    [
        new("nina", "Nina Demo", "jc-0751", "Jobkonsulent, Jobcenter Aarhus"),
        new("karl", "Karl Demo", "jc-0101", "Jobkonsulent, Jobcenter København"),
        new("berit", "Berit Demo", "ak-01", "Sagsbehandler, A-kassen Fællesskab"),
        new("ole", "Ole Demo", "ak-02", "Sagsbehandler, Fagenes A-kasse"),
        new("stine", "Stine Demo", "star", "Analytiker, STAR"),
    ];

    public static readonly (string Key, string Organisation)[] ApiKeys =
    [
        ("demo-ak-01-system-key", "ak-01"),
        ("demo-ak-02-system-key", "ak-02"),
        ("demo-jc-0751-system-key", "jc-0751"),
    ];

    /// <summary>A stable id for a demo row, so loading twice changes nothing.</summary>
    public static Guid IdFor(string key) => new(SHA256.HashData(Encoding.UTF8.GetBytes("joblog-demo:" + key)).AsSpan(0, 16));

    public static Guid CitizenId(string key) => IdFor("citizen:" + key);
}
