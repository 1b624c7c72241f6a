using Joblog.Core.Logs;
using Joblog.Web.Access;
using Joblog.Web.Auth;

namespace Joblog.Web.Features.Requirements;

/// <summary>Who made a change: a staff member or a case system (or, for older rows, only an organisation), and the channel.</summary>
public sealed record Author(string? ActorKind, string? ActorName, Channel? Channel);

public enum ToolRefusal { None, NotFound, Forbidden }

/// <summary>
/// How the staff tools (requirements, exemptions) open a citizen: the gate decides first without recording anything;
/// a caller the gate refuses gets 404, one the gate permits but the tool is not theirs (<see cref="StaffTools"/>) gets
/// 403 and leaves no look behind. A read then opens through the gate again, which records the look before anything is
/// read; a write keeps the look pending (<see cref="CitizenAccess.PendingLook"/>) for the store to record in the
/// write's own transaction.
/// </summary>
public static class StaffToolGate
{
    public static async Task<(CitizenAccess? Access, ToolRefusal Refusal)> OpenForToolAsync(this CitizenGate gate, Actor actor, Guid citizenId,
        string what, Func<CitizenAccess, bool> may, bool write, CancellationToken ct)
    {
        var probe = await gate.OpenForWriteAsync(actor, citizenId, what, ct);
        if (probe is null) return (null, ToolRefusal.NotFound);
        if (!may(probe)) return (null, ToolRefusal.Forbidden);
        if (write) return (probe, ToolRefusal.None);
        var access = await gate.OpenAsync(actor, citizenId, what, ct);
        return access is null ? (null, ToolRefusal.NotFound) : (access, ToolRefusal.None);
    }
}
