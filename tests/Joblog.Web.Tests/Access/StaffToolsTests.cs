using Joblog.Core.Logs;
using Joblog.Web.Access;
using Joblog.Web.Auth;
using Shouldly;

namespace Joblog.Web.Tests.Access;

/// <summary>
/// Access/StaffTools on both branches, without a database: given the gate's permit (an access), which organisations may
/// set requirements and manage exemptions. (Which citizens the gate opens for whom is PolicyTests' and GateRuleTests'.)
/// </summary>
public sealed class StaffToolsTests
{
    private static readonly Guid Citizen = Guid.NewGuid();

    private static CitizenAccess Opened(ActorKind kind, string? organisationKind, Channel channel) =>
        new(Citizen, new Actor(kind, "x", "X", kind == ActorKind.Citizen ? Citizen : null, organisationKind is null ? null : "org"), false, channel)
        {
            OrganisationKind = organisationKind,
        };

    [Theory]
    [InlineData(ActorKind.Staff)]
    [InlineData(ActorKind.System)]
    public void The_jobcenter_may_set_requirements_and_manage_exemptions(ActorKind kind)
    {
        var access = Opened(kind, "jobcenter", Channel.Jobcenter);
        StaffTools.MaySetRequirements(access).ShouldBeTrue();
        StaffTools.MayManageExemptions(access).ShouldBeTrue();
    }

    [Theory]
    [InlineData(ActorKind.Staff)]
    [InlineData(ActorKind.System)]
    public void The_akasse_may_set_requirements_but_not_manage_exemptions(ActorKind kind)
    {
        var access = Opened(kind, "akasse", Channel.Akasse);
        StaffTools.MaySetRequirements(access).ShouldBeTrue();
        StaffTools.MayManageExemptions(access).ShouldBeFalse();
    }

    [Fact]
    public void The_citizen_may_do_neither_though_the_gate_lets_her_write_her_joblog()
    {
        var own = new CitizenAccess(Citizen, new Actor(ActorKind.Citizen, "c", "C", Citizen, null), true, Channel.Jobnet);
        StaffTools.MaySetRequirements(own).ShouldBeFalse();
        StaffTools.MayManageExemptions(own).ShouldBeFalse();
    }

    [Theory]
    [InlineData("agency")]
    [InlineData(null)]
    [InlineData("somethingNew")]
    public void Any_other_organisation_may_do_neither(string? organisationKind)
    {
        var access = Opened(ActorKind.Staff, organisationKind, Channel.Jobcenter);
        StaffTools.MaySetRequirements(access).ShouldBeFalse();
        StaffTools.MayManageExemptions(access).ShouldBeFalse();
    }
}
