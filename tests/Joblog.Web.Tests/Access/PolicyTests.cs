using Joblog.Web.Access;
using Joblog.Web.Auth;
using Joblog.Web.Tests.Localization;
using Shouldly;

namespace Joblog.Web.Tests.Access;

/// <summary>Each policy and withholding rule on both branches, without a database.</summary>
public sealed class PolicyTests
{
    private static readonly Actor Staff = new(ActorKind.Staff, "x", "X", null, "org");
    private static readonly Actor System = new(ActorKind.System, "x", "X", null, "org");
    private static readonly Actor Citizen = new(ActorKind.Citizen, "c", "C", Guid.NewGuid(), null);

    private static CitizenFacts Facts(string orgKind, string? orgMunicipality = null, string municipality = "0751",
        string? akasse = "ak-01", string org = "ak-01", params string[] groups) =>
        new(Guid.NewGuid(), "Borger", municipality, akasse, groups, groups.Any(g => g is "dagpenge" or "dimittend"), org, orgKind, orgMunicipality, "Org");

    [Fact]
    public void Jobcenter_reads_its_own_municipality_and_is_denied_another()
    {
        var policy = new JobcenterPolicy();
        policy.Decide(Staff, Facts("jobcenter", "0751", municipality: "0751", org: "jc-0751")).ShouldBe(Decision.ReadOnly);
        policy.Decide(Staff, Facts("jobcenter", "0101", municipality: "0751", org: "jc-0101")).ShouldBe(Decision.Deny);
        policy.Decide(Staff, Facts("akasse")).ShouldBeNull();
    }

    [Fact]
    public void Akasse_reads_members_in_a_dagpenge_or_dimittend_course_only()
    {
        var policy = new AkassePolicy();
        policy.Decide(Staff, Facts("akasse", groups: "dagpenge")).ShouldBe(Decision.ReadOnly);
        policy.Decide(Staff, Facts("akasse", groups: "dimittend")).ShouldBe(Decision.ReadOnly);
        policy.Decide(System, Facts("akasse", groups: "dagpenge")).ShouldBe(Decision.ReadWrite);
        policy.Decide(Staff, Facts("akasse", groups: "sickness")).ShouldBe(Decision.Deny);
        policy.Decide(Staff, Facts("akasse")).ShouldBe(Decision.Deny, "no course today");
        policy.Decide(Staff, Facts("akasse", akasse: "ak-02", groups: "dagpenge")).ShouldBe(Decision.Deny, "not a member");
        policy.Decide(Staff, Facts("akasse", akasse: null, groups: "dagpenge")).ShouldBe(Decision.Deny, "no a-kasse");
        policy.Decide(Staff, Facts("jobcenter", "0751")).ShouldBeNull();
    }

    [Fact]
    public void The_agency_is_denied_every_person()
    {
        var policy = new AgencyPolicy();
        policy.Decide(Staff, Facts("agency", org: "star")).ShouldBe(Decision.Deny);
        policy.Decide(Staff, Facts("jobcenter", "0751")).ShouldBeNull();
    }

    [Fact]
    public void The_history_is_withheld_from_everyone_but_the_citizen()
    {
        var rule = new HistoryRule();
        rule.Withholds(Staff, Facts("jobcenter", "0751")).ShouldBeTrue();
        rule.Withholds(System, Facts("akasse", groups: "dagpenge")).ShouldBeTrue();
        rule.Withholds(Citizen, Facts("jobcenter", "0751")).ShouldBeFalse();
    }

    public static TheoryData<string> AkasseRules() => new()
    {
        nameof(OtherTargetGroupsRule), nameof(AidsAndMentorRule), nameof(MessageContentsRule), nameof(HistoricalAbsenceRule),
        nameof(PresentationCvRule), nameof(CaseToTeamRule), nameof(PreparationFormOtherGroupRule),
    };

    [Theory]
    [MemberData(nameof(AkasseRules))]
    public void Each_akasse_restriction_holds_back_from_the_akasse_and_not_from_the_jobcenter(string ruleName)
    {
        var rule = (IWithholdingRule)Activator.CreateInstance(typeof(AkasseRule).Assembly.GetType($"Joblog.Web.Access.{ruleName}")!)!;
        rule.Withholds(Staff, Facts("akasse", groups: "dagpenge")).ShouldBeTrue();
        rule.Withholds(System, Facts("akasse", groups: "dimittend")).ShouldBeTrue();
        rule.Withholds(Staff, Facts("jobcenter", "0751", org: "jc-0751")).ShouldBeFalse();
    }

    [Fact]
    public void Every_category_has_exactly_one_rule()
    {
        var rules = typeof(IWithholdingRule).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(IWithholdingRule).IsAssignableFrom(t))
            .Select(t => ((IWithholdingRule)Activator.CreateInstance(t)!).Category).ToList();
        rules.Order().ShouldBe(Enum.GetValues<Category>().Order());
    }

    [Theory]
    [InlineData("da")]
    [InlineData("en")]
    public void Every_category_has_a_name_and_a_reason_in_both_languages(string culture)
    {
        var t = TestTexts.Localizer();
        using var _ = TestTexts.UseCulture(culture);
        foreach (var category in Enum.GetValues<Category>())
        {
            t[WithheldTexts.NameKey(category)].ResourceNotFound.ShouldBeFalse(category.ToString());
            t[WithheldTexts.ReasonKey(category)].ResourceNotFound.ShouldBeFalse(category.ToString());
        }
    }
}
