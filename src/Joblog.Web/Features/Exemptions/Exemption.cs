using Joblog.Core.Logs;
using Joblog.Web.Features.Requirements;

namespace Joblog.Web.Features.Exemptions;

/// <summary>
/// Fritagelse (LAS § 75, stk. 5): the jobcenter exempts a citizen from the duty to register their job search — not from
/// the duty to search — from <see cref="From"/> to <see cref="To"/> (both included; null: no end). Ending one sets
/// <see cref="To"/> and records who ended it.
/// </summary>
public sealed record Exemption(Guid Id, DateOnly From, DateOnly? To, string Reason, string? OrganisationName, string GrantedBy,
    Author Granted, DateTimeOffset CreatedAt, Author? Ended, DateTimeOffset? EndedAt)
{
    /// <summary>The one meaning notices and statistics read too: starts_on ≤ day ≤ ends_on (or no end).</summary>
    public bool AppliesOn(DateOnly day) => From <= day && (To is not { } to || to >= day);

    /// <summary>Over: the last day has passed. An exemption that is over cannot be ended again.</summary>
    public bool IsOver(DateOnly today) => To is { } to && to < today;
}

/// <summary>The rules of granting and ending an exemption. Field names are the API's; the pages map them to their form.</summary>
public static class ExemptionRules
{
    public const int MaxReasonLength = 500;

    public static List<FieldError> ValidateGrant(DateOnly? from, DateOnly? to, string? reason)
    {
        var errors = new List<FieldError>();
        if (from is null) errors.Add(new("from", "Exemptions.Error.FromRequired"));
        if (from is { } f && to is { } t && t < f) errors.Add(new("to", "Exemptions.Error.ToBeforeFrom"));
        if (string.IsNullOrWhiteSpace(reason)) errors.Add(new("reason", "Exemptions.Error.ReasonRequired"));
        else if (reason.Trim().Length > MaxReasonLength) errors.Add(new("reason", "Exemptions.Error.ReasonTooLong"));
        return errors;
    }

    /// <summary>The last day of an exemption being ended: not before its first day, and not after the end it already has.</summary>
    public static List<FieldError> ValidateEnd(Exemption exemption, DateOnly? to)
    {
        if (to is not { } t) return [new("to", "Exemptions.Error.EndRequired")];
        if (t < exemption.From) return [new("to", "Exemptions.Error.EndBeforeFrom")];
        if (exemption.To is { } planned && t > planned) return [new("to", "Exemptions.Error.EndAfterPlanned")];
        return [];
    }
}
