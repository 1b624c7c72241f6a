namespace Joblog.Web.World;

/// <summary>
/// When a citizen logs: every period in which they log at all (its group's propensity decided that) becomes a stretch
/// of days with the group's weekly rate times the citizen's own intensity; days under an exemption get the lower
/// voluntary rate. Gaps between periods (work) have no logs.
/// </summary>
internal static class LogSegments
{
    public static LogSegment[] For(WorldPeriod[] periods, WorldExemption[] exemptions, WorldSpec spec, double intensity)
    {
        var first = spec.FirstDay.DayNumber;
        var lastDay = spec.Today.DayNumber - 1 - first;
        var segments = new List<LogSegment>();
        foreach (var period in periods.Where(p => p.Logs))
        {
            var profile = Groups.Of(period.Group);
            var from = Math.Max(0, period.StartsOn.DayNumber - first);
            var to = Math.Min(lastDay, (period.EndsOn?.DayNumber ?? int.MaxValue) - first);
            var rate = profile.WeeklyRate / 7 * intensity;
            if (!profile.Duty)
            {
                Add(segments, from, to, rate, period.Group, exempt: false);
                continue;
            }
            var exemptRate = Groups.ExemptWeeklyRate / 7 * intensity;
            foreach (var exemption in exemptions.OrderBy(e => e.StartsOn))
            {
                var eFrom = Math.Max(from, exemption.StartsOn.DayNumber - first);
                var eTo = Math.Min(to, (exemption.EndsOn?.DayNumber ?? int.MaxValue) - first);
                if (eFrom > eTo) continue;
                Add(segments, from, eFrom - 1, rate, period.Group, exempt: false);
                Add(segments, eFrom, eTo, exemptRate, period.Group, exempt: true);
                from = eTo + 1;
            }
            Add(segments, from, to, rate, period.Group, exempt: false);
        }
        return segments.ToArray();
    }

    private static void Add(List<LogSegment> segments, int from, int to, double rate, Group group, bool exempt)
    {
        if (from <= to) segments.Add(new LogSegment(from, to, rate, group, exempt));
    }
}
