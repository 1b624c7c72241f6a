using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;

namespace Joblog.Web.Access;

/// <summary>One look at a citizen's data by someone else, as the citizen sees it in Historik → Login.</summary>
public sealed record AccessLook(long Id, DateTimeOffset At, string OrganisationId, string OrganisationName, string OrganisationKind,
    string ActorKind, string ActorName, string What);

public sealed record AccessLookPage(IReadOnlyList<AccessLook> Items, string? NextCursor);

/// <summary>
/// The citizen's access history (the rows the gate writes to <c>access_log</c>), newest first, keyset-paged by
/// (at, id). Only the citizen reaches it: the caller must hold the citizen's own <see cref="CitizenAccess"/>,
/// and reading it writes no access record.
/// </summary>
public sealed class AccessHistory(NpgsqlDataSource db)
{
    public async Task<AccessLookPage> ListAsync(CitizenAccess access, int limit, string? cursor, CancellationToken ct)
    {
        if (!access.IsOwner) throw new InvalidOperationException("Only the citizen reads their own access history.");
        var after = Decode(cursor);
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = (await conn.QueryAsync<Row>(new CommandDefinition(
            """
            select a.id, a.at, a.organisation_id as OrganisationId, o.name as OrganisationName, o.kind as OrganisationKind,
                   a.actor_kind as ActorKind, a.actor_name as ActorName, a.what
            from access_log a join organisations o on o.id = a.organisation_id
            where a.citizen_id = @citizenId
              and (@afterAt::timestamptz is null or (a.at, a.id) < (@afterAt::timestamptz, @afterId))
            order by a.at desc, a.id desc
            limit @take
            """,
            new { citizenId = access.CitizenId, afterAt = after?.At, afterId = after?.Id ?? 0L, take = limit + 1 },
            cancellationToken: ct))).Select(r => r.ToLook()).ToList();
        if (rows.Count <= limit) return new AccessLookPage(rows, null);
        rows.RemoveAt(limit);
        var last = rows[^1];
        return new AccessLookPage(rows, WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(new Cursor(last.At, last.Id))));
    }

    private sealed record Cursor(DateTimeOffset At, long Id);

    private sealed class Row
    {
        public long Id { get; init; }
        public DateTime At { get; init; }
        public string OrganisationId { get; init; } = "";
        public string OrganisationName { get; init; } = "";
        public string OrganisationKind { get; init; } = "";
        public string ActorKind { get; init; } = "";
        public string ActorName { get; init; } = "";
        public string What { get; init; } = "";

        public AccessLook ToLook() => new(Id, new DateTimeOffset(DateTime.SpecifyKind(At, DateTimeKind.Utc)), OrganisationId, OrganisationName,
            OrganisationKind, ActorKind, ActorName, What);
    }

    private static Cursor? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor)) return null;
        try { return JsonSerializer.Deserialize<Cursor>(Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor))) ?? throw new BadAccessCursorException(); }
        catch (Exception e) when (e is FormatException or JsonException) { throw new BadAccessCursorException(); }
    }

    /// <summary>
    /// The text key for a <c>what</c> code the gate records. Every code passed to the gate is here; an unknown one
    /// (an older or newer code) gets a generic text.
    /// </summary>
    public static string WhatKey(string what) => what switch
    {
        "citizen.lookup" => "History.What.CitizenLookup",
        "citizen.read" => "History.What.CitizenRead",
        "frontpage.read" => "History.What.FrontPage",
        "conversation.overview" => "History.What.ConversationOverview",
        "history.open" => "History.What.HistoryOpen",
        "joblog.list" => "History.What.JoblogList",
        "joblog.map" => "History.What.JoblogMap",
        "joblog.progress" => "History.What.JoblogProgress",
        "joblog.export" => "History.What.JoblogExport",
        "joblog.export.form" => "History.What.JoblogExportForm",
        "log.read" => "History.What.LogRead",
        "log.history" => "History.What.LogHistory",
        "log.write" => "History.What.LogWrite",
        "attachments.list" => "History.What.AttachmentsList",
        "attachment.download" => "History.What.AttachmentDownload",
        "attachment.write" => "History.What.AttachmentWrite",
        "jobgoals.read" => "History.What.JobGoalsRead",
        "jobgoals.write" => "History.What.JobGoalsWrite",
        "savedJobs.list" => "History.What.SavedJobsList",
        "savedJob.read" => "History.What.SavedJobRead",
        "savedJob.write" => "History.What.SavedJobWrite",
        "jobAds.search" => "History.What.JobAdsSearch",
        "calendar.read" => "History.What.CalendarRead",
        "calendar.feed" => "History.What.CalendarFeed",
        "worklist.open" => "History.What.WorklistOpen",
        "requirements.read" => "History.What.RequirementsRead",
        "requirements.write" => "History.What.RequirementsWrite",
        "exemptions.read" => "History.What.ExemptionsRead",
        "exemptions.write" => "History.What.ExemptionsWrite",
        "search.open" => "History.What.SearchOpen",
        _ => "History.What.Other",
    };
}

public sealed class BadAccessCursorException : Exception;
