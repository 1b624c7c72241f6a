namespace Joblog.Web.World;

/// <summary>
/// Fictitious Danish names: common first names and surnames combined at random (no real person is meant), and
/// made-up employers, streets and contacts. The pools are built once from a fixed seed, so they never change.
/// </summary>
public static class Names
{
    public static readonly string[] Women =
    [
        "Anne", "Kirsten", "Mette", "Hanne", "Susanne", "Lene", "Maria", "Marianne", "Louise", "Camilla", "Pia", "Charlotte",
        "Tina", "Gitte", "Heidi", "Inge", "Julie", "Emma", "Sofie", "Ida", "Laura", "Freja", "Signe", "Cecilie", "Maja", "Sara",
        "Line", "Katrine", "Helle", "Birgitte", "Nadia", "Fatima", "Amina", "Sanne", "Stine", "Rikke", "Trine", "Mia", "Anna", "Karen",
    ];

    public static readonly string[] Men =
    [
        "Peter", "Jens", "Lars", "Michael", "Henrik", "Thomas", "Søren", "Jan", "Niels", "Anders", "Morten", "Jesper", "Mads",
        "Rasmus", "Martin", "Christian", "Jørgen", "Hans", "Kim", "Frederik", "Mikkel", "Jonas", "Mathias", "Oliver", "Lucas",
        "William", "Emil", "Magnus", "Ahmed", "Mohammed", "Ali", "Omar", "Kasper", "Simon", "Tobias", "Brian", "Carsten", "Ole", "Torben", "Bo",
    ];

    public static readonly string[] Surnames =
    [
        "Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen", "Jørgensen",
        "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Christiansen", "Poulsen", "Johansen", "Møller", "Mortensen",
        "Knudsen", "Jakobsen", "Mikkelsen", "Olesen", "Frederiksen", "Laursen", "Henriksen", "Lund", "Schmidt", "Eriksen",
        "Holm", "Kristiansen", "Clausen", "Simonsen", "Svendsen", "Andreasen", "Iversen", "Jeppesen", "Mogensen", "Hussein",
        "Yilmaz", "Nguyen", "Ahmed", "Kaya", "Bach", "Dahl", "Berg", "Vestergaard", "Østergaard", "Nørgaard",
    ];

    private static readonly string[] Streets =
    [
        "Vestergade", "Østergade", "Nørregade", "Søndergade", "Industrivej", "Hovedgaden", "Stationsvej", "Jernbanegade",
        "Algade", "Kirkevej", "Skolevej", "Havnegade", "Erhvervsvej", "Håndværkervej", "Bredgade", "Torvet", "Strandvejen",
        "Parkvej", "Møllevej", "Fabriksvej", "Lergravsvej", "Banegårdsgade", "Slotsgade", "Engvej", "Teknikervej",
    ];

    private static readonly string[] Places =
    [
        "Nord", "Syd", "Øst", "Vest", "Dansk", "Nordisk", "Fjord", "Skov", "Bakke", "Strand", "Havne", "Kyst", "Egeskov",
        "Lindholm", "Solvang", "Bøgely", "Rosenhøj", "Mølle", "Engly", "Åby", "Klint", "Kilde", "Lyng", "Hede",
    ];

    private static readonly string[] Suffixes = ["A/S", "ApS", "ApS", "I/S", ""];

    /// <summary>Trade words of employers, by the occupation's DISCO-08 sub-major group (two digits), else its major group (one).</summary>
    private static readonly Dictionary<string, string[]> Trades = new(StringComparer.Ordinal)
    {
        ["0"] = ["Forsvar", "Beredskab"],
        ["1"] = ["Consult", "Management", "Holding", "Gruppen"],
        ["21"] = ["Ingeniørerne", "Rådgivning", "Energi", "Laboratorier"],
        ["22"] = ["Klinik", "Sundhedshus", "Lægehus", "Tandklinik"],
        ["23"] = ["Skole", "Friskole", "Efterskole", "Sprogskole"],
        ["24"] = ["Consult", "Rådgivning", "Revision", "Finans"],
        ["25"] = ["Software", "Tech", "Data", "Digital"],
        ["26"] = ["Advokatfirma", "Kommunikation", "Rådgivning", "Medier"],
        ["2"] = ["Rådgivning", "Consult", "Analyse"],
        ["31"] = ["Teknik", "Byggerådgivning", "Installation"],
        ["32"] = ["Sundhed", "Plejecenter", "Apotek"],
        ["33"] = ["Administration", "Økonomi", "Ejendomme", "Forsikring"],
        ["34"] = ["Rådgivning", "Fitness", "Kultur"],
        ["35"] = ["IT-service", "Data", "Netværk"],
        ["3"] = ["Teknik", "Administration"],
        ["4"] = ["Administration", "Forsikring", "Revision", "Kundeservice", "Regnskab", "Kontorservice", "Logistik"],
        ["51"] = ["Hotel", "Restaurant", "Café", "Kro", "Frisør", "Kantine"],
        ["52"] = ["Supermarked", "Butik", "Byggemarked", "Tøjbutik", "Kiosk", "Møbler"],
        ["53"] = ["Plejecenter", "Hjemmepleje", "Børnehus", "Vuggestue", "Bosted"],
        ["54"] = ["Vagtservice", "Security", "Sikring"],
        ["5"] = ["Service", "Butik"],
        ["6"] = ["Landbrug", "Gartneri", "Skovbrug", "Fiskeri"],
        ["71"] = ["Byg", "Tømrer", "Murer", "VVS", "Maler", "Entreprise"],
        ["72"] = ["Smedje", "Maskinfabrik", "Auto", "Metal"],
        ["74"] = ["El-service", "Elinstallation", "Elektro"],
        ["75"] = ["Bageri", "Slagteri", "Møbelsnedkeri", "Mejeri"],
        ["7"] = ["Håndværk", "Værksted"],
        ["8"] = ["Produktion", "Maskinfabrik", "Plast", "Fødevarer", "Transport", "Vognmand", "Logistik"],
        ["83"] = ["Transport", "Vognmand", "Taxa", "Logistik", "Bus"],
        ["91"] = ["Rengøring", "Facility Service", "Vinduespolering"],
        ["92"] = ["Gartneri", "Landbrug", "Planteskole"],
        ["93"] = ["Lager", "Logistik", "Distribution", "Pakkeri", "Byg"],
        ["94"] = ["Køkken", "Kantine", "Catering"],
        ["9"] = ["Service", "Lager", "Gartneri"],
    };

    public static readonly string[] Notes =
    [
        "Fulgte op med et opkald.", "Sendt via jobportalen.", "Skal ringe igen på tirsdag.", "Fik svar på mail.",
        "Afleverede ansøgningen personligt.", "Afventer svar.", "Talte med virksomheden på telefon inden ansøgningen.",
        "Jobbet passer til min erfaring.", "Kræver kørekort.", "Henvist af jobcentret.", "Opslaget fundet på Jobnet.",
    ];

    /// <summary>Descriptions of other activities, by <see cref="Core.Logs.ActivityType"/> (network meeting, job fair, course, company visit, other).</summary>
    public static readonly string[][] Activities =
    [
        ["Netværksmøde i faglig klub", "Netværksmøde med tidligere kolleger", "Jobklub i a-kassen", "Netværksgruppe for ledige"],
        ["Jobmesse", "Karrieredag", "Rekrutteringsdag i jobcentret"],
        ["Kursus i Excel", "CV-workshop", "Kursus i jobsamtaler", "Truckcertifikat", "Hygiejnekursus", "Kursus i LinkedIn"],
        ["Virksomhedsbesøg", "Besøg på lageret", "Rundvisning på plejecentret", "Åbent hus hos virksomheden"],
        ["Informationsmøde", "Samtale med mentor", "Praktikaftale undersøgt"],
    ];

    public static readonly string[] ContactNames;
    public static readonly string[] ContactEmails;
    public static readonly string[] Phones;
    public static readonly string[] Addresses;
    public static readonly string[] JobAdUrls;

    /// <summary>Per key of <see cref="Trades"/>, a pool of made-up private employers.</summary>
    private static readonly Dictionary<string, string[]> Employers;

    static Names()
    {
        var rng = new Rng(0x6A6F626C6F67, 7);
        ContactNames = new string[2000];
        ContactEmails = new string[ContactNames.Length];
        for (var i = 0; i < ContactNames.Length; i++)
        {
            var first = rng.Chance(0.5) ? rng.Pick(Women) : rng.Pick(Men);
            var last = rng.Pick(Surnames);
            ContactNames[i] = $"{first} {last}";
            ContactEmails[i] = $"{Ascii(first)}.{Ascii(last)}{i % 100}@example.dk".ToLowerInvariant();
        }
        Phones = Enumerable.Range(0, 2000).Select(_ => $"+45 {rng.Between(20, 99)} {rng.Between(10, 99)} {rng.Between(10, 99)} {rng.Between(10, 99)}").ToArray();
        Addresses = Enumerable.Range(0, 3000).Select(_ => $"{rng.Pick(Streets)} {rng.Between(1, 140)}").ToArray();
        JobAdUrls = Enumerable.Range(0, 50_000).Select(_ => $"https://job.example.dk/annonce/{rng.Between(1_000_000, 9_999_999)}").ToArray();
        Employers = Trades.OrderBy(t => t.Key, StringComparer.Ordinal).ToDictionary(t => t.Key, t => Enumerable.Range(0, 300).Select(_ =>
        {
            var owner = rng.Chance(0.4) ? $"{rng.Pick(Surnames)} & {rng.Pick(Surnames)}" : rng.Pick(Places);
            return $"{owner} {rng.Pick(t.Value)} {rng.Pick(Suffixes)}".TrimEnd();
        }).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>A fictitious full name: first name of the sex, sometimes a middle name, a surname.</summary>
    public static string Person(bool woman, ref Rng rng)
    {
        var first = woman ? rng.Pick(Women) : rng.Pick(Men);
        var last = rng.Pick(Surnames);
        return rng.Chance(0.2) ? $"{first} {rng.Pick(Surnames)} {last}" : $"{first} {last}";
    }

    /// <summary>The pool of made-up employers for an occupation (by its sub-major group, else its major group).</summary>
    public static string[] EmployersFor(string occupationCode) =>
        Employers.TryGetValue(occupationCode[..2], out var pool) ? pool : Employers[occupationCode[..1]];

    private static string Ascii(string name) => name.Replace("æ", "ae", StringComparison.Ordinal)
        .Replace("ø", "oe", StringComparison.Ordinal).Replace("å", "aa", StringComparison.Ordinal)
        .Replace("Ø", "Oe", StringComparison.Ordinal).Replace("Æ", "Ae", StringComparison.Ordinal).Replace("Å", "Aa", StringComparison.Ordinal);
}
