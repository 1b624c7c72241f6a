namespace Joblog.Web.Access;

public static class AccessSetup
{
    /// <summary>The gate with its policies (who may open whom) and withholding rules (what they still may not see).</summary>
    public static IServiceCollection AddCitizenGate(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new LookCommit(configuration.GetValue("Joblog:Access:DurableLooks", false)));
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

/// <summary>
/// How a look made by a read is committed. By default without waiting for the write-ahead log to reach the disk
/// (<c>synchronous_commit = off</c> for that one statement): the look is committed and visible before any data is
/// returned, and an insert that fails still fails the read (fail closed); what is given up is that a database crash
/// within about 0.6 s of a look can lose that look. <c>Joblog:Access:DurableLooks = true</c> waits for the disk on
/// every look (about 3 ms more at p95 on this machine; bench/gate.sh). Writes, and looks recorded with a write, are
/// always durable.
/// </summary>
public sealed record LookCommit(bool Durable)
{
    public string Sql => Durable ? AccessRecord.InsertSql : "select set_config('synchronous_commit', 'off', true);\n" + AccessRecord.InsertSql;
}
