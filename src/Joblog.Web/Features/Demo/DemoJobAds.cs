using Dapper;
using Joblog.Core.Logs;
using Npgsql;

namespace Joblog.Web.Features.Demo;

/// <summary>One demo job ad; dates in days from the day the world is loaded (deadline null: none given).</summary>
public sealed record DemoJobAd(
    int Number, string Title, string Employer, string OccupationCode, string Address, string PostalCode, string City,
    int? DeadlineInDays, int PublishedDaysAgo, WorkingTime WorkingTime, string Description)
{
    public Guid Id => Personas.IdFor($"job-ad:{Number}");

    /// <summary>A reserved domain (.example): the demo ads are not published anywhere.</summary>
    public string Url => $"https://job.example/annonce/{Number}";
}

/// <summary>
/// Deterministic job ads around Aarhus, Skanderborg and København in the occupations the demo
/// personas seek (DEMO.md): 12 occupations × 7 ads, some with passed deadlines, some without one.
/// </summary>
public static class DemoJobAds
{
    private sealed record Occupation(string Code, string[] Titles, string[] Employers, string Duty, bool OftenPartTime);

    private static readonly Occupation[] Occupations =
    [
        new("4110", ["Kontorassistent", "Administrativ medarbejder", "Kontormedarbejder"], ["Advokatfirmaet Lind", "Boligselskabet Trekanten", "Kommunens borgerservice", "Ejendomskontoret"],
            "Du tager telefonen, sørger for post og journalisering og holder styr på kalendere og mødebookinger.", false),
        new("4311", ["Bogholderiassistent", "Regnskabsassistent"], ["Revisionshuset Nord", "Byggegrossisten A/S", "Fonden for Fritid", "Lønservice ApS"],
            "Du bogfører bilag, afstemmer konti og hjælper med moms, løn og månedsregnskab.", false),
        new("5322", ["Social- og sundhedshjælper", "Hjemmehjælper"], ["Hjemmeplejen Syd", "Plejecentret Lyngbo", "Kommunens hjemmepleje", "Privat Pleje ApS"],
            "Du hjælper borgere med personlig pleje og praktiske opgaver i hjemmet og bidrager til en tryg hverdag.", true),
        new("7411", ["Elektriker", "Installationselektriker"], ["El-Service Øst", "Installatørfirmaet Strøm", "Lys & Kraft A/S", "Teknikhuset"],
            "Du udfører el-installationer i boliger og erhverv, fejlfinder og servicerer anlæg hos kunderne.", false),
        new("2431", ["Marketingkoordinator", "Marketingmedarbejder"], ["Mediehuset Puls", "Designbureauet Form", "Bryggeriet Humle", "Softwarefirmaet Kode A/S"],
            "Du planlægger kampagner, skriver indhold til web og sociale medier og følger op på resultaterne.", false),
        new("9333", ["Lagerarbejder", "Lagermedarbejder"], ["Lagerhotellet", "Logistikcentret Midt", "Grossisten A/S", "Fragtmanden ApS"],
            "Du modtager og plukker varer, pakker ordrer og kører truck på et travlt lager.", false),
        new("5223", ["Butiksassistent", "Salgsassistent"], ["Supermarkedet Hjørnet", "Tøjbutikken Mode", "Boghandlen", "Byggemarkedet Gør Det Selv"],
            "Du betjener kunder, fylder varer op og holder butikken indbydende.", true),
        new("9112", ["Rengøringsassistent", "Rengøringsmedarbejder"], ["Rent & Pænt ApS", "Serviceselskabet Glans", "Hotel Havnen", "Skolernes Service"],
            "Du gør rent på kontorer og i fællesarealer efter faste planer og med god kvalitet.", true),
        new("4226", ["Receptionist"], ["Hotel Havnen", "Lægehuset", "Konferencecentret", "Ingeniørfirmaet Bro"],
            "Du tager imod gæster, besvarer telefonen og hjælper kolleger med administrative opgaver.", true),
        new("4222", ["Kundeservicemedarbejder"], ["Telefirmaet A/S", "Forsikringsselskabet Tryghed", "Energiselskabet Varme", "Netbutikken"],
            "Du hjælper kunder på telefon, mail og chat og finder gode løsninger på deres spørgsmål.", false),
        new("5120", ["Kok"], ["Restaurant Havnen", "Kantinen i Byen", "Cafe Hjørnet", "Plejecentrets køkken"],
            "Du laver mad fra bunden, planlægger menuer og holder køkkenet i orden.", false),
        new("3322", ["Salgskonsulent"], ["Softwarefirmaet Kode A/S", "Kontorforsyningen", "Maskinhandlen", "Vikarbureauet Plus"],
            "Du finder nye kunder, holder møder og følger op på tilbud.", false),
    ];

    private static readonly (string PostalCode, string City, string Street)[] Aarhus =
    [
        ("8000", "Aarhus C", "Søndergade"), ("8200", "Aarhus N", "Randersvej"), ("8210", "Aarhus V", "Silkeborgvej"),
        ("8220", "Brabrand", "Brabrand Hovedgade"), ("8260", "Viby J", "Skanderborgvej"), ("8270", "Højbjerg", "Oddervej"),
        ("8381", "Tilst", "Tilst Skolevej"), ("8520", "Lystrup", "Lystrup Centervej"),
    ];

    private static readonly (string PostalCode, string City, string Street)[] Skanderborg =
    [
        ("8660", "Skanderborg", "Adelgade"), ("8680", "Ry", "Klostervej"), ("8464", "Galten", "Torvet"), ("8700", "Horsens", "Søndergade"),
    ];

    private static readonly (string PostalCode, string City, string Street)[] Copenhagen =
    [
        ("1620", "København V", "Vesterbrogade"), ("2100", "København Ø", "Østerbrogade"), ("2200", "København N", "Nørrebrogade"),
        ("2300", "København S", "Amagerbrogade"), ("2400", "København NV", "Frederikssundsvej"), ("2450", "København SV", "Sydhavnsgade"),
        ("2500", "Valby", "Valby Langgade"), ("2000", "Frederiksberg", "Gammel Kongevej"),
    ];

    private static readonly string[] Offers =
    [
        "gode kolleger og en uformel tone", "faste arbejdstider og frokostordning", "grundig oplæring og mulighed for efteruddannelse",
        "pension og sundhedsforsikring", "fleksible arbejdstider", "en arbejdsplads tæt på offentlig transport",
    ];

    public static IReadOnlyList<DemoJobAd> All { get; } = Build();

    private static List<DemoJobAd> Build()
    {
        var ads = new List<DemoJobAd>();
        for (var o = 0; o < Occupations.Length; o++)
        {
            var occupation = Occupations[o];
            for (var j = 0; j < 7; j++)
            {
                var region = j < 3 ? Aarhus : j < 5 ? Skanderborg : Copenhagen;
                var (zip, city, street) = region[(o + j) % region.Length];
                var title = occupation.Titles[j % occupation.Titles.Length];
                var employer = occupation.Employers[(o + j) % occupation.Employers.Length];
                var partTime = occupation.OftenPartTime ? j % 2 == 1 : j % 4 == 3;
                var offer = Offers[(o * 5 + j) % Offers.Length];
                var description =
                    $"{employer} søger en {title.ToLowerInvariant()} til vores afdeling i {city}. {occupation.Duty} " +
                    $"Vi tilbyder {offer}. Stillingen er på {(partTime ? "deltid, 25–30 timer om ugen" : "fuldtid, 37 timer om ugen")}.";
                ads.Add(new DemoJobAd(
                    Number: 1001 + o * 7 + j, Title: title, Employer: employer, OccupationCode: occupation.Code,
                    Address: $"{street} {1 + (o * 13 + j * 7) % 120}", PostalCode: zip, City: city,
                    DeadlineInDays: (o + j) % 9 == 4 ? null : (o * 7 + j * 11) % 50 - 10,
                    PublishedDaysAgo: (o * 3 + j * 5) % 28,
                    WorkingTime: partTime ? WorkingTime.PartTime : WorkingTime.FullTime,
                    Description: description));
            }
        }
        return ads;
    }

    /// <summary>The job ads Mette keeps under Gemte job: one with a passed deadline, one soon, one without.</summary>
    public static readonly int[] SavedByMette = [1001, 1002, 1005];

    /// <summary>Upserts the ads (dates re-anchored to today; position near their postal code) and Mette's saved jobs (inserted once).</summary>
    public static async Task LoadAsync(NpgsqlConnection conn, NpgsqlTransaction tx, DateOnly today)
    {
        foreach (var ad in All)
            await conn.ExecuteAsync(
                """
                insert into job_ads (id, title, employer_name, occupation_code, address, postal_code, city, lat, lon, deadline, working_time, description, url, published_on)
                select @Id, @Title, @Employer, @OccupationCode, @Address, @PostalCode, @City, p.lat + @dLat, p.lon + @dLon, @deadline, @workingTime, @Description, @Url, @published
                from postal_codes p where p.number = @PostalCode
                on conflict (id) do update set title = excluded.title, employer_name = excluded.employer_name, occupation_code = excluded.occupation_code,
                    address = excluded.address, postal_code = excluded.postal_code, city = excluded.city, lat = excluded.lat, lon = excluded.lon,
                    deadline = excluded.deadline, working_time = excluded.working_time, description = excluded.description, url = excluded.url,
                    published_on = excluded.published_on
                """,
                new
                {
                    ad.Id, ad.Title, ad.Employer, ad.OccupationCode, ad.Address, ad.PostalCode, ad.City, ad.Description, ad.Url,
                    // Spread the ads of one postal code a little (about ±1 km), so they do not sit on one point on a map.
                    dLat = (ad.Number * 37 % 21 - 10) * 0.001, dLon = (ad.Number * 53 % 21 - 10) * 0.0016,
                    deadline = ad.DeadlineInDays is int days ? today.AddDays(days) : (DateOnly?)null,
                    workingTime = ApiNames.Of(ad.WorkingTime), published = today.AddDays(-ad.PublishedDaysAgo),
                }, tx);

        var mette = Personas.CitizenId("mette");
        foreach (var number in SavedByMette)
            await conn.ExecuteAsync(
                """
                insert into saved_jobs (id, citizen_id, job_ad_id, title, employer_name, address, postal_code, city, deadline, url, occupation_code,
                                        working_time, created_at, actor_kind, actor_id, actor_name, channel)
                select @id, @mette, a.id, a.title, a.employer_name, a.address, a.postal_code, a.city, a.deadline, a.url, a.occupation_code,
                       a.working_time, now(), 'citizen', @mette::text, 'Mette Demo', 'jobnet'
                from job_ads a where a.id = @adId
                on conflict do nothing
                """, new { id = Personas.IdFor($"saved-job:mette:{number}"), mette, adId = Personas.IdFor($"job-ad:{number}") }, tx);
    }
}
