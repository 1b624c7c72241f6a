using System.Security.Cryptography;
using System.Text;

namespace Joblog.Web.Features.Demo;

public sealed record DemoOrganisation(string Id, string Kind, string Name, string? Municipality);

public sealed record DemoCitizen(string Key, string Name, string Cpr, string Municipality, string? Akasse, string Description);

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
        new("mette", "Mette Demo", "610190-0001", "0751", "ak-01", "Dagpenge, Aarhus, 40+ logs"),
        new("ali", "Ali Demo", "620285-0002", "0751", null, "Jobparat kontanthjælp, Aarhus, inaktiv"),
        new("sofie", "Sofie Demo", "630392-0003", "0746", "ak-01", "Sygedagpenge (før dagpenge), Skanderborg"),
        new("jens", "Jens Demo", "640478-0004", "0101", null, "Ledighedsydelse, København, fritaget"),
        new("lars", "Lars Demo", "650588-0005", "0751", "ak-02", "Dagpenge, Aarhus"),
        new("emma", "Emma Demo", "660600-0006", "0101", "ak-01", "Dimittend, København"),
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
