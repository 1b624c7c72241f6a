using System.Text.Json;
using Joblog.Core.Logs;
using Joblog.Web.Api;
using Joblog.Web.Features.Logs;
using Npgsql;
using NpgsqlTypes;
using static Joblog.Web.World.WorldRows;

namespace Joblog.Web.World;

/// <summary>The <c>logs</c> and <c>log_versions</c> rows of a world, streamed from <see cref="LogGenerator"/>.</summary>
internal static class LogRows
{
    public const string LogColumns = """
        id, citizen_id, kind, status, job_title, occupation_code, employer_name, employer_address, employer_postal_code,
        employer_city, contact_name, contact_phone, contact_email, job_ad_url, deadline, application_type, working_time,
        applied_on, interview_at, planned_on, activity_type, activity_date, place, description, note, closed, created_at,
        updated_at, channel, version
        """;

    public const string VersionColumns = "log_id, version, at, channel, actor_kind, actor_id, actor_name, change, changed_fields, snapshot";

    private static readonly string[] Kinds = Spellings<LogKind>(), Statuses = Spellings<LogStatus>(),
        ApplicationTypes = Spellings<ApplicationType>(), WorkingTimes = Spellings<WorkingTime>(),
        ActivityTypes = Spellings<ActivityType>(), Channels = Spellings<Channel>();

    public static WorldTable Logs(int part, int parts) => new("logs", LogColumns,
        (world, w, report) => Each(new LogGenerator(world).Generate(part, parts), report, log => Write(w, log)));

    public static WorldTable Versions(int part, int parts) => new("log_versions", VersionColumns,
        (world, w, report) =>
        {
            long rows = 0;
            Each(new LogGenerator(world).Generate(part, parts), _ => report(rows), log => rows += WriteVersions(w, log));
            report(rows);
            return rows;
        });

    private static void Write(NpgsqlBinaryImporter w, GeneratedLog log)
    {
        w.StartRow();
        w.Write(log.Id, NpgsqlDbType.Uuid);
        w.Write(log.Citizen.Id, NpgsqlDbType.Uuid);
        w.Write(Kinds[(int)log.Kind], NpgsqlDbType.Text);
        Text(w, log.Status is { } s ? Statuses[(int)s] : null);
        Text(w, log.JobTitle);
        Text(w, log.OccupationCode);
        Text(w, log.EmployerName);
        Text(w, log.EmployerAddress);
        Text(w, log.EmployerPostalCode);
        Text(w, log.EmployerCity);
        Text(w, log.ContactName);
        Text(w, log.ContactPhone);
        Text(w, log.ContactEmail);
        Text(w, log.JobAdUrl);
        Date(w, log.Deadline);
        Text(w, log.ApplicationType is { } a ? ApplicationTypes[(int)a] : null);
        Text(w, log.WorkingTime is { } t ? WorkingTimes[(int)t] : null);
        Date(w, log.AppliedOn);
        Time(w, log.InterviewAt);
        Date(w, log.PlannedOn);
        Text(w, log.ActivityType is { } at ? ActivityTypes[(int)at] : null);
        Date(w, log.ActivityDate);
        Text(w, log.Place);
        Text(w, log.Description);
        Text(w, log.Note);
        w.Write(log.Closed, NpgsqlDbType.Boolean);
        w.Write(log.CreatedAt, NpgsqlDbType.TimestampTz);
        w.Write(log.UpdatedAt, NpgsqlDbType.TimestampTz);
        w.Write(Channels[(int)log.Channel], NpgsqlDbType.Text);
        w.Write(log.Version, NpgsqlDbType.Integer);
    }

    /// <summary>
    /// The history of a log as <see cref="LogStore"/> writes it: by the citizen, through the log's channel, with the
    /// snapshot of each version and the fields it changed.
    /// </summary>
    private static int WriteVersions(NpgsqlBinaryImporter w, GeneratedLog log)
    {
        var first = log.FirstContent();
        var created = new DateTimeOffset(log.CreatedAt, TimeSpan.Zero);
        var v1 = new Log(log.Id, log.Citizen.Id, first, created, created, log.Channel, 1);
        var fields = LogChange.ChangedFields(new LogContent { Kind = first.Kind }, first).Append("kind").Distinct().ToArray();
        WriteVersion(w, v1, ChangeKind.Created, fields, log.Citizen);
        if (log.Version == 1) return 1;

        var content = log.Content();
        var v2 = v1 with { Content = content, UpdatedAt = new DateTimeOffset(log.UpdatedAt, TimeSpan.Zero), Version = 2 };
        WriteVersion(w, v2, LogChange.Classify(first, content) ?? ChangeKind.Updated, LogChange.ChangedFields(first, content).ToArray(), log.Citizen);
        return 2;
    }

    private static void WriteVersion(NpgsqlBinaryImporter w, Log log, ChangeKind change, string[] fields, WorldCitizen citizen)
    {
        w.StartRow();
        w.Write(log.Id, NpgsqlDbType.Uuid);
        w.Write(log.Version, NpgsqlDbType.Integer);
        w.Write(log.UpdatedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
        w.Write(Channels[(int)log.Channel], NpgsqlDbType.Text);
        w.Write("citizen", NpgsqlDbType.Text);
        w.Write(citizen.Id.ToString(), NpgsqlDbType.Text);
        w.Write(citizen.Name, NpgsqlDbType.Text);
        w.Write(ApiNames.Of(change), NpgsqlDbType.Text);
        w.Write(fields, NpgsqlDbType.Array | NpgsqlDbType.Text);
        w.Write(JsonSerializer.Serialize(LogDto.From(log), ApiJson.Options), NpgsqlDbType.Jsonb);
    }
}
