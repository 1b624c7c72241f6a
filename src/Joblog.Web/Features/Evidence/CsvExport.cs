using System.Text;
using Joblog.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.Evidence;

/// <summary>
/// The joblog as a CSV file that opens right in Danish Excel: UTF-8 with BOM, fields separated by <c>;</c>, lines ended by
/// CRLF, Danish headers. A field with <c>;</c>, <c>"</c> or a line break is quoted (<c>"</c> doubled); a field that
/// starts with <c>= + - @</c>, tab or CR gets a leading <c>'</c> so that a spreadsheet never runs it as a formula.
/// </summary>
public static class CsvExport
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];
    private static readonly char[] MustQuote = [';', '"', '\r', '\n'];

    public static byte[] Write(IReadOnlyList<PlacedLog> logs, IReadOnlyDictionary<Guid, IReadOnlyList<StatusStep>> history, IStringLocalizer<Texts> t) =>
        Write(logs.Select(log =>
            {
                var steps = history.TryGetValue(log.Log.Id, out var s) ? s : [];
                return EvidenceFields.Of(log, t).Select(f => f.Value).Append(string.Join("\n", steps.Select(step => EvidenceFields.Step(step, t))));
            })
            .Prepend(EvidenceFields.Of(null, t).Select(f => f.Label).Append(t["Export.Column.StatusHistory"].Value)));

    /// <summary>Any table as such a file: the first line is the header.</summary>
    public static byte[] Write(IEnumerable<IEnumerable<string>> lines)
    {
        var text = new StringBuilder();
        foreach (var cells in lines) text.AppendJoin(';', cells.Select(Cell)).Append("\r\n");
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())];
    }

    public static string Cell(string value)
    {
        if (value.Length > 0 && Array.IndexOf(FormulaStarts, value[0]) >= 0) value = "'" + value;
        return value.IndexOfAny(MustQuote) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
