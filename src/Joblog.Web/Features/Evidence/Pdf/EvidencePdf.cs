using System.Globalization;
using Joblog.Core.Logs;
using Joblog.Web.Features.Logs;
using Joblog.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.Evidence.Pdf;

/// <summary>The joblog as a PDF to hand in: title, period, date of export, then each log with its fields and status history.</summary>
internal static class EvidencePdf
{
    private static readonly double[] HistoryWidths = [95, 190, 100, 110];

    public static byte[] Write(EvidenceSubject subject, DateOnly from, DateOnly to, DateTimeOffset exportedAt, IReadOnlyList<PlacedLog> logs,
        IReadOnlyDictionary<Guid, IReadOnlyList<StatusStep>> history, IStringLocalizer<Texts> t)
    {
        var title = t["Export.Pdf.Title", subject.Name].Value;
        var period = t["Export.Pdf.Period", LogFormat.Date(from), LogFormat.Date(to)].Value;
        var layout = new PdfTextLayout();
        layout.Heading(title, 18);
        layout.Paragraph(period, 11, strong: true);
        layout.Paragraph(t["Export.Pdf.ExportedAt", LogFormat.DateTime(exportedAt)]);
        layout.Paragraph(t["Export.Pdf.Count", logs.Count, logs.Count(l => ProgressFigures.IsApplication(l.Log))]);
        layout.Paragraph(t["Export.Rule"]);
        if (logs.Count == 0) layout.Paragraph(t["Export.Pdf.NoLogs"], strong: true);

        foreach (var log in logs)
        {
            layout.Rule();
            var c = log.Log.Content;
            var heading = c.Kind == LogKind.JobSearch
                ? string.Join(" – ", new[] { c.JobTitle, c.EmployerName }.Where(s => !string.IsNullOrWhiteSpace(s)))
                : t.Name(c.ActivityType ?? ActivityType.Other);
            layout.Heading($"{LogFormat.Date(log.Day)}  {heading}", 12);
            foreach (var (label, value) in EvidenceFields.Of(log, t).Where(f => f.Value.Length > 0))
                layout.Field(label, value);

            layout.Space(4);
            layout.Paragraph(t["Export.Column.StatusHistory"], 9.5, strong: true);
            layout.TableRow([t["Export.Pdf.When"], t["Export.Pdf.What"], t["Log.History.Channel"], t["Log.History.Who"]], HistoryWidths, header: true);
            foreach (var step in history.TryGetValue(log.Log.Id, out var steps) ? steps : [])
            {
                var what = t[$"Log.Change.{step.Change}"].Value + (step.Status is { } s ? ": " + t.Name(s) : "");
                layout.TableRow([LogFormat.DateTime(step.At), what, t[$"Log.Channel.{step.Channel}"], step.ActorName], HistoryWidths);
            }
        }
        return layout.Finish(title, $"{title} · {period}", (n, of) => t["Export.Pdf.PageOf", n, of],
            CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, exportedAt);
    }
}
