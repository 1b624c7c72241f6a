using System.Text;

namespace Joblog.Web.Features.Evidence.Pdf;

/// <summary>
/// Flows text down A4 pages: headings, wrapped paragraphs, label/value rows and table rows, a new page when one is
/// full, and "Side N af M" with a running title at the foot of every page once all pages are known.
/// </summary>
internal sealed class PdfTextLayout
{
    public const double Margin = 50, FooterSpace = 36;
    public const double ContentWidth = PdfDocumentBuilder.PageWidth - 2 * Margin;

    private readonly PdfDocumentBuilder doc = new();
    private readonly TrueTypeFont regular = TrueTypeFont.Regular;
    private readonly TrueTypeFont bold = TrueTypeFont.Bold;
    private StringBuilder page = null!;
    private double y;

    public PdfTextLayout() => NewPage();

    public void Heading(string text, double size)
    {
        Space(size * 0.6);
        Wrapped(text, bold, size, Margin, ContentWidth, keepWith: 3 * 13);
        Space(size * 0.3);
    }

    public void Paragraph(string text, double size = 10, bool strong = false)
    {
        Wrapped(text, strong ? bold : regular, size, Margin, ContentWidth);
        Space(size * 0.4);
    }

    /// <summary>A label in bold in the first column and its value, wrapped, beside it.</summary>
    public void Field(string label, string value, double labelWidth = 150)
    {
        const double size = 9.5;
        var labelLines = Wrap(label, bold, size, labelWidth - 8);
        var valueLines = Wrap(value, regular, size, ContentWidth - labelWidth);
        Row([(labelLines, bold, Margin), (valueLines, regular, Margin + labelWidth)], size);
    }

    /// <summary>A row of cells with the given widths; each cell wraps; the row breaks to a new page as a whole.</summary>
    public void TableRow(IReadOnlyList<string> cells, IReadOnlyList<double> widths, bool header = false)
    {
        const double size = 8.5;
        var font = header ? bold : regular;
        var x = Margin;
        var columns = new List<(List<string>, TrueTypeFont, double)>();
        for (var i = 0; i < cells.Count; i++)
        {
            columns.Add((Wrap(cells[i], font, size, widths[i] - 6), font, x));
            x += widths[i];
        }
        Row(columns, size);
        if (header) PdfDocumentBuilder.Line(page, Margin, y + size * 0.6, Margin + widths.Sum(), y + size * 0.6);
    }

    public void Rule()
    {
        Space(4);
        PdfDocumentBuilder.Line(page, Margin, y, PdfDocumentBuilder.PageWidth - Margin, y);
        Space(10);
    }

    public void Space(double points) => y -= points;

    /// <summary>Writes the footers and returns the file.</summary>
    public byte[] Finish(string title, string footer, Func<int, int, string> pageOf, string language, DateTimeOffset created)
    {
        var pages = doc.Pages;
        for (var i = 0; i < pages.Count; i++)
        {
            PdfDocumentBuilder.Line(pages[i], Margin, FooterSpace + 8, PdfDocumentBuilder.PageWidth - Margin, FooterSpace + 8, 0.3);
            doc.Text(pages[i], regular, 8, Margin, FooterSpace - 6, footer);
            var number = pageOf(i + 1, pages.Count);
            doc.Text(pages[i], regular, 8, PdfDocumentBuilder.PageWidth - Margin - regular.Width(number, 8), FooterSpace - 6, number);
        }
        return doc.Save(title, language, created);
    }

    private void Row(IReadOnlyList<(List<string> Lines, TrueTypeFont Font, double X)> columns, double size)
    {
        var lineHeight = size * 1.35;
        var lines = columns.Max(c => c.Lines.Count);
        if (lines * lineHeight <= ContentHeight) EnsureRoom(lines * lineHeight);
        for (var l = 0; l < lines; l++)
        {
            EnsureRoom(lineHeight);
            y -= size;
            foreach (var (columnLines, font, x) in columns)
                if (l < columnLines.Count) doc.Text(page, font, size, x, y, columnLines[l]);
            y -= lineHeight - size;
        }
        y -= 2;
    }

    private void Wrapped(string text, TrueTypeFont font, double size, double x, double width, double keepWith = 0)
    {
        var lines = Wrap(text, font, size, width);
        EnsureRoom(Math.Min(ContentHeight, lines.Count * size * 1.3 + keepWith));
        Row([(lines, font, x)], size);
    }

    private static double ContentHeight => PdfDocumentBuilder.PageHeight - 2 * Margin - FooterSpace;

    private void EnsureRoom(double height)
    {
        if (y - height < Margin + FooterSpace) NewPage();
    }

    private void NewPage()
    {
        page = doc.AddPage();
        y = PdfDocumentBuilder.PageHeight - Margin;
    }

    /// <summary>Breaks text into lines no wider than <paramref name="width"/>: at spaces, at line breaks, and inside words too long for a line.</summary>
    internal static List<string> Wrap(string text, TrueTypeFont font, double size, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var word in paragraph.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (font.Width(candidate, size) <= width)
                {
                    line.Clear().Append(candidate);
                    continue;
                }
                if (line.Length > 0) lines.Add(line.ToString());
                line.Clear();
                foreach (var rune in word.EnumerateRunes())
                {
                    if (line.Length > 0 && font.Width(line + rune.ToString(), size) > width)
                    {
                        lines.Add(line.ToString());
                        line.Clear();
                    }
                    line.Append(rune.ToString());
                }
            }
            lines.Add(line.ToString());
        }
        return lines;
    }
}
