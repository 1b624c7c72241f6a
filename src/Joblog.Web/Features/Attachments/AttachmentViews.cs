using System.Globalization;
using Joblog.Core.Logs;
using Joblog.Web.Features.Logs;
using Joblog.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.Attachments;

/// <summary>The attachments section of a log's page (<c>_Attachments.cshtml</c>).</summary>
public sealed record AttachmentsSection(Guid LogId, bool CanChange, IReadOnlyList<Attachment> Items)
{
    public bool CanAdd => CanChange && Items.Count < AttachmentLimits.MaxPerLog;
}

/// <summary>The upload form (<c>_UploadForm.cshtml</c>), on the log's page and, with its error, on the upload page.</summary>
public sealed record UploadFormView(Guid LogId, string? Error = null);

/// <summary>One line of a log's history on its page: a version of the log, or a file added or deleted.</summary>
public sealed record HistoryLine(DateTimeOffset At, string Channel, string ActorName, LogVersion? Version, AttachmentEvent? Attachment)
{
    public static IReadOnlyList<HistoryLine> Merge(IEnumerable<LogVersion> versions, IEnumerable<AttachmentEvent> events) =>
        versions.Select(v => new HistoryLine(v.At, v.Channel, v.ActorName, v, null))
            .Concat(events.Select(e => new HistoryLine(e.At, e.Channel, e.ActorName, null, e)))
            .OrderByDescending(l => l.At)
            .ToList();
}

public static class AttachmentFormat
{
    /// <summary>What a log is called on its page: the job title, or the kind of activity.</summary>
    public static string LogTitle(Log log, IStringLocalizer<Texts> t) =>
        log.Content.Kind == LogKind.JobSearch ? log.Content.JobTitle ?? "" : t.Name(log.Content.ActivityType ?? ActivityType.Other);

    /// <summary>"830 byte", "42 kB", "1,2 MB" (in the current culture).</summary>
    public static string Size(long bytes, IStringLocalizer<Texts> t) => bytes switch
    {
        < 1024 => t["Attachments.Size.Bytes", bytes],
        < 1024 * 1024 => t["Attachments.Size.KB", Math.Ceiling(bytes / 1024.0).ToString("0", CultureInfo.CurrentCulture)],
        _ => t["Attachments.Size.MB", (bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.CurrentCulture)],
    };

    /// <summary>The kind's name ("PDF", "Word (DOCX)"), from the stored content type.</summary>
    public static string Kind(string contentType, IStringLocalizer<Texts> t) =>
        FileKind.ByContentType(contentType) is { } kind ? t[$"Attachments.Kind.{kind.Name}"] : contentType;
}
