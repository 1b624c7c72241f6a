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

    /// <summary>Sector words of employers by the occupation's major group (DISCO-08 first digit).</summary>
    private static readonly string[][] Sectors =
    [
        ["Forsvar", "Beredskab"],
        ["Consult", "Management", "Holding", "Gruppen"],
        ["Rådgivning", "Consult", "Tech", "Analyse", "Skole", "Klinik", "Software", "Ingeniørerne"],
        ["Teknik", "Byggerådgivning", "Sundhed", "Økonomi", "Administration", "Data"],
        ["Administration", "Forsikring", "Revision", "Kundeservice", "Regnskab", "Kontorservice", "Logistik"],
        ["Supermarked", "Butik", "Hotel", "Restaurant", "Plejecenter", "Hjemmepleje", "Café", "Vagtservice", "Frisør", "Kro"],
        ["Landbrug", "Gartneri", "Skovbrug", "Fiskeri"],
        ["Byg", "El-service", "VVS", "Auto", "Tømrer", "Murer", "Smedje", "Maler", "Kloak"],
        ["Transport", "Vognmand", "Logistik", "Produktion", "Fødevarer", "Maskinfabrik", "Plast"],
        ["Rengøring", "Lager", "Facility Service", "Gartneri", "Køkken", "Distribution", "Pakkeri"],
    ];

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

    /// <summary>Per major group (0–9), a pool of made-up private employers.</summary>
    private static readonly string[][] Employers;

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
        Employers = Sectors.Select(sector => Enumerable.Range(0, 300).Select(_ =>
        {
            var owner = rng.Chance(0.4) ? $"{rng.Pick(Surnames)} & {rng.Pick(Surnames)}" : rng.Pick(Places);
            return $"{owner} {rng.Pick(sector)} {rng.Pick(Suffixes)}".TrimEnd();
        }).ToArray()).ToArray();
    }

    /// <summary>A fictitious full name: first name of the sex, sometimes a middle name, a surname.</summary>
    public static string Person(bool woman, ref Rng rng)
    {
        var first = woman ? rng.Pick(Women) : rng.Pick(Men);
        var last = rng.Pick(Surnames);
        return rng.Chance(0.2) ? $"{first} {rng.Pick(Surnames)} {last}" : $"{first} {last}";
    }

    /// <summary>A made-up employer for an occupation of the given major group (0–9).</summary>
    public static string Employer(int majorGroup, ref Rng rng) => rng.Pick(Employers[majorGroup]);

    private static string Ascii(string name) => name.Replace("æ", "ae", StringComparison.Ordinal)
        .Replace("ø", "oe", StringComparison.Ordinal).Replace("å", "aa", StringComparison.Ordinal)
        .Replace("Ø", "Oe", StringComparison.Ordinal).Replace("Æ", "Ae", StringComparison.Ordinal).Replace("Å", "Aa", StringComparison.Ordinal);
}
