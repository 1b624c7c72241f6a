using Joblog.Web.Features.Evidence;
using Joblog.Web.Features.Evidence.Pdf;
using Microsoft.AspNetCore.Http;
using Shouldly;

namespace Joblog.Web.Tests.Evidence;

/// <summary>The small rules under the evidence pages: distances, CSV cells, the tile server's CSP source, Accept, wrapping.</summary>
public sealed class EvidenceRulesTests
{
    [Fact]
    public void the_distance_from_copenhagen_to_aarhus_is_about_157_km_and_zero_to_itself()
    {
        Geo.DistanceKm(55.6761, 12.5683, 56.1629, 10.2039).ShouldBe(157, tolerance: 2);
        Geo.DistanceKm(55.6761, 12.5683, 55.6761, 12.5683).ShouldBe(0);
    }

    [Theory]
    [InlineData("Kontorassistent", "Kontorassistent")]
    [InlineData("a;b", "\"a;b\"")]
    [InlineData("sagde \"ja\"", "\"sagde \"\"ja\"\"\"")]
    [InlineData("to\nlinjer", "\"to\nlinjer\"")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+4512345678", "'+4512345678")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("=A1;B1", "\"'=A1;B1\"")]
    [InlineData("", "")]
    public void a_csv_cell_is_quoted_when_needed_and_never_starts_a_formula(string value, string cell) =>
        CsvExport.Cell(value).ShouldBe(cell);

    [Theory]
    [InlineData("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org")]
    [InlineData("https://{s}.tile.example.dk/{z}/{x}/{y}.png", "https://*.tile.example.dk")]
    [InlineData("http://127.0.0.1:9/{z}/{x}/{y}.png", "http://127.0.0.1:9")]
    [InlineData("/tiles/{z}/{x}/{y}.png", null)]
    [InlineData("javascript:alert(1)", null)]
    public void the_csp_source_of_the_tiles_is_the_tile_servers_origin(string template, string? source) =>
        new MapOptions { TileUrl = template }.TileSource.ShouldBe(source);

    [Fact]
    public void the_default_tiles_are_openstreetmaps() =>
        new MapOptions().TileSource.ShouldBe("https://tile.openstreetmap.org");

    [Theory]
    [InlineData("text/csv", ExportFormat.Csv)]
    [InlineData("application/pdf", ExportFormat.Pdf)]
    [InlineData("text/csv;q=0.5, application/pdf;q=0.9", ExportFormat.Pdf)]
    [InlineData("application/pdf;q=0.1, text/*", ExportFormat.Csv)]
    [InlineData("application/json", null)]
    [InlineData("text/csv;q=0", null)]
    public void the_export_format_follows_accept_with_its_qualities(string accept, ExportFormat? format)
    {
        var http = new DefaultHttpContext();
        http.Request.Headers.Accept = accept;

        ExportApi.Negotiate(http.Request).ShouldBe(format);
    }

    [Fact]
    public void text_wraps_at_spaces_and_line_breaks_and_inside_words_too_long_for_a_line()
    {
        var font = TrueTypeFont.Regular;

        var lines = PdfTextLayout.Wrap("Kort tekst\nen meget lang linje med mange ord der ikke kan være på én linje " + new string('x', 80), font, 10, 150);

        lines[0].ShouldBe("Kort tekst");
        lines.ShouldAllBe(l => font.Width(l, 10) <= 150);
        string.Concat(lines.Skip(1)).Replace(" ", "", StringComparison.Ordinal)
            .ShouldBe("enmegetlanglinjemedmangeordderikkekanværepåénlinje" + new string('x', 80));
    }

    [Fact]
    public void the_font_draws_danish_letters()
    {
        foreach (var c in "æøåÆØÅé–") TrueTypeFont.Regular.Glyph(c).ShouldNotBe((ushort)0, $"glyph for {c}");
    }
}
