using Joblog.Core.Logs;
using Joblog.Web.Localization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.Logs;

/// <summary>Localized names of the log's enums, for lists, selects and radios.</summary>
public static class LogOptions
{
    public static string Name<T>(this IStringLocalizer<Texts> t, T value) where T : struct, Enum =>
        t[$"Log.{typeof(T).Name}.{ApiNames.Of(value)}"];

    public static IEnumerable<SelectListItem> Items<T>(this IStringLocalizer<Texts> t) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new SelectListItem(t.Name(v), v.ToString()));

    /// <summary>URL words for the two kinds: /joblog/ny/jobsoegning and /joblog/ny/anden-aktivitet.</summary>
    public static string Slug(LogKind kind) => kind == LogKind.JobSearch ? "jobsoegning" : "anden-aktivitet";

    public static LogKind? FromSlug(string? slug) => slug switch
    {
        "jobsoegning" => LogKind.JobSearch,
        "anden-aktivitet" => LogKind.OtherActivity,
        _ => null,
    };
}
