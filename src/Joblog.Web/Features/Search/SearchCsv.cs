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
        await LineAsync(writer, Columns.Select(c => t[c].Value));
        await foreach (var hit in hits.WithCancellation(ct))
        {
            await LineAsync(writer,
            [
                hit.Cpr ?? "", hit.Name, SearchTexts.TargetGroup(t, hit.TargetGroup), hit.Applications.ToString(CultureInfo.InvariantCulture),
                hit.DistinctJobTitles.ToString(CultureInfo.InvariantCulture), Km(hit.MaxDistanceKm, Danish), LogFormat.Date(hit.LastActivityOn),
            ]);
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

    private static Task LineAsync(StreamWriter writer, IEnumerable<string> cells)
    {
        var line = new StringBuilder();
        line.AppendJoin(';', cells.Select(CsvExport.Cell)).Append("\r\n");
        return writer.WriteAsync(line.ToString());
    }
}
