using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Joblog.Web.Tests.Infrastructure;
using Shouldly;

namespace Joblog.Web.Tests.Evidence;

/// <summary>GET …/logs/export: content negotiation, the PDF's content, the gate (404, one look per export), validation.</summary>
public sealed class ExportApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly PostgresConnection db = new(fixture.ConnectionString);

    [Fact]
    public async Task the_pdf_is_a4_with_pages_and_holds_the_title_the_period_and_each_logs_status_history()
    {
        var ak = fixture.App.System("demo-ak-01-system-key");
        var body = new
        {
            kind = "jobSearch", status = "applied", jobTitle = "Lagerforvalter", employer = new { name = "Æblelageret ApS", postalCode = "8000" },
            appliedOn = "2025-05-12", note = "Sendt med CV og anbefaling fra Øster Hornum",
        };
        var (log, etag) = await ak.CreateLogAsync("mette", body);
        var mette = await fixture.App.SignedIn("mette");
        await mette.ReplaceAsync("mette", log, etag, body with { status = "interview" });

        var response = await mette.SendAsync(ExportCsvTests.Export("mette", "2025-05-01", "2025-05-31", "application/pdf"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileName.ShouldBe("joblog-2025-05-01-til-2025-05-31.pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        System.Text.Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        System.Text.Encoding.ASCII.GetString(pdf[^6..]).ShouldBe("%%EOF\n");
        System.Text.Encoding.Latin1.GetString(pdf).ShouldContain("/MediaBox [0 0 595.28 841.89]");
        PdfText.PageCount(pdf).ShouldBe(1);
        var text = PdfText.All(pdf);
        text.ShouldContain("Joblog for Mette Demo");
        text.ShouldContain("Periode: 01-05-2025 til 31-05-2025");
        text.ShouldContain("12-05-2025  Lagerforvalter – Æblelageret ApS");
        text.ShouldContain("Sendt med CV og anbefaling fra Øster Hornum");
        text.ShouldContain("Statushistorik");
        var lines = text.Split('\n').Select(l => l.Trim()).ToList();
        var created = lines.IndexOf("Oprettet: Søgt");
        var changed = lines.IndexOf("Ændret: Samtale");
        created.ShouldBeGreaterThan(0);
        changed.ShouldBeGreaterThan(created, "the history runs oldest first");
        lines[created + 1].ShouldBe("A-kassens system");
        lines[changed + 1].ShouldBe("Jobnet");
        lines[changed + 2].ShouldBe("Mette Demo");
        text.ShouldContain("Side 1 af 1");
    }

    [Fact]
    public async Task a_long_period_breaks_onto_numbered_pages()
    {
        var mette = await fixture.App.SignedIn("mette");

        var pdf = await (await mette.SendAsync(ExportCsvTests.Export("mette", "2020-01-01", "2030-12-31", "application/pdf"))).Content.ReadAsByteArrayAsync();

        var pages = PdfText.Pages(pdf);
        pages.Count.ShouldBeGreaterThan(3, "Mette's 40-odd demo logs do not fit on three pages");
        PdfText.PageCount(pdf).ShouldBe(pages.Count);
        pages[^1].ShouldContain($"Side {pages.Count} af {pages.Count}");
        pages.ShouldAllBe(p => p.Contains("Joblog for Mette Demo"));
    }

    [Theory]
    [InlineData("text/csv", "text/csv")]
    [InlineData("application/pdf", "application/pdf")]
    [InlineData("*/*", "application/pdf")]
    [InlineData(null, "application/pdf")]
    public async Task the_format_follows_the_accept_header(string? accept, string expected)
    {
        var mette = await fixture.App.SignedIn("mette");

        var response = await mette.SendAsync(ExportCsvTests.Export("mette", null, null, accept));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(expected);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/html")]
    public async Task a_format_other_than_csv_or_pdf_is_406(string accept)
    {
        var mette = await fixture.App.SignedIn("mette");

        var response = await mette.SendAsync(ExportCsvTests.Export("mette", null, null, accept));

        response.StatusCode.ShouldBe(HttpStatusCode.NotAcceptable);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task another_citizens_joblog_is_404()
    {
        var jens = await fixture.App.SignedIn("jens");

        var response = await jens.SendAsync(ExportCsvTests.Export("mette", null, null, "text/csv"));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task an_akasse_system_cannot_export_a_citizen_of_another_akasse()
    {
        var ak02 = fixture.App.System("demo-ak-02-system-key");

        (await ak02.SendAsync(ExportCsvTests.Export("mette", null, null, "text/csv"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task an_export_by_the_jobcenter_is_one_look_in_the_citizens_access_history()
    {
        var jobcenter = fixture.App.System("demo-jc-0751-system-key");
        const string looks = "select count(*)::int from access_log where citizen_id = @id and what = 'joblog.export'";
        var before = await db.ScalarAsync<int>(looks, new { id = Clients.CitizenId("mette") });

        var response = await jobcenter.SendAsync(ExportCsvTests.Export("mette", "2020-01-01", "2030-12-31", "text/csv"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await db.ScalarAsync<int>(looks, new { id = Clients.CitizenId("mette") })).ShouldBe(before + 1);
    }

    [Theory]
    [InlineData("2025-13-01", "2025-12-31", "from", "Angiv datoen som ÅÅÅÅ-MM-DD, fx 2026-12-24")]
    [InlineData("01-05-2025", "2025-12-31", "from", "Angiv datoen som ÅÅÅÅ-MM-DD, fx 2026-12-24")]
    [InlineData("2025-06-01", "2025-05-31", "to", "Den sidste dag skal være samme dag som eller efter den første dag")]
    public async Task a_bad_period_is_400_with_a_danish_message(string from, string to, string field, string message)
    {
        var mette = await fixture.App.SignedIn("mette");

        var response = await mette.SendAsync(ExportCsvTests.Export("mette", from, to, "text/csv"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty(field)[0].GetString().ShouldBe(message);
    }
}
