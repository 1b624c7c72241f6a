using Joblog.Core.Logs;
using Npgsql;
using NpgsqlTypes;

namespace Joblog.Web.World;

/// <summary>One table of a world: its COPY column list and how a row is written (binary COPY).</summary>
internal sealed record WorldTable(string Name, string Columns, Func<GeneratedWorld, NpgsqlBinaryImporter, Action<long>, long> Write)
{
    public string CopySql(bool freeze) => $"copy {Name} ({Columns}) from stdin (format binary{(freeze ? ", freeze" : "")})";
}

/// <summary>The rows of a world, table by table, in the order foreign keys need.</summary>
internal static class WorldRows
{
    /// <summary>Every <paramref name="ReportEvery"/> rows a writer reports its count.</summary>
    public const int ReportEvery = 1 << 16;

    public static readonly WorldTable Citizens = new("citizens", "id, cpr, name, municipality_code, postal_code, akasse_id, created_at",
        (world, w, report) => Each(world.Citizens, report, c =>
        {
            w.StartRow();
            w.Write(c.Id, NpgsqlDbType.Uuid);
            w.Write(c.Cpr, NpgsqlDbType.Text);
            w.Write(c.Name, NpgsqlDbType.Text);
            w.Write(world.Reference.Municipalities[c.Municipality].Code, NpgsqlDbType.Text);
            w.Write(world.Reference.PostalCodes[c.PostalCode].Number, NpgsqlDbType.Text);
            Text(w, c.Akasse);
            w.Write(c.CreatedAt, NpgsqlDbType.TimestampTz);
        }));

    public static readonly WorldTable Periods = new("target_group_periods", "id, citizen_id, target_group, starts_on, ends_on",
        (world, w, report) => Each(world.Citizens.SelectMany(c => c.Periods.Select(p => (c, p))), report, x =>
        {
            w.StartRow();
            w.Write(x.p.Id, NpgsqlDbType.Uuid);
            w.Write(x.c.Id, NpgsqlDbType.Uuid);
            w.Write(Groups.Code(x.p.Group), NpgsqlDbType.Text);
            w.Write(x.p.StartsOn, NpgsqlDbType.Date);
            Date(w, x.p.EndsOn);
        }));

    public static readonly WorldTable Exemptions = new("exemptions", "id, citizen_id, starts_on, ends_on, reason, granted_by, created_at",
        (world, w, report) => Each(world.Citizens.SelectMany(c => c.Exemptions.Select(e => (c, e))), report, x =>
        {
            w.StartRow();
            w.Write(x.e.Id, NpgsqlDbType.Uuid);
            w.Write(x.c.Id, NpgsqlDbType.Uuid);
            w.Write(x.e.StartsOn, NpgsqlDbType.Date);
            Date(w, x.e.EndsOn);
            w.Write(x.e.Reason, NpgsqlDbType.Text);
            w.Write(x.e.GrantedBy, NpgsqlDbType.Text);
            w.Write(Access.DanishClock.Instant(x.e.StartsOn, new TimeOnly(10, 0)).UtcDateTime, NpgsqlDbType.TimestampTz);
        }));

    public static readonly WorldTable JobGoals = new("job_goals",
        "id, citizen_id, position, occupation_code, trained, experience_years, experience_months, last_worked_year, created_at",
        (world, w, report) => Each(world.Citizens.SelectMany(c => c.Goals.Select((g, i) => (c, g, i))), report, x =>
        {
            w.StartRow();
            w.Write(x.g.Id, NpgsqlDbType.Uuid);
            w.Write(x.c.Id, NpgsqlDbType.Uuid);
            w.Write(x.i + 1, NpgsqlDbType.Integer);
            w.Write(x.g.OccupationCode, NpgsqlDbType.Text);
            w.Write(x.g.Trained, NpgsqlDbType.Boolean);
            w.Write(x.g.ExperienceYears, NpgsqlDbType.Integer);
            w.Write(x.g.ExperienceMonths, NpgsqlDbType.Integer);
            if (x.g.LastWorkedYear is { } year) w.Write(year, NpgsqlDbType.Integer); else w.WriteNull();
            w.Write(x.c.CreatedAt, NpgsqlDbType.TimestampTz);
        }));

    public static readonly IReadOnlyList<WorldTable> People = [Citizens, Periods, Exemptions, JobGoals];

    public static long Each<T>(IEnumerable<T> items, Action<long> report, Action<T> write)
    {
        long n = 0;
        foreach (var item in items)
        {
            write(item);
            if (++n % ReportEvery == 0) report(n);
        }
        report(n);
        return n;
    }

    public static void Text(NpgsqlBinaryImporter w, string? value)
    {
        if (value is null) w.WriteNull(); else w.Write(value, NpgsqlDbType.Text);
    }

    public static void Date(NpgsqlBinaryImporter w, DateOnly? value)
    {
        if (value is { } d) w.Write(d, NpgsqlDbType.Date); else w.WriteNull();
    }

    public static void Time(NpgsqlBinaryImporter w, DateTime? value)
    {
        if (value is { } t) w.Write(t, NpgsqlDbType.TimestampTz); else w.WriteNull();
    }

    /// <summary>Enum values as the database spells them ("notApplied"), computed once.</summary>
    public static string[] Spellings<T>() where T : struct, Enum => Enum.GetValues<T>().Select(ApiNames.Of).ToArray();
}
