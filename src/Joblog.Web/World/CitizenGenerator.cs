using Joblog.Web.Access;

namespace Joblog.Web.World;

/// <summary>
/// Generates the citizens of a world, one independent random stream per citizen: who they are (CPR, name, age), where
/// they live, their target-group periods, a-kasse, exemptions, job goals and when they log.
/// </summary>
internal sealed class CitizenGenerator(WorldSpec spec, WorldReference reference, Geo geo, Occupations occupations)
{
    private static readonly string[] ExemptionReasons =
    [
        "Nedsat fysisk funktionsevne (LAS § 75, stk. 5)",
        "Nedsat psykisk funktionsevne (LAS § 75, stk. 5)",
        "Nedsat fysisk og psykisk funktionsevne (LAS § 75, stk. 5)",
    ];

    private readonly Dictionary<(int Day, bool Woman), int> cprsPerBirthDay = [];
    private readonly Weighted trackChoice = new(Groups.All.Select(g => g.ShareToday).Append(Groups.LeftForWorkShare).ToList());
    private readonly Weighted[] ageChoice = Groups.All.Select(g => new Weighted(g.AgesToday.Select(a => a.Weight).ToList())).ToArray();

    public WorldCitizen[] Generate()
    {
        var municipalities = MunicipalityOfEach();
        var citizens = new WorldCitizen[municipalities.Length];
        for (var i = 0; i < citizens.Length; i++) citizens[i] = One(i, municipalities[i]);
        return citizens;
    }

    private WorldCitizen One(int index, int municipality)
    {
        var rng = new Rng(spec.Seed, (ulong)index, 1);
        var track = trackChoice.Next(ref rng);
        Group? open = track < Groups.All.Length ? (Group)track : null;
        var ages = Groups.Of(open ?? Group.Dagpenge).AgesToday;
        var band = ages[ageChoice[(int)(open ?? Group.Dagpenge)].Next(ref rng)];
        var woman = rng.Chance(0.5);
        var birth = spec.Today.AddYears(-rng.Between(band.From, band.To)).AddDays(-1 - rng.Next(364));
        var (cpr, birthDate) = Cpr(birth, woman);

        var periods = PeriodHistory.Build(ref rng, open, birthDate, spec.FirstDay, spec.Today)
            .Select(p => new WorldPeriod(rng.Uuid4(), p.Group, p.Starts, p.Ends, rng.Chance(Groups.Of(p.Group).Propensity)))
            .ToArray();
        var graduate = open == Group.Dimittend || periods.Any(p => p.Group == Group.Dimittend)
            || (open == Group.Dagpenge && rng.Chance(0.25));
        var insured = periods.Any(p => Groups.Insured(p.Group));
        var memberChance = insured ? 1 : open is Group.Jobready or Group.Educationready ? 0.05 : 0.3;
        var akasse = rng.Chance(memberChance) ? occupations.PickAkasse(graduate, ref rng) : null;
        var exemptions = Exemptions(ref rng, periods, reference.Municipalities[municipality].Code);
        var goals = Goals(ref rng, graduate, PeriodHistory.Age(birthDate, spec.Today));
        var side = Enumerable.Range(0, rng.Between(1, 2)).Select(_ => occupations.Pick(graduate, ref rng))
            .Where(c => goals.All(g => g.OccupationCode != c)).Distinct().ToArray();
        var intensity = Math.Exp(0.5 * rng.Normal() - 0.125); // citizens differ in how much they log; mean 1

        var first = periods.Length > 0 ? periods[0].StartsOn : spec.Today.AddDays(-1);
        return new WorldCitizen
        {
            Index = index, Id = rng.Uuid4(), Cpr = cpr, Name = Names.Person(woman, ref rng), Municipality = municipality,
            PostalCode = geo.PostalCodeIn(municipality, ref rng), Akasse = akasse, BirthDate = birthDate,
            CreatedAt = DanishClock.Instant(first, new TimeOnly(8, 0)).UtcDateTime, Graduate = graduate,
            Periods = periods, Exemptions = exemptions, Goals = goals, SideOccupations = side,
            Segments = LogSegments.For(periods, exemptions, spec, intensity),
        };
    }

    /// <summary>The municipality of every citizen, in citizen order: exact counts, or drawn by weight (default: population).</summary>
    private int[] MunicipalityOfEach()
    {
        var index = reference.Municipalities.Select((m, i) => (m.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        int Index(string code) => index.TryGetValue(code, out var i) ? i
            : throw new ArgumentException($"Unknown municipality code {code}.");
        if (spec.MunicipalityCounts is { } counts)
            return counts.OrderBy(c => c.Key, StringComparer.Ordinal).SelectMany(c => Enumerable.Repeat(Index(c.Key), c.Value)).ToArray();

        var weights = spec.MunicipalityWeights?.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => (Index(w.Key), w.Value)).ToList()
            ?? reference.Municipalities.Select((m, i) => (i, (double)m.Population)).ToList();
        var choice = new Weighted(weights.Select(w => w.Item2).ToList());
        var rng = new Rng(spec.Seed, 0, 2);
        return Enumerable.Range(0, spec.Citizens).Select(_ => weights[choice.Next(ref rng)].Item1).ToArray();
    }

    /// <summary>
    /// A replacement CPR number (erstatningspersonnummer: day of month + 60, so never a real person's number). Serial:
    /// century digit (1–3 for 19xx, 4 or 9 for 20xx), the namespace digit, two digits counting the people of that birth
    /// day and sex, the last digit odd for men and even for women. A full birth day moves the birth a day on.
    /// </summary>
    private (string Cpr, DateOnly Birth) Cpr(DateOnly birth, bool woman)
    {
        while (true)
        {
            int[] centuryDigits = birth.Year >= 2000 ? [4, 9] : [1, 2, 3];
            var key = (birth.DayNumber, woman);
            var n = cprsPerBirthDay.GetValueOrDefault(key);
            if (n < centuryDigits.Length * 50)
            {
                cprsPerBirthDay[key] = n + 1;
                var serial = centuryDigits[n / 50] * 1000 + spec.CprNamespace * 100 + n % 50 * 2 + (woman ? 0 : 1);
                return ($"{birth.Day + 60:00}{birth.Month:00}{birth.Year % 100:00}-{serial:0000}", birth);
            }
            birth = birth.AddDays(1);
        }
    }

    private WorldExemption[] Exemptions(ref Rng rng, WorldPeriod[] periods, string municipalityCode)
    {
        var yesterday = spec.Today.AddDays(-1);
        var exemptions = new List<WorldExemption>();
        foreach (var period in periods)
        {
            var profile = Groups.Of(period.Group);
            var isOpen = period.EndsOn is null;
            if (!profile.Duty || !rng.Chance(profile.ExemptionChance * (isOpen ? 1 : 0.5))) continue;
            var last = period.EndsOn ?? yesterday;
            var start = period.StartsOn.AddDays(rng.Next(last.DayNumber - period.StartsOn.DayNumber + 1));
            var end = start.AddDays(PeriodHistory.Clip(rng.Exponential(120), 14, 720));
            DateOnly? ends = isOpen && (end > yesterday || rng.Chance(0.7)) ? null : end > last ? last : end;
            exemptions.Add(new WorldExemption(rng.Uuid4(), start, ends, rng.Pick(ExemptionReasons), $"jc-{municipalityCode}"));
        }
        return exemptions.ToArray();
    }

    private WorldJobGoal[] Goals(ref Rng rng, bool graduate, int age)
    {
        var count = rng.NextDouble() switch { < 0.45 => 1, < 0.80 => 2, _ => 3 };
        var codes = new List<string> { occupations.Pick(graduate, ref rng) };
        for (var tries = 0; codes.Count < count && tries < 20; tries++)
        {
            var code = occupations.Pick(graduate, ref rng);
            var sameField = code[0] == codes[0][0];
            if (!codes.Contains(code) && (sameField || tries >= 5 || rng.Chance(0.5))) codes.Add(code);
        }
        var goals = new WorldJobGoal[codes.Count];
        for (var i = 0; i < goals.Length; i++)
        {
            var years = Math.Min(age - 18, (int)rng.Exponential(6));
            var months = rng.Next(12);
            int? lastWorked = years + months > 0 ? spec.Today.Year - Math.Min((int)rng.Exponential(1.5), Math.Max(0, age - 18)) : null;
            var trained = rng.Chance(codes[i][0] is '2' or '3' or '7' ? 0.7 : 0.25);
            goals[i] = new WorldJobGoal(rng.Uuid4(), codes[i], trained, years, months, lastWorked);
        }
        return goals;
    }
}
