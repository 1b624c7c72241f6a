namespace Joblog.Web.Access;

public static class AccessSetup
{
    /// <summary>The gate with its policies (who may open whom) and withholding rules (what they still may not see).</summary>
    public static IServiceCollection AddCitizenGate(this IServiceCollection services)
    {
        services.AddSingleton<IAccessPolicy, JobcenterPolicy>();
        services.AddSingleton<IAccessPolicy, AkassePolicy>();
        services.AddSingleton<IAccessPolicy, AgencyPolicy>();
        services.AddSingleton<IWithholdingRule, HistoryRule>();
        services.AddSingleton<IWithholdingRule, OtherTargetGroupsRule>();
        services.AddSingleton<IWithholdingRule, AidsAndMentorRule>();
        services.AddSingleton<IWithholdingRule, MessageContentsRule>();
        services.AddSingleton<IWithholdingRule, HistoricalAbsenceRule>();
        services.AddSingleton<IWithholdingRule, PresentationCvRule>();
        services.AddSingleton<IWithholdingRule, CaseToTeamRule>();
        services.AddSingleton<IWithholdingRule, PreparationFormOtherGroupRule>();
        services.AddSingleton<CitizenGate>();
        services.AddSingleton<AccessHistory>();
        return services;
    }
}
