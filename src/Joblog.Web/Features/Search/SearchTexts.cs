using Joblog.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.Search;

public static class SearchTexts
{
    /// <summary>A target group's name (<c>Search.TargetGroup.&lt;code&gt;</c>); the code itself for a group added later.</summary>
    public static string TargetGroup(IStringLocalizer<Texts> t, string code) =>
        t["Search.TargetGroup." + code] is { ResourceNotFound: false } name ? name.Value : code;
}
