using Joblog.Web.Auth;

namespace Joblog.Web.Access;

/// <summary>
/// Parts of a citizen's Jobnet that a permitted caller may still not see (seed 004, "Begrænsninger i
/// adgangen"). Each category has exactly one <see cref="IWithholdingRule"/>; a feature that shows a
/// category asks <see cref="CitizenAccess.Withholds"/> and shows "Ingen adgang" with the reason instead.
/// A new category is one enum value, one rule and one text (Access.Withheld.&lt;Category&gt;).
/// </summary>
public enum Category
{
    /// <summary>Historik: plans, meetings, logins (who looked), statuses — the citizen's own record.</summary>
    History,
    /// <summary>Target-group periods (and plan items) of groups other than dagpenge and dimittend.</summary>
    OtherTargetGroups,
    /// <summary>Aids (hjælpemidler), mentor, personal assistance, social and health measures.</summary>
    AidsAndMentor,
    /// <summary>The contents of messages the a-kasse is not a party to (letter secrecy).</summary>
    MessageContents,
    /// <summary>Absence that is no longer current.</summary>
    HistoricalAbsence,
    /// <summary>The presentation CV.</summary>
    PresentationCv,
    /// <summary>"Min sag til teamet" (the rehabilitation team) and integration contracts.</summary>
    CaseToTeam,
    /// <summary>A preparation form answered while in another target group.</summary>
    PreparationFormOtherGroup,
}

/// <summary>Decides one category for a permitted caller who is not the citizen. A rule that throws withholds.</summary>
public interface IWithholdingRule
{
    Category Category { get; }

    bool Withholds(Actor actor, CitizenFacts facts);
}

/// <summary>The history page is the citizen's own: no caseworker or case system sees it (seed 004, 5.7).</summary>
public sealed class HistoryRule : IWithholdingRule
{
    public Category Category => Category.History;

    public bool Withholds(Actor actor, CitizenFacts facts) => actor.Kind != ActorKind.Citizen;
}

/// <summary>
/// The a-kasse's legal basis covers the member as dagpenge recipient or dimittend only; for each
/// of these categories it has none (seed 004, section 3). Jobcenters are not restricted by them.
/// </summary>
public abstract class AkasseRule(Category category) : IWithholdingRule
{
    public Category Category => category;

    public bool Withholds(Actor actor, CitizenFacts facts) => facts.OrganisationKind == "akasse";
}

public sealed class OtherTargetGroupsRule() : AkasseRule(Category.OtherTargetGroups);

public sealed class AidsAndMentorRule() : AkasseRule(Category.AidsAndMentor);

public sealed class MessageContentsRule() : AkasseRule(Category.MessageContents);

public sealed class HistoricalAbsenceRule() : AkasseRule(Category.HistoricalAbsence);

public sealed class PresentationCvRule() : AkasseRule(Category.PresentationCv);

public sealed class CaseToTeamRule() : AkasseRule(Category.CaseToTeam);

public sealed class PreparationFormOtherGroupRule() : AkasseRule(Category.PreparationFormOtherGroup);


/// <summary>The texts of a withheld category: its name and why it is held back.</summary>
public static class WithheldTexts
{
    public static string NameKey(Category category) => $"Access.Category.{category}";

    public static string ReasonKey(Category category) => $"Access.Withheld.{category}";
}
