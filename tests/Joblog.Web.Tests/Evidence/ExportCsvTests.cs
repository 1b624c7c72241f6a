using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Joblog.Web.Tests.Infrastructure;
using Shouldly;

namespace Joblog.Web.Tests.Evidence;

/// <summary>The CSV export byte for byte: BOM, separators, CRLF, Danish headers and values, quoting, formula guard, period.</summary>
public sealed class ExportCsvTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Header =
        "Dato;Slags log;Status;Stillingsbetegnelse;Stillingskode;Virksomhed;Adresse;Postnummer;By;Afstand fra hjem (km);" +
        "Kontaktperson;Telefon;E-mail;Link til jobannonce;Ansøgningsfrist;Ansøgningstype;Arbejdstid;Søgt den;Jobsamtale;" +
        "Planlagt dato;Aktivitet;Aktivitetsdato;Sted;Beskrivelse;Note;Afsluttet;Oprettet;Sidst ændret;Statushistorik";

    [Fact]
    public async Task the_csv_is_utf8_with_bom_semicolons_crlf_danish_and_quotes_what_needs_quoting()
    {
        var jens = await fixture.App.SignedIn("jens");
        await jens.CreateLogAsync("jens", new
        {
            kind = "jobSearch", status = "applied", jobTitle = "=HYPERLINK(\"http://x\")", occupationCode = "4110",
            employer = new { name = "Bager & Søn", postalCode = "4000", city = "Roskilde" },
            contact = new { phone = "+45 12 34 56 78" }, applicationType = "unsolicited", workingTime = "partTime",
            appliedOn = "2025-03-05", note = "Ring; igen\nsagde \"snart\"",
        });
        await jens.CreateLogAsync("jens", new { kind = "otherActivity", activityType = "jobFair", activityDate = "2025-03-31", place = "Bella Center" });
        await jens.CreateLogAsync("jens", new { kind = "jobSearch", status = "applied", jobTitle = "For tidligt", employer = new { name = "A" }, appliedOn = "2025-02-28" });
        await jens.CreateLogAsync("jens", new { kind = "jobSearch", status = "applied", jobTitle = "For sent", employer = new { name = "B" }, appliedOn = "2025-04-01" });

        var response = await jens.SendAsync(Export("jens", "2025-03-01", "2025-03-31", "text/csv"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileName.ShouldBe("joblog-2025-03-01-til-2025-03-31.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        text.ShouldEndWith("\r\n");
        var lines = SplitRecords(text);
        lines.Count.ShouldBe(3, "header, the application of 5 March and the job fair of 31 March: not the ones before or after");
        lines[0].ShouldBe(Header);
        var application = lines[1];
        application.ShouldStartWith(
            "05-03-2025;Jobsøgning;Søgt;\"'=HYPERLINK(\"\"http://x\"\")\";4110;Bager & Søn;;4000;Roskilde;30,7;;'+45 12 34 56 78;;;;" +
            "Uopfordret ansøgning;Deltid;05-03-2025;;;;;;;\"Ring; igen\nsagde \"\"snart\"\"\";Nej;");
        application.ShouldContain("Oprettet: Søgt (Jobnet, Jens Demo)");
        lines[2].ShouldStartWith("31-03-2025;Anden aktivitet;;;;;;;;;;;;;;;;;;;Jobmesse;31-03-2025;Bella Center;;;Nej;");
    }

    [Fact]
    public async Task a_status_change_shows_in_the_status_history_cell_on_its_own_line()
    {
        var jens = await fixture.App.SignedIn("jens");
        var body = new { kind = "jobSearch", status = "applied", jobTitle = "Historik", employer = new { name = "C" }, appliedOn = "2024-06-03" };
        var (log, etag) = await jens.CreateLogAsync("jens", body);
        await jens.ReplaceAsync("jens", log, etag, body with { status = "interview" });

        var text = await (await jens.SendAsync(Export("jens", "2024-06-01", "2024-06-30", "text/csv"))).Content.ReadAsStringAsync();

        var history = SplitRecords(text)[1].Split(';')[^1];
        history.ShouldStartWith("\"");
        var steps = history.Trim('"').Split('\n');
        steps.Length.ShouldBe(2);
        steps[0].ShouldEndWith("Oprettet: Søgt (Jobnet, Jens Demo)");
        steps[1].ShouldEndWith("Ændret: Samtale (Jobnet, Jens Demo)");
    }

    internal static HttpRequestMessage Export(string persona, string? from, string? to, string? accept)
    {
        var query = from is null ? "" : $"?from={from}&to={to}";
        var request = new HttpRequestMessage(HttpMethod.Get, $"{Clients.LogsUrl(persona)}/export{query}");
        if (accept is not null) request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        return request;
    }

    /// <summary>Records of a CSV text: split at CRLF outside quotes (a quoted cell may hold a line break).</summary>
    internal static List<string> SplitRecords(string text)
    {
        var records = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"') quoted = !quoted;
            if (!quoted && text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                records.Add(current.ToString());
                current.Clear();
                i++;
                continue;
            }
            current.Append(text[i]);
        }
        if (current.Length > 0) records.Add(current.ToString());
        return records;
    }
}
