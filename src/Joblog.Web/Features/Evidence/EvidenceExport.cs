using Joblog.Web.Access;
using Joblog.Web.Features.Evidence.Pdf;
using Joblog.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.Evidence;

public enum ExportFormat { Pdf, Csv }

/// <summary>A file to download.</summary>
public sealed record ExportFile(byte[] Content, string ContentType, string FileName);

/// <summary>
/// The evidence export, shared by the page and the API: the logs whose day (<see cref="EvidenceDates.DayOf"/>) lies in
/// the period, oldest first, with their status histories, as PDF or CSV. The caller opens the citizen through the gate
/// (one look per export).
/// </summary>
public sealed class EvidenceExport(EvidenceQuery query, TimeProvider clock, IStringLocalizer<Texts> t)
{
    public const string PdfType = "application/pdf";
    public const string CsvType = "text/csv";

    /// <summary>The default period: the last three months, up to and including today.</summary>
    public static (DateOnly From, DateOnly To) DefaultPeriod(DateOnly today) => (today.AddMonths(-3).AddDays(1), today);

    public async Task<ExportFile> CreateAsync(CitizenAccess access, DateOnly from, DateOnly to, ExportFormat format, CancellationToken ct)
    {
        var subject = await query.SubjectAsync(access, ct);
        var logs = (await query.LogsAsync(access, subject.Home, ct))
            .Where(l => l.Day >= from && l.Day <= to)
            .OrderBy(l => l.Day).ThenBy(l => l.Log.CreatedAt)
            .ToList();
        var history = await query.StatusHistoryAsync(access, logs.Select(l => l.Log.Id).ToList(), ct);
        var name = $"joblog-{from:yyyy-MM-dd}-til-{to:yyyy-MM-dd}";
        return format == ExportFormat.Csv
            ? new ExportFile(CsvExport.Write(logs, history, t), CsvType + "; charset=utf-8", name + ".csv")
            : new ExportFile(EvidencePdf.Write(subject, from, to, clock.GetUtcNow(), logs, history, t), PdfType, name + ".pdf");
    }
}
