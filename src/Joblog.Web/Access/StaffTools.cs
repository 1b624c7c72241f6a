namespace Joblog.Web.Access;

/// <summary>
/// What staff and case systems may record about a citizen the gate has opened for them. The gate gives them the
/// citizen's joblog read only (<see cref="CitizenAccess.CanWrite"/> is false); these are the organisation's own
/// records about the citizen, so they are decided here, on top of the gate's permit (the access itself):
/// <list type="bullet">
/// <item>Krav til jobsøgning (requirements): the jobcenter, for citizens of its municipality, and the a-kasse, for its
/// members in a dagpenge or dimittend course — exactly those the gate opens for them.</item>
/// <item>Fritagelse (exemptions, LAS § 75, stk. 5): the jobcenter only.</item>
/// </list>
/// The citizen records neither; the agency never gets an access.
/// </summary>
public static class StaffTools
{
    public static bool MaySetRequirements(CitizenAccess access) =>
        !access.IsOwner && access.OrganisationKind is "jobcenter" or "akasse";

    public static bool MayManageExemptions(CitizenAccess access) =>
        !access.IsOwner && access.OrganisationKind is "jobcenter";
}
