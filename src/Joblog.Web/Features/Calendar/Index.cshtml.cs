using System.Globalization;
using Joblog.Web.Access;
using Joblog.Web.Features.Shared;
using Joblog.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.Calendar;

/// <summary>
/// Kalender: a month (?maaned=2026-11), Monday first with ISO week numbers; planned dates,
/// deadlines and interviews from the joblog, each kind toggled by a checkbox in a GET form; a
/// list of the same dates under the grid; and the private calendar-feed link.
/// </summary>
public sealed class IndexModel(CitizenGate gate, CalendarQuery query, CalendarFeedStore feeds, TimeProvider clock, IStringLocalizer<Texts> t)
    : CitizenPageModel(gate)
{
    private const string NewFeedKey = "Calendar.NewFeedUrl";

    [BindProperty(SupportsGet = true)] public string? Maaned { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Planlagt { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Frister { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Samtaler { get; set; }

    public DateOnly Month { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyList<CalendarWeek> Weeks { get; private set; } = [];
    public IReadOnlyList<CalendarEntry> Entries { get; private set; } = [];
    public ILookup<DateOnly, CalendarEntry> ByDay { get; private set; } = Array.Empty<CalendarEntry>().ToLookup(e => e.Day);
    public bool CanWrite { get; private set; }
    public CalendarFeed? Feed { get; private set; }

    /// <summary>The address of a feed link made just now: shown this once, never stored.</summary>
    public string? NewFeedUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var access = await OpenCitizenAsync("calendar.read");
        if (access is null) return NotFound();
        Today = clock.Today();
        Month = CalendarMonth.Parse(Maaned) ?? new DateOnly(Today.Year, Today.Month, 1);
        Planlagt ??= true;
        Frister ??= true;
        Samtaler ??= true;
        Weeks = CalendarMonth.Weeks(Month);
        Entries = await query.ListAsync(access, Month, Month.AddMonths(1).AddDays(-1), Kinds(), HttpContext.RequestAborted);
        ByDay = Entries.ToLookup(e => e.Day);
        CanWrite = access.CanWrite;
        if (CanWrite)
        {
            Feed = await feeds.GetLiveAsync(access, HttpContext.RequestAborted);
            NewFeedUrl = TempData[NewFeedKey] as string;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostNewFeedAsync()
    {
        var access = await OpenCitizenAsync("calendar.feed");
        if (access is null) return NotFound();
        if (!access.CanWrite) return Forbid();
        var token = await feeds.CreateAsync(access, HttpContext.RequestAborted);
        TempData[NewFeedKey] = $"{Request.Scheme}://{Request.Host}/kalender/feed/{token}.ics";
        return Redirect("/kalender#feed-heading");
    }

    public async Task<IActionResult> OnPostRevokeFeedAsync()
    {
        var access = await OpenCitizenAsync("calendar.feed");
        if (access is null) return NotFound();
        if (!access.CanWrite) return Forbid();
        await feeds.RevokeAsync(access, HttpContext.RequestAborted);
        TempData["Flash"] = t["Calendar.FeedRevoked"].Value;
        return Redirect("/kalender#feed-heading");
    }

    private HashSet<CalendarKind> Kinds()
    {
        var kinds = new HashSet<CalendarKind>();
        if (Planlagt == true) kinds.Add(CalendarKind.Planned);
        if (Frister == true) kinds.Add(CalendarKind.Deadline);
        if (Samtaler == true) kinds.Add(CalendarKind.Interview);
        return kinds;
    }

    /// <summary>This calendar's address for another month, keeping the kinds switched off.</summary>
    public string UrlFor(DateOnly month)
    {
        var url = "/kalender?maaned=" + CalendarMonth.Format(month);
        if (Planlagt == false) url += "&Planlagt=false";
        if (Frister == false) url += "&Frister=false";
        if (Samtaler == false) url += "&Samtaler=false";
        return url;
    }

    /// <summary>The webcal:// form of the feed address, which phones open in their calendar app.</summary>
    public static string Webcal(string url) => "webcal://" + url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];

    public static string Day(DateOnly day) => day.Day.ToString(CultureInfo.InvariantCulture);
}
