using Joblog.Core.Logs;

namespace Joblog.Web.World;

/// <summary>
/// A log's status, kind of application and history by its age (days since it was created): new logs are mostly
/// saved or just applied for; after two weeks answers come (interview, rejection); after eight weeks most are rejected
/// or never answered, a few hired. Old logs are closed more often. The figures are assumptions, see World/README.md.
/// </summary>
internal static class LogStatuses
{
    public const int RecentDays = 14, AnsweredDays = 56;

    // notApplied, applied, interview, rejected, hired
    private static readonly Weighted Recent = new([0.30, 0.62, 0.06, 0.02, 0]);
    private static readonly Weighted Answered = new([0.04, 0.40, 0.14, 0.39, 0.03]);
    private static readonly Weighted Old = new([0.02, 0.33, 0.04, 0.58, 0.03]);

    private static readonly Weighted ApplicationTypes = new([60, 20, 10, 6, 4]); // advertised, unsolicited, network, temp agency, other
    private static readonly Weighted ActivityTypes = new([30, 15, 25, 20, 10]); // network meeting, job fair, course, company visit, other

    public static LogStatus ByAge(int age, ref Rng rng) =>
        (LogStatus)(age < RecentDays ? Recent : age < AnsweredDays ? Answered : Old).Next(ref rng);

    /// <summary>Closed: 3 % of recent logs, 20 % after two weeks, 55 % after eight; rejected a bit more, hired nearly always.</summary>
    public static bool Closed(LogStatus? status, int age, ref Rng rng)
    {
        var p = age < RecentDays ? 0.03 : age < AnsweredDays ? 0.20 : 0.55;
        if (status == LogStatus.Hired && age >= RecentDays) p = 0.9;
        else if (status == LogStatus.Rejected) p = Math.Min(0.95, p * 1.3);
        return rng.Chance(p);
    }

    public static ApplicationType ApplicationType(ref Rng rng) => (ApplicationType)ApplicationTypes.Next(ref rng);

    public static ActivityType ActivityType(ref Rng rng) => (ActivityType)ActivityTypes.Next(ref rng);

    /// <summary>
    /// Decides whether a job-search log was changed once after it was created (version 2) and what it looked like
    /// before: an answer (interview, rejection, hired) usually came after the application was logged; some saved jobs
    /// were applied for later; closing is a change of its own. Logs are never changed more than once here.
    /// </summary>
    public static void History(GeneratedLog log, ref Rng rng)
    {
        var answered = log.Status is LogStatus.Interview or LogStatus.Rejected or LogStatus.Hired;
        var first = log.Status;
        if (answered && rng.Chance(log.Closed ? 0.5 : 0.8))
            first = log.Status == LogStatus.Hired && rng.Chance(0.5) ? LogStatus.Interview : LogStatus.Applied;
        else if (log.Status == LogStatus.Applied && rng.Chance(0.15))
            first = LogStatus.NotApplied;

        log.Version = first != log.Status || log.Closed ? 2 : 1;
        log.FirstStatus = first;
        log.FirstAppliedOn = first == LogStatus.NotApplied ? null : log.AppliedOn;
    }
}
