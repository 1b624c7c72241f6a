using Joblog.Core.Logs;
using Joblog.Web.Features.Requirements;
using Shouldly;

namespace Joblog.Web.Tests.Requirements;

/// <summary>The rules of live progress, without a database: the 4-week window, met / not met / paused, and each fit.</summary>
public sealed class RequirementProgressTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    private static RequirementSet Set(decimal perWeek = 1.5m, string[]? occupations = null, int? maxKm = null, string[]? municipalities = null,
        ApplicationType[]? methods = null) =>
        new(Guid.NewGuid(), "jc-0751", "Jobcenter Aarhus", perWeek, (occupations ?? []).Select(c => new NamedCode(c, "T")).ToList(), maxKm,
            (municipalities ?? []).Select(c => new NamedCode(c, "M")).ToList(), methods ?? [], Today, null, 1, DateTimeOffset.UnixEpoch,
            new Author("staff", "Nina", Channel.Jobcenter), null, null);

    private static CountedApplication App(int daysAgo = 0, string[]? codes = null, string? municipality = "0751", double? km = 5,
        ApplicationType? method = ApplicationType.Advertised) =>
        new(Guid.NewGuid(), Today.AddDays(-daysAgo), "Job", null, LogStatus.Applied, method, codes ?? [], municipality, km);

    [Fact]
    public void The_window_is_today_and_the_27_days_before()
    {
        RequirementProgress.Window(Today).ShouldBe((new DateOnly(2026, 10, 24), Today));
        var p = RequirementProgress.Measure(Set(), [App(0), App(27), App(28), App(-1)], Today, exemptToday: false);
        p.Count.ShouldBe(2);
    }

    [Fact]
    public void Met_when_the_applications_reach_four_times_the_weekly_figure()
    {
        var five = Enumerable.Range(0, 5).Select(i => App(i)).ToList();
        RequirementProgress.Measure(Set(1.25m), five, Today, false).Status.ShouldBe(RequirementStatus.Met, "5 of 5");
        RequirementProgress.Measure(Set(1.5m), five, Today, false).Status.ShouldBe(RequirementStatus.NotMet, "5 of 6");
        RequirementProgress.Measure(Set(1.1m), five, Today, false).Status.ShouldBe(RequirementStatus.Met, "5 of 4.4");
        Set(1.1m).Required.ShouldBe(4.4m);
    }

    [Fact]
    public void While_exempt_the_status_is_paused_whatever_the_count()
    {
        RequirementProgress.Measure(Set(), [], Today, exemptToday: true).Status.ShouldBe(RequirementStatus.Paused);
        RequirementProgress.Measure(Set(0.25m), [App()], Today, exemptToday: true).Status.ShouldBe(RequirementStatus.Paused);
    }

    [Fact]
    public void Occupations_fit_when_one_of_the_applications_codes_is_set_and_are_unknown_without_a_code()
    {
        var set = Set(occupations: ["4110", "4311"]);
        RequirementProgress.OccupationFit(set, App(codes: ["4110"])).ShouldBe(Fit.Yes);
        RequirementProgress.OccupationFit(set, App(codes: ["2342", "4311"])).ShouldBe(Fit.Yes, "a job title naming two occupations");
        RequirementProgress.OccupationFit(set, App(codes: ["7411"])).ShouldBe(Fit.No);
        RequirementProgress.OccupationFit(set, App(codes: [])).ShouldBe(Fit.Unknown);
        RequirementProgress.OccupationFit(Set(), App(codes: [])).ShouldBe(Fit.Yes, "no occupations set: any job");
    }

    [Fact]
    public void The_area_fits_within_the_distance_or_in_one_of_the_municipalities()
    {
        var km = Set(maxKm: 30);
        RequirementProgress.AreaFit(km, App(km: 30)).ShouldBe(Fit.Yes);
        RequirementProgress.AreaFit(km, App(km: 30.1)).ShouldBe(Fit.No);
        RequirementProgress.AreaFit(km, App(km: null)).ShouldBe(Fit.Unknown);

        var towns = Set(municipalities: ["0615"]);
        RequirementProgress.AreaFit(towns, App(municipality: "0615", km: 200)).ShouldBe(Fit.Yes);
        RequirementProgress.AreaFit(towns, App(municipality: "0751")).ShouldBe(Fit.No);
        RequirementProgress.AreaFit(towns, App(municipality: null, km: null)).ShouldBe(Fit.Unknown);

        var both = Set(maxKm: 30, municipalities: ["0615"]);
        RequirementProgress.AreaFit(both, App(municipality: "0615", km: 35)).ShouldBe(Fit.Yes, "in the municipality, beyond the distance");
        RequirementProgress.AreaFit(both, App(municipality: "0751", km: 5)).ShouldBe(Fit.Yes, "within the distance, another municipality");
        RequirementProgress.AreaFit(both, App(municipality: "0630", km: 60)).ShouldBe(Fit.No);
        RequirementProgress.AreaFit(both, App(municipality: "0630", km: null)).ShouldBe(Fit.Unknown, "no home position: the distance is not known");

        RequirementProgress.AreaFit(Set(), App(municipality: null, km: null)).ShouldBe(Fit.Yes, "no area set: anywhere");
    }

    [Fact]
    public void Methods_fit_when_the_kind_of_application_is_one_of_them()
    {
        var set = Set(methods: [ApplicationType.Advertised, ApplicationType.Unsolicited]);
        RequirementProgress.MethodFit(set, App(method: ApplicationType.Unsolicited)).ShouldBe(Fit.Yes);
        RequirementProgress.MethodFit(set, App(method: ApplicationType.Network)).ShouldBe(Fit.No);
        RequirementProgress.MethodFit(set, App(method: null)).ShouldBe(Fit.Unknown);
        RequirementProgress.MethodFit(Set(), App(method: null)).ShouldBe(Fit.Yes, "no methods set: any");
    }

    [Fact]
    public void The_fit_counts_add_up_per_part_and_for_all_three()
    {
        var set = Set(occupations: ["4110"], maxKm: 30, methods: [ApplicationType.Advertised]);
        var p = RequirementProgress.Measure(set,
        [
            App(1, ["4110"], km: 5, method: ApplicationType.Advertised),
            App(2, ["4110"], km: 50, method: ApplicationType.Advertised),
            App(3, ["7411"], km: 5, method: ApplicationType.Network),
        ], Today, false);
        (p.FitOccupation, p.FitArea, p.FitMethod, p.FitAll).ShouldBe((2, 2, 2, 1));
        p.Applications.Select(a => a.Application.Day).ShouldBe([Today.AddDays(-1), Today.AddDays(-2), Today.AddDays(-3)], "newest first");
    }

    [Fact]
    public void The_same_content_is_the_same_set_whatever_the_order_it_was_typed_in()
    {
        var set = Set(occupations: ["4110", "4311"], maxKm: 40, methods: [ApplicationType.Advertised, ApplicationType.Unsolicited]);
        set.SameAs(RequirementInput.Canonical(1.5m, ["4311", "4110", "4110"], 40, [], [ApplicationType.Unsolicited, ApplicationType.Advertised])).ShouldBeTrue();
        set.SameAs(RequirementInput.Canonical(1.5m, ["4110"], 40, [], [ApplicationType.Advertised, ApplicationType.Unsolicited])).ShouldBeFalse();
        set.SameAs(RequirementInput.Canonical(2m, ["4110", "4311"], 40, [], [ApplicationType.Advertised, ApplicationType.Unsolicited])).ShouldBeFalse();
    }
}
