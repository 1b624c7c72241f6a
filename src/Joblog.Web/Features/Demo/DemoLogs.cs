using Joblog.Core.Logs;

namespace Joblog.Web.Features.Demo;

/// <summary>One demo log: content, how many days ago it was created and last changed.</summary>
public sealed record DemoLog(string Key, LogContent Content, int CreatedDaysAgo, int ChangedDaysAgo);

/// <summary>Deterministic logs for the demo citizens (DEMO.md).</summary>
public static class DemoLogs
{
    private static readonly (string Title, string Code, string Employer, string Zip, string City)[] Office =
    [
        ("Kontorassistent", "4110", "Aarhus Kommune", "8000", "Aarhus C"),
        ("Regnskabsassistent", "4311", "Revisionsfirmaet Nord", "8200", "Aarhus N"),
        ("Administrativ medarbejder", "4110", "Region Midtjylland", "8800", "Viborg"),
        ("Receptionist", "4226", "Hotel Havnen", "8000", "Aarhus C"),
        ("Kundeservicemedarbejder", "4222", "Telefirmaet A/S", "8210", "Aarhus V"),
        ("Lønbogholder", "4313", "Lønservice ApS", "8230", "Åbyhøj"),
        ("Sekretær", "4120", "Advokathuset", "8000", "Aarhus C"),
        ("Projektassistent", "4110", "Byggefirmaet Øst", "8260", "Viby J"),
        ("Indkøbsassistent", "4323", "Grossisten A/S", "8381", "Tilst"),
        ("Økonomimedarbejder", "4311", "Skanderborg Kommune", "8660", "Skanderborg"),
        ("Kontorelev", "4110", "Forsikringsselskabet", "8000", "Aarhus C"),
        ("Sagsbehandler", "3353", "Udbetaling Danmark", "8000", "Aarhus C"),
        ("HR-assistent", "4416", "Produktion A/S", "8520", "Lystrup"),
        ("Lagerekspedient", "4321", "Lagerhotellet", "8220", "Brabrand"),
    ];

    /// <summary>Where each other persona looks for work: near home, in their job goals' occupations.</summary>
    private static readonly Dictionary<string, (string Title, string Code, string Employer, string Zip, string City)[]> JobsFor = new()
    {
        ["ali"] =
        [
            ("Lagerarbejder", "9333", "Lagerhotellet", "8220", "Brabrand"),
            ("Rengøringsassistent", "9112", "Rent & Pænt ApS", "8210", "Aarhus V"),
            ("Butiksassistent", "5223", "Netto Viby", "8260", "Viby J"),
            ("Lagerekspedient", "4321", "Grossisten A/S", "8381", "Tilst"),
        ],
        ["sofie"] =
        [
            ("Social- og sundhedshjælper", "5322", "Skanderborg Kommune", "8660", "Skanderborg"),
            ("Hjemmehjælper", "5322", "Hjemmeplejen Ry", "8680", "Ry"),
            ("Social- og sundhedshjælper", "5322", "Aarhus Kommune", "8260", "Viby J"),
            ("Plejer", "5321", "Plejecenter Galten", "8464", "Galten"),
        ],
        ["lars"] =
        [
            ("Elektriker", "7411", "El-Service Aarhus", "8200", "Aarhus N"),
            ("Servicetekniker", "7412", "Teknikhuset A/S", "8210", "Aarhus V"),
            ("Elektriker", "7411", "Installatøren ApS", "8260", "Viby J"),
            ("Elektriker", "7411", "Horsens El", "8700", "Horsens"),
        ],
        ["emma"] =
        [
            ("Marketingkoordinator", "2431", "Mediehuset", "2100", "København Ø"),
            ("Kommunikationsmedarbejder", "2432", "Københavns Kommune", "1620", "København V"),
            ("Marketingassistent", "2431", "Designbureauet", "2200", "København N"),
            ("Salgskonsulent", "3322", "Softwarefirmaet A/S", "2450", "København SV"),
            ("Marketingkoordinator", "2431", "Valby Bryghus", "2500", "Valby"),
        ],
    };

    private static readonly LogStatus[] Statuses =
        [LogStatus.Applied, LogStatus.NotApplied, LogStatus.Applied, LogStatus.Rejected, LogStatus.Interview, LogStatus.Applied, LogStatus.Rejected, LogStatus.Hired];

    public static IReadOnlyList<DemoLog> ForMette()
    {
        var logs = new List<DemoLog>();
        for (var i = 0; i < 36; i++)
        {
            var job = Office[i % Office.Length];
            var status = Statuses[i % Statuses.Length];
            var changed = 2 + i * 85 / 36;
            var content = new LogContent
            {
                Kind = LogKind.JobSearch, Status = status, JobTitle = job.Title, OccupationCode = job.Code,
                EmployerName = job.Employer, EmployerPostalCode = job.Zip, EmployerCity = job.City,
                ContactName = i % 3 == 0 ? "Hanne Jensen" : null, ContactEmail = i % 3 == 0 ? "hanne@example.dk" : null,
                JobAdUrl = i % 2 == 0 ? $"https://job.example.dk/annonce/{1000 + i}" : null,
                ApplicationType = (ApplicationType)(i % 5), WorkingTime = i % 4 == 3 ? WorkingTime.PartTime : WorkingTime.FullTime,
                Note = i % 4 == 0 ? "Fulgte op med et opkald." : null,
                Closed = i is 20 or 27 or 33,
            };
            logs.Add(new DemoLog($"mette:{i}", content, changed + 3, changed));
        }
        string[] activities = ["Netværksmøde i faglig klub", "Jobmesse i Ceres Park", "Kursus i Excel", "Virksomhedsbesøg hos Arla", "CV-workshop", "Netværksmøde med tidligere kolleger"];
        for (var i = 0; i < activities.Length; i++)
        {
            var changed = 5 + i * 13;
            var content = new LogContent
            {
                Kind = LogKind.OtherActivity, ActivityType = (ActivityType)(i % 5), Description = activities[i],
                Place = "Aarhus", Closed = i == 5,
            };
            logs.Add(new DemoLog($"mette:activity:{i}", content, changed, changed));
        }
        return logs;
    }

    public static IReadOnlyList<DemoLog> For(string citizen, int count, int newestDaysAgo, int spreadDays)
    {
        var logs = new List<DemoLog>();
        for (var i = 0; i < count; i++)
        {
            var jobs = JobsFor[citizen];
            var job = jobs[i % jobs.Length];
            var changed = newestDaysAgo + i * spreadDays / Math.Max(1, count);
            logs.Add(new DemoLog($"{citizen}:{i}", new LogContent
            {
                Kind = LogKind.JobSearch, Status = Statuses[(i + 1) % Statuses.Length], JobTitle = job.Title,
                OccupationCode = job.Code, EmployerName = job.Employer, EmployerPostalCode = job.Zip, EmployerCity = job.City,
                ApplicationType = ApplicationType.Advertised, WorkingTime = WorkingTime.FullTime,
            }, changed + 1, changed));
        }
        return logs;
    }
}
