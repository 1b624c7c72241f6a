using System.Globalization;
using System.Text;
using Joblog.Web.Features.Evidence;
using Joblog.Web.Features.Logs;
using Joblog.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.Search;

/// <summary>
/// A search's result as a CSV file for Danish Excel, written row by row as the database returns them: UTF-8 with BOM,
/// <c>;</c> between fields, CRLF, a Danish header, one row per citizen with the CPR number. Numbers are written the Danish
/// way (decimal comma: <c>12,5</c>), dates <c>dd-MM-yyyy</c>; quoting and the formula guard are <see cref="CsvExport.Cell"/>'s.
/// </summary>
public static class SearchCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public static string FileName(DateOnly today) => $"udsoegning-{today:yyyy-MM-dd}.csv";

    public static async Task WriteAsync(IAsyncEnumerable<SearchHit> hits, Stream body, IStringLocalizer<Texts> t, CancellationToken ct)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
        var line = new StringBuilder(256); // one line at a time, the same buffer for every row
        foreach (var column in Columns) Cell(line, t[column].Value);
        await EndAsync(writer, line, ct);
        await foreach (var hit in hits.WithCancellation(ct))
        {
            Cell(line, hit.Cpr ?? "");
            Cell(line, hit.Name);
            Cell(line, SearchTexts.TargetGroup(t, hit.TargetGroup));
            line.Append(hit.Applications).Append(';').Append(hit.DistinctJobTitles).Append(';');
            Cell(line, Km(hit.MaxDistanceKm, Danish));
            Cell(line, LogFormat.Date(hit.LastActivityOn));
            await EndAsync(writer, line, ct);
        }
        await writer.FlushAsync(ct);
    }

    /// <summary>The header's text keys, in column order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "Search.Csv.Cpr", "Search.Column.Name", "Search.Column.TargetGroup", "Search.Column.Applications", "Search.Column.DistinctJobTitles",
        "Search.Column.MaxDistanceKm", "Search.Column.LastActivityOn",
    ];

    /// <summary>Kilometres with one decimal.</summary>
    public static string Km(double? km, IFormatProvider culture) => km is { } d ? Math.Round(d, 1).ToString("0.0", culture) : "";

    private static void Cell(StringBuilder line, string value) => line.Append(CsvExport.Cell(value)).Append(';');

    /// <summary>Ends the line (the last <c>;</c> becomes CRLF) and writes it.</summary>
    private static async Task EndAsync(StreamWriter writer, StringBuilder line, CancellationToken ct)
    {
        line.Length--;
        line.Append("\r\n");
        await writer.WriteAsync(line, ct);
        line.Clear();
    }
}
