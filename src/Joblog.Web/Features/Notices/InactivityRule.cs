using Joblog.Web.Access;

namespace Joblog.Web.Features.Notices;

/// <summary>
/// Advisering: when a citizen with a duty to log has registered nothing for 30 days. All days are Danish days
/// (Europe/Copenhagen, <see cref="Access.DanishClock"/>), "today" from the injected <see cref="TimeProvider"/>.
/// <list type="bullet">
/// <item><b>Duty to log today</b>: a target-group period open today (<c>starts_on ≤ today ≤ ends_on</c>, or no end) whose
/// group has <c>target_groups.duty_to_log</c> (dagpenge, dimittend, job-ready, education-ready, ledighedsydelse).</item>
/// <item><b>Exempt today</b> (fritagelse, LAS § 75 stk. 5): an exemption with <c>starts_on ≤ today ≤ ends_on</c> (or no end).
/// An exempt citizen is never notified, and an open notice ends.</item>
/// <item><b>Inactive since</b> the latest of: the day of the last creation or change of any of the citizen's logs
/// (<c>logs.updated_at</c>, which is never before <c>created_at</c>); the start of the current duty period (the latest
/// start of the duty periods open today: someone who became unemployed 10 days ago is not inactive); the day after the
/// last exemption that has ended (an exemption restarts the count as a new period does); the day the citizen's previous
/// notice ended (so one period of inactivity never makes two notices).</item>
/// <item><b>Inactive</b> when today is at least <see cref="Days"/> days after that day: last log on 1 March → inactive
/// from 31 March, 00:00 Danish time. Put the other way round: no log created or changed since 00:00 Danish time 29 days
/// ago (<see cref="WindowStart"/>), and the other starts at least 30 days ago.</item>
/// <item><b>One notice per period</b>: a notice is made once, by the sweep, and stays open until the period ends — a log
/// is created or changed (by anyone, through any channel: the log's own write ends it, <see cref="CitizenNotices.EndedByLog"/>),
/// the citizen becomes exempt, the duty ends, or a new duty period starts. A later 30-day gap makes a new notice.</item>
/// <item><b>Who is told</b>: the citizen (front page); the jobcenter of the citizen's municipality (its work list); the
/// a-kasse, when the citizen is a member and in a dagpenge or dimittend course today (<c>target_groups.akasse_may_see</c>).
/// The sweep keeps these addressees up to date while the notice is open (a move, a course that ends).</item>
/// </list>
/// Readers show a notice only while it is still true (<see cref="CitizenNotices.StillTrue"/>): an exemption granted or a
/// log written since the last sweep hides it at once; the next sweep ends the row. A log written around the log store with
/// a date before the last 30 days (a bulk load of old logs) does not end an open notice: the citizen is still inactive.
/// </summary>
public static class InactivityRule
{
    /// <summary>Days without a log before a notice.</summary>
    public const int Days = 30;

    /// <summary>The name of the job in <c>job_runs</c>.</summary>
    public const string Job = "inactivity-sweep";

    /// <summary>The last day a period of inactivity may have begun on to be inactive <paramref name="today"/>.</summary>
    public static DateOnly LatestInactiveSince(DateOnly today) => today.AddDays(-Days);

    /// <summary>
    /// The start of the last 30 days (00:00 Danish time, 29 days before today): a log created or changed since then means
    /// the citizen is not inactive today.
    /// </summary>
    public static DateTimeOffset WindowStart(DateOnly today) => DanishClock.Instant(LatestInactiveSince(today).AddDays(1));

    /// <summary>Days without a log, as shown in lists and on the front page.</summary>
    public static int DaysInactive(DateOnly today, DateOnly inactiveSince) => today.DayNumber - inactiveSince.DayNumber;
}
