using Joblog.Core.Logs;

namespace Joblog.Web.World;

/// <summary>
/// Streams a world's logs, month by month and within a month citizen by citizen, so a citizen's logs are spread over
/// the table as they would be after years of use. The logs of one citizen in one month come from their own random
/// stream: the same world always gives the same logs, however the work is split (<c>part</c> of <c>parts</c>).
/// </summary>
internal sealed class LogGenerator
{
    private const double JobSearchShare = 0.90, GoalShare = 0.85, SideShare = 0.12;
    private const int SecondsPerDay = 86_400, LatestSecond = 23 * 3600 - 1; // a DST day has 23 hours

    private readonly GeneratedWorld world;
    private readonly long[] midnightTicks; // UTC ticks of each day's Danish midnight, from the first day of the window
    private readonly (int From, int To)[] months;
    private readonly string[] municipalEmployers;
    private readonly Dictionary<string, (string[] Titles, string[] Employers, bool Municipal)> occupations;
    private readonly Weighted hours = new([1, 2, 4, 5, 5, 4, 4, 4, 3, 3, 3, 3, 4, 4, 3]); // 07–21 h, Danish time

    public LogGenerator(GeneratedWorld world)
    {
        this.world = world;
        var first = world.Spec.FirstDay;
        midnightTicks = Enumerable.Range(0, world.Days + 120)
            .Select(d => Access.DanishClock.Instant(first.AddDays(d)).UtcTicks).ToArray();
        months = Months(first, world.Days);
        municipalEmployers = world.Reference.Municipalities.Select(m => $"{m.Name} Kommune").ToArray();
        // Teaching, child care, elderly care and nursing: half of the jobs are the municipality's.
        occupations = world.Occupations.Titles.ToDictionary(o => o.Key, o => (o.Value, Names.EmployersFor(o.Key),
            o.Key is "2341" or "2342" or "5311" or "5321" or "5322" or "3221" or "2221"), StringComparer.Ordinal);
    }

    public IEnumerable<GeneratedLog> Generate(int part = 0, int parts = 1)
    {
        var log = new GeneratedLog();
        var citizens = world.Citizens;
        for (var month = 0; month < months.Length; month++)
        {
            var (from, to) = months[month];
            for (var c = part; c < citizens.Count; c += parts)
            {
                var citizen = citizens[c];
                if (citizen.Segments.Length == 0) continue;
                var rng = new Rng(world.Spec.Seed, (ulong)c, 1000 + (ulong)month);
                foreach (var segment in citizen.Segments)
                {
                    var a = Math.Max(from, segment.FirstDay);
                    var b = Math.Min(to, segment.LastDay);
                    if (a > b) continue;
                    var n = rng.Poisson((b - a + 1) * segment.RatePerDay * world.Scale);
                    for (var k = 0; k < n; k++)
                    {
                        Fill(log, citizen, segment, a + rng.Next(b - a + 1), ref rng);
                        yield return log;
                    }
                }
            }
        }
    }

    private void Fill(GeneratedLog log, WorldCitizen citizen, LogSegment segment, int day, ref Rng rng)
    {
        var age = world.Days - day; // 1 = yesterday
        var created = (hours.Next(ref rng) + 7) * 3600 + rng.Next(3600);
        log.Citizen = citizen;
        log.CreatedAt = At(day, created, ref rng);
        log.Id = rng.Uuid7(log.CreatedAt);
        log.Channel = ChannelOf(citizen, segment, ref rng);
        log.Kind = rng.Chance(JobSearchShare) ? LogKind.JobSearch : LogKind.OtherActivity;
        log.Version = 1;
        log.FirstStatus = null;
        log.FirstAppliedOn = null;
        log.FirstInterviewAt = null;
        if (log.Kind == LogKind.JobSearch) JobSearch(log, citizen, day, age, ref rng);
        else OtherActivity(log, citizen, day, age, ref rng);

        if (log.Version == 1)
        {
            log.UpdatedAt = log.CreatedAt;
            if (log.Status == LogStatus.Hired) log.InterviewAt = null; // logged only once hired: no interview time kept
        }
        else
        {
            var (changedDay, changedSecond) = Later(day, created, log.Status switch
            {
                LogStatus.Applied => 1 + rng.Exponential(4),
                LogStatus.Interview => 5 + rng.Exponential(10),
                _ => 7 + rng.Exponential(20),
            }, ref rng);
            log.UpdatedAt = At(changedDay, changedSecond, ref rng);
            // The change is what happened: applied on the day it was applied, invited after applying, hired after the interview.
            if (log.FirstStatus == LogStatus.NotApplied && log.Status != LogStatus.NotApplied) log.AppliedOn = Date(changedDay);
            if (log.Status == LogStatus.Interview && log.FirstStatus != LogStatus.Interview) log.InterviewAt = Interview(changedDay + 3 + rng.Next(18), ref rng);
            if (log.Status == LogStatus.Hired && log.InterviewAt is not null) log.InterviewAt = Interview(day + rng.Next(changedDay - day + 1), ref rng);
        }
        log.FirstInterviewAt = log.FirstStatus is LogStatus.Interview or LogStatus.Hired ? log.InterviewAt : null;
    }

    private void JobSearch(GeneratedLog log, WorldCitizen citizen, int day, int age, ref Rng rng)
    {
        var code = Occupation(citizen, ref rng);
        var (titles, employers, municipal) = occupations[code];
        var workplace = world.Geo.WorkplacePostalCode(citizen.Municipality, ref rng);
        var postal = world.Reference.PostalCodes[workplace];
        var status = LogStatuses.ByAge(age, ref rng);
        log.Status = status;
        log.JobTitle = titles[rng.Next(titles.Length)];
        log.OccupationCode = code;
        log.EmployerName = municipal && rng.Chance(0.5) ? municipalEmployers[postal.Municipality] : rng.Pick(employers);
        log.EmployerAddress = rng.Chance(0.3) ? rng.Pick(Names.Addresses) : null;
        log.EmployerPostalCode = postal.Number;
        log.EmployerCity = postal.Name;
        var contact = rng.Chance(0.35) ? rng.Next(Names.ContactNames.Length) : -1;
        log.ContactName = contact >= 0 ? Names.ContactNames[contact] : null;
        log.ContactEmail = contact >= 0 && rng.Chance(0.6) ? Names.ContactEmails[contact] : null;
        log.ContactPhone = contact >= 0 && rng.Chance(0.4) ? rng.Pick(Names.Phones) : null;
        log.ApplicationType = LogStatuses.ApplicationType(ref rng);
        var advertised = log.ApplicationType == Core.Logs.ApplicationType.Advertised;
        log.JobAdUrl = advertised && rng.Chance(0.6) ? rng.Pick(Names.JobAdUrls) : null;
        log.Deadline = advertised && rng.Chance(0.7) ? Date(day + 3 + rng.Next(26)) : null;
        log.WorkingTime = rng.Chance(code[0] is '5' or '9' ? 0.35 : 0.15) ? Core.Logs.WorkingTime.PartTime : Core.Logs.WorkingTime.FullTime;
        log.AppliedOn = status == LogStatus.NotApplied ? null : Date(day);
        log.PlannedOn = status == LogStatus.NotApplied || rng.Chance(0.05) ? Date(day + 1 + rng.Next(14)) : null;
        log.InterviewAt = status is LogStatus.Interview || (status is LogStatus.Hired && rng.Chance(0.7))
            ? Interview(day + 5 + rng.Next(21), ref rng)
            : null;
        log.Note = rng.Chance(0.05) ? rng.Pick(Names.Notes) : null;
        log.ActivityType = null;
        log.ActivityDate = null;
        log.Place = null;
        log.Description = null;
        log.Closed = LogStatuses.Closed(status, age, ref rng);
        LogStatuses.History(log, ref rng);
    }

    private void OtherActivity(GeneratedLog log, WorldCitizen citizen, int day, int age, ref Rng rng)
    {
        var type = LogStatuses.ActivityType(ref rng);
        log.Status = null;
        log.JobTitle = log.OccupationCode = log.EmployerName = log.EmployerAddress = log.EmployerPostalCode = log.EmployerCity = null;
        log.ContactName = log.ContactEmail = log.ContactPhone = log.JobAdUrl = null;
        log.ApplicationType = null;
        log.WorkingTime = null;
        log.Deadline = log.AppliedOn = log.PlannedOn = null;
        log.InterviewAt = null;
        log.ActivityType = type;
        log.ActivityDate = Date(day);
        log.Place = rng.Chance(0.7) ? world.Reference.PostalCodes[world.Geo.WorkplacePostalCode(citizen.Municipality, ref rng)].Name : null;
        log.Description = rng.Pick(Names.Activities[(int)type]);
        log.Note = rng.Chance(0.03) ? rng.Pick(Names.Notes) : null;
        log.Closed = LogStatuses.Closed(null, age, ref rng);
        log.Version = log.Closed ? 2 : 1;
    }

    /// <summary>85 % a job goal (the first more often), 12 % one of the citizen's side occupations, 3 % anything frequent.</summary>
    private string Occupation(WorldCitizen citizen, ref Rng rng)
    {
        var x = rng.NextDouble();
        var goals = citizen.Goals;
        if (x < GoalShare || (x < GoalShare + SideShare && citizen.SideOccupations.Length == 0))
        {
            var y = rng.NextDouble();
            var i = goals.Length == 1 ? 0 : y < 0.5 ? 0 : goals.Length == 2 || y < 0.8 ? 1 : 2;
            return goals[i].OccupationCode;
        }
        return x < GoalShare + SideShare ? rng.Pick(citizen.SideOccupations) : world.Occupations.Pick(citizen.Graduate, ref rng);
    }

    private static Channel ChannelOf(WorldCitizen citizen, LogSegment segment, ref Rng rng)
    {
        var x = rng.NextDouble();
        if (citizen.Akasse is not null && Groups.Insured(segment.Group)) return x < 0.20 ? Channel.Akasse : x < 0.22 ? Channel.Jobcenter : Channel.Jobnet;
        return x < 0.03 ? Channel.Jobcenter : Channel.Jobnet;
    }

    /// <summary>A day and time <paramref name="days"/> after the given one, never later than the end of yesterday.</summary>
    private (int Day, int Second) Later(int day, int second, double days, ref Rng rng)
    {
        var later = day + (int)days;
        if (later >= world.Days) later = day + rng.Next(world.Days - day);
        var earliest = later == day ? second + 1 : 7 * 3600; // created before 22:00, so there is room
        return (later, earliest + rng.Next(LatestSecond - earliest + 1));
    }

    /// <summary>An interview on the day, on the hour or half hour between 09:00 and 15:30.</summary>
    private DateTime Interview(int day, ref Rng rng) => At(day, (9 + rng.Next(7)) * 3600 + rng.Next(2) * 1800, ref rng, exact: true);

    private DateOnly Date(int day) => world.Spec.FirstDay.AddDays(day);

    /// <summary>UTC time of a Danish day and second of that day (with random microseconds unless <paramref name="exact"/>).</summary>
    private DateTime At(int day, int second, ref Rng rng, bool exact = false) =>
        new(midnightTicks[day] + Math.Min(second, SecondsPerDay - 1) * TimeSpan.TicksPerSecond
            + (exact ? 0 : rng.Next(1_000_000) * 10L), DateTimeKind.Utc);

    private static (int, int)[] Months(DateOnly first, int days)
    {
        var months = new List<(int, int)>();
        var start = 0;
        while (start < days)
        {
            var date = first.AddDays(start);
            var next = new DateOnly(date.Year, date.Month, 1).AddMonths(1).DayNumber - first.DayNumber;
            months.Add((start, Math.Min(days, next) - 1));
            start = next;
        }
        return months.ToArray();
    }
}
