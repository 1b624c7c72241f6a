using Joblog.Web.Features.Statistics;
using Shouldly;

namespace Joblog.Web.Tests.Statistics;

/// <summary>The statistics' rules without a database: the benchmark, rounding, suppression, the spread and the ranking.</summary>
public sealed class UsageRulesTests
{
    private static readonly DateOnly March = new(2019, 3, 1);

    private static UsageCell Cell(string? code, int obligated, int logged, int applications = 0) =>
        new(March, "jobready", code, code is null ? null : "Kommune " + code, obligated, logged, applications);

    private static UsageFigure Only(UsageCell cell) => UsageRules.Publish(Cell(null, 0, 0), [cell]).Municipalities.Single();

    [Theory]
    [InlineData(6.0, Benchmark.Green)]
    [InlineData(12.4, Benchmark.Green)]
    [InlineData(5.9, Benchmark.LightGreen)]
    [InlineData(1.0, Benchmark.LightGreen)]
    [InlineData(0.9, Benchmark.Red)]
    [InlineData(0.0, Benchmark.Red)]
    public void Six_or_more_applications_per_citizen_is_green_one_to_under_six_light_green_and_under_one_red(double perCitizen, Benchmark expected) =>
        UsageRules.BenchmarkOf(perCitizen).ShouldBe(expected);

    [Fact]
    public void The_benchmark_is_taken_of_the_figure_as_shown_with_one_decimal()
    {
        // 59 applications by 10 citizens is 5.9 (light green); 599 by 100 is 5.99, shown as 6.0 — and then green, as it reads.
        Only(Cell("0751", 10, 5, 59)).ShouldSatisfyAllConditions(f => f.ApplicationsPerCitizen.ShouldBe(5.9), f => f.Benchmark.ShouldBe(Benchmark.LightGreen));
        Only(Cell("0751", 100, 50, 599)).ShouldSatisfyAllConditions(f => f.ApplicationsPerCitizen.ShouldBe(6.0), f => f.Benchmark.ShouldBe(Benchmark.Green));
    }

    [Fact]
    public void The_share_is_rounded_to_three_decimals()
    {
        UsageRules.Share(6, 11).ShouldBe(0.545);
        UsageRules.Share(5, 12).ShouldBe(0.417);
        UsageRules.Share(10, 10).ShouldBe(1.0);
    }

    [Fact]
    public void Fewer_than_five_with_a_duty_hides_the_whole_cell_and_five_shows_it()
    {
        var four = Only(Cell("0751", 4, 0, 30));
        four.ShouldSatisfyAllConditions(f => f.Obligated.ShouldBeNull(), f => f.Logged.ShouldBeNull(), f => f.Share.ShouldBeNull(),
            f => f.ApplicationsPerCitizen.ShouldBeNull(), f => f.Benchmark.ShouldBeNull(), f => f.Suppressed.ShouldBeTrue());

        var five = Only(Cell("0751", 5, 0, 30));
        five.Obligated.ShouldBe(5);
        five.ApplicationsPerCitizen.ShouldBe(6.0);
        five.Benchmark.ShouldBe(Benchmark.Green);
        five.Logged.ShouldBeNull("nobody logged: fewer than 5");
    }

    [Theory]
    [InlineData(10, 4, false)]  // 4 logged
    [InlineData(10, 5, true)]   // 5 logged, 5 did not
    [InlineData(10, 6, false)]  // 4 did not log: the share would tell about them
    [InlineData(9, 5, false)]
    [InlineData(20, 20, false)] // nobody did not log: also fewer than 5
    public void The_number_who_logged_and_the_share_show_only_when_at_least_five_logged_and_at_least_five_did_not(int obligated, int logged, bool shown)
    {
        var f = Only(Cell("0751", obligated, logged));
        f.Obligated.ShouldBe(obligated);
        (f.Logged is not null).ShouldBe(shown);
        (f.Share is not null).ShouldBe(shown);
        if (shown) f.Share.ShouldBe(UsageRules.Share(logged, obligated));
    }

    [Fact]
    public void When_exactly_one_municipality_is_hidden_the_smallest_shown_one_is_hidden_too_so_the_country_gives_nothing_away()
    {
        var country = Cell(null, 3 + 40 + 12 + 25, 0 + 20 + 6 + 12);
        var (_, each) = UsageRules.Publish(country, [Cell("0101", 40, 20), Cell("0147", 3, 0), Cell("0151", 12, 6), Cell("0153", 25, 12)]);
        var byCode = each.ToDictionary(f => f.MunicipalityCode!);

        byCode["0147"].Obligated.ShouldBeNull("fewer than 5");
        byCode["0151"].Obligated.ShouldBeNull("the smallest shown: country − the others would give 0147's");
        byCode["0151"].Logged.ShouldBeNull();
        byCode["0101"].Obligated.ShouldBe(40);
        byCode["0153"].Obligated.ShouldBe(25);
        byCode["0101"].Logged.ShouldBe(20);
        byCode["0153"].Logged.ShouldBe(12);
    }

    [Fact]
    public void When_exactly_one_number_who_logged_is_hidden_the_smallest_shown_number_who_logged_is_hidden_too()
    {
        var country = Cell(null, 30 + 20 + 12, 4 + 10 + 6);
        var (_, each) = UsageRules.Publish(country, [Cell("0101", 30, 4), Cell("0147", 20, 10), Cell("0151", 12, 6)]);
        var byCode = each.ToDictionary(f => f.MunicipalityCode!);

        byCode["0101"].Logged.ShouldBeNull("4 logged");
        byCode["0151"].Logged.ShouldBeNull("the smallest number who logged that was shown");
        byCode["0151"].Obligated.ShouldBe(12, "its number with a duty still shows");
        byCode["0147"].Logged.ShouldBe(10);
    }

    [Fact]
    public void Two_hidden_municipalities_need_no_more_hiding_and_a_hidden_country_none_at_all()
    {
        var (_, two) = UsageRules.Publish(Cell(null, 2 + 3 + 40, 20), [Cell("0101", 40, 20), Cell("0147", 3, 0), Cell("0151", 2, 0)]);
        two.Single(f => f.MunicipalityCode == "0101").Obligated.ShouldBe(40);

        var (country, one) = UsageRules.Publish(Cell(null, 4, 0), [Cell("0101", 0, 0), Cell("0147", 4, 0)]);
        country.Suppressed.ShouldBeTrue();
        one.ShouldAllBe(f => f.Obligated == null);
    }

    [Fact]
    public void Quartiles_interpolate_linearly_between_the_sorted_values()
    {
        var spread = Spread.Of([0.5, 7.0 / 12, 1.0 / 3, 6.0 / 11, 0.625, 5.0 / 13])!;

        spread.Count.ShouldBe(6);
        spread.Min.ShouldBe(1.0 / 3, 1e-12);
        spread.Q1.ShouldBe(5.0 / 13 + 0.25 * (0.5 - 5.0 / 13), 1e-12);      // position 1.25
        spread.Median.ShouldBe((0.5 + 6.0 / 11) / 2, 1e-12);                 // position 2.5
        spread.Q3.ShouldBe(6.0 / 11 + 0.75 * (7.0 / 12 - 6.0 / 11), 1e-12);  // position 3.75
        spread.Max.ShouldBe(0.625, 1e-12);
        Spread.Of([0.4])!.ShouldSatisfyAllConditions(s => s.Q1.ShouldBe(0.4), s => s.Median.ShouldBe(0.4), s => s.Q3.ShouldBe(0.4));
        Spread.Of([]).ShouldBeNull();
    }

    [Fact]
    public void The_ranking_is_by_share_with_equal_shares_sharing_a_rank_and_hidden_shares_last_without_one()
    {
        var country = Cell(null, 100, 50);
        var (_, each) = UsageRules.Publish(country,
            [Cell("0101", 10, 5, 10), Cell("0147", 20, 10, 60), Cell("0151", 20, 14), Cell("0153", 4, 1), Cell("0155", 10, 2), Cell("0157", 2, 0)]);

        var ranking = UsageRules.Rank(each);

        // 0147 and 0101 both 50 %: rank 2 both, the one with more applications per citizen first; the hidden last, by name.
        ranking.Select(r => (r.Rank, r.Figure.MunicipalityCode)).ShouldBe(
            [(1, "0151"), (2, "0147"), (2, "0101"), (null, "0153"), (null, "0155"), (null, "0157")]);
    }
}
