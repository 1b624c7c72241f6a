using Joblog.Core.Logs;
using Joblog.Web.Access;
using Joblog.Web.Features.Logs;

namespace Joblog.Web.Features.Evidence;

/// <summary>The one rule for which day a log belongs to, shared by the export's period and the progress weeks.</summary>
public static class EvidenceDates
{
    /// <summary>
    /// A job-search log counts on the day it was applied for, or, when that is not filled in, the (Danish) day it was
    /// created; another activity on the day of the activity.
    /// </summary>
    public static DateOnly DayOf(Log log)
    {
        var c = log.Content;
        var day = c.Kind == LogKind.OtherActivity ? c.ActivityDate : c.AppliedOn;
        return day ?? DateOnly.FromDateTime(DanishClock.Local(log.CreatedAt).DateTime);
    }
}
