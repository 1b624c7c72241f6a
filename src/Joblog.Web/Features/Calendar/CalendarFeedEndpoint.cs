using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Joblog.Core.Logs;
using Joblog.Web.Access;
using Joblog.Web.Auth;
using Joblog.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.Calendar;

/// <summary>
/// GET /kalender/feed/{token}.ics — the citizen's dates as an iCalendar feed a phone can subscribe
/// to. Anonymous: the random token is the credential (never a CPR number). Unknown or revoked → 404.
/// Minimal content: kind, title, employer. In Danish, from 90 days back to a year ahead.
/// </summary>
public static partial class CalendarFeedEndpoint
{
    public const int DaysBack = 90;
    public const int DaysAhead = 366;

    private static readonly HashSet<CalendarKind> AllKinds = [.. Enum.GetValues<CalendarKind>()];

    public static void MapCalendarFeed(this IEndpointRouteBuilder app) =>
        app.MapGet("/kalender/feed/{token}.ics", FeedAsync).AllowAnonymous().ExcludeFromDescription();

    private static async Task<IResult> FeedAsync(string token, HttpContext http, CalendarFeedStore feeds, CitizenGate gate, CalendarQuery query,
        TimeProvider clock, IStringLocalizer<Texts> t)
    {
        var ct = http.RequestAborted;
        if (!TokenPattern().IsMatch(token) || await feeds.FindCitizenAsync(token, ct) is not { } citizenId) return TypedResults.NotFound();

        // The token stands for the citizen: the feed reads through the gate as the citizen.
        var actor = new Actor(ActorKind.Citizen, citizenId.ToString(), "Kalender-feed", citizenId, null);
        var access = await gate.OpenAsync(actor, citizenId, "calendar.feed", ct);
        if (access is null) return TypedResults.NotFound();

        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(LocalizationSetup.DefaultCulture);
        var today = clock.Today();
        var entries = await query.ListAsync(access, today.AddDays(-DaysBack), today.AddDays(DaysAhead), AllKinds, ct);
        var ics = ICalendarWriter.Write(t["Calendar.Feed.Name"], entries.Select(e =>
            new FeedEvent($"{e.LogId}-{ApiNames.Of(e.Kind)}@joblog", e.Day, e.At, t.Summary(e), e.UpdatedAt)));

        http.Response.Headers.CacheControl = "private, no-cache";
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        return TypedResults.Bytes(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8");
    }

    /// <summary>32 bytes in base64url without padding.</summary>
    [GeneratedRegex("^[A-Za-z0-9_-]{43}$")]
    private static partial Regex TokenPattern();
}
