using AngleSharp.Html.Parser;
using Joblog.Core.Logs;
using Joblog.Web.Features.JobAds;
using Shouldly;

namespace Joblog.Web.Tests.JobAds;

/// <summary>Reading a job ad from a page's markup, without the network: the shapes JSON-LD and microdata come in.</summary>
public sealed class JobPostingReaderTests
{
    private const string Url = "https://job.example/annonce/1";

    private static JobAdFields? Read(string head, string body = "") =>
        JobPostingReader.Read(new HtmlParser().ParseDocument($"<!doctype html><html><head>{head}</head><body>{body}</body></html>"), Url);

    private static JobAdFields? ReadJsonLd(string json) => Read($"<script type=\"application/ld+json\">{json}</script>");

    [Fact]
    public void a_top_level_array_a_type_list_and_plain_strings_for_organisation_and_address_are_understood()
    {
        var ad = ReadJsonLd("""
            [{ "@type": "WebPage", "name": "Forside" },
             { "@type": ["JobPosting"], "title": "Pædagog", "hiringOrganization": "Børnehuset Solsikken",
               "jobLocation": { "address": "Skolevej 1, 8660 Skanderborg" }, "employmentType": "Deltid" }]
            """)!;

        ad.Source.ShouldBe(JobAdSource.JobPosting);
        ad.JobTitle.ShouldBe("Pædagog");
        ad.Employer.ShouldBe("Børnehuset Solsikken");
        ad.Address.ShouldBe("Skolevej 1, 8660 Skanderborg");
        ad.WorkingTime.ShouldBe(WorkingTime.PartTime);
        ad.JobAdUrl.ShouldBe(Url);
    }

    [Theory]
    [InlineData("\"postalCode\": \"DK-2100\", \"addressLocality\": \"København Ø\"", "2100", "København Ø")]
    [InlineData("\"addressLocality\": \"8000 Aarhus C\"", "8000", "Aarhus C")]
    [InlineData("\"postalCode\": \"SE-211 20\", \"addressLocality\": \"Malmö\"", null, "Malmö")]
    public void a_danish_postal_code_is_found_in_the_postal_code_or_in_front_of_the_city(string address, string? zip, string city)
    {
        var ad = ReadJsonLd($$"""{ "@type": "JobPosting", "title": "Job", "jobLocation": { "address": { {{address}} } } }""")!;

        ad.PostalCode.ShouldBe(zip);
        ad.City.ShouldBe(city);
    }

    [Theory]
    [InlineData("2026-12-01", "2026-12-01")]
    [InlineData("2026-12-01T23:59:00+01:00", "2026-12-01")]
    [InlineData("2026-12-01T23:30:00Z", "2026-12-01")]
    [InlineData("01-12-2026", "2026-12-01")]
    [InlineData("1.12.2026", "2026-12-01")]
    [InlineData("snarest", null)]
    [InlineData("2026-02-31", null)]
    public void the_deadline_is_the_date_as_written(string validThrough, string? deadline)
    {
        var ad = ReadJsonLd($$"""{ "@type": "JobPosting", "title": "Job", "validThrough": "{{validThrough}}" }""")!;

        ad.Deadline.ShouldBe(deadline is null ? null : DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("\"FULL_TIME\"", WorkingTime.FullTime)]
    [InlineData("[\"TEMPORARY\", \"PART_TIME\"]", WorkingTime.PartTime)]
    [InlineData("\"fuldtid\"", WorkingTime.FullTime)]
    [InlineData("\"CONTRACTOR\"", null)]
    public void employment_type_gives_full_or_part_time(string employmentType, WorkingTime? expected) =>
        ReadJsonLd($$"""{ "@type": "JobPosting", "title": "Job", "employmentType": {{employmentType}} }""")!.WorkingTime.ShouldBe(expected);

    [Fact]
    public void markup_in_the_text_is_dropped_entities_are_decoded_and_long_text_is_cut()
    {
        var longTitle = new string('a', 300);
        var ad = ReadJsonLd($$"""
            { "@type": "JobPosting", "title": "<b>Kok</b> &amp; <script>alert(1)<\/script>køkkenchef\n\n  i  Ry",
              "hiringOrganization": { "name": "{{longTitle}}" } }
            """)!;

        ad.JobTitle.ShouldBe("Kok & køkkenchef i Ry");
        ad.Employer!.Length.ShouldBe(200);
        ad.Employer.ShouldEndWith("…");
    }

    [Fact]
    public void a_page_without_a_job_posting_gives_its_open_graph_title_without_the_site_name()
    {
        var ad = Read("""<title>Andet</title><meta property="og:title" content="Kok til kantine | Jobbørsen"><meta property="og:site_name" content="Jobbørsen">""")!;

        ad.Source.ShouldBe(JobAdSource.OpenGraph);
        ad.JobTitle.ShouldBe("Kok til kantine");
        ad.Employer.ShouldBe("Jobbørsen");
    }

    [Fact]
    public void a_job_posting_without_a_title_falls_back_to_the_page()
    {
        var ad = Read("""<title>Sygeplejerske - Hospitalet</title><script type="application/ld+json">{"@type":"JobPosting","hiringOrganization":"Hospitalet"}</script>""")!;

        ad.Source.ShouldBe(JobAdSource.PageTitle);
        ad.JobTitle.ShouldBe("Sygeplejerske - Hospitalet");
    }

    [Fact]
    public void a_page_with_neither_posting_nor_title_gives_nothing() =>
        Read("<meta charset=\"utf-8\">", "<h1>Velkommen</h1>").ShouldBeNull();

    [Fact]
    public void microdata_values_come_from_content_and_datetime_attributes()
    {
        var ad = Read("", """
            <div itemscope itemtype="http://schema.org/JobPosting">
              <meta itemprop="title" content="Tømrer">
              <span itemprop="hiringOrganization">Byg &amp; Bo</span>
              <time itemprop="validThrough" datetime="2027-01-15T12:00">15. januar</time>
              <meta itemprop="employmentType" content="FULL_TIME">
            </div>
            """)!;

        ad.JobTitle.ShouldBe("Tømrer");
        ad.Employer.ShouldBe("Byg & Bo");
        ad.Deadline.ShouldBe(new DateOnly(2027, 1, 15));
        ad.WorkingTime.ShouldBe(WorkingTime.FullTime);
    }
}
