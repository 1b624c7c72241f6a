using AngleSharp.Dom;

namespace Joblog.Web.Features.JobAds;

/// <summary>
/// The first schema.org JobPosting in a page's microdata (<c>itemscope itemtype=".../JobPosting"</c>).
/// A property belongs to its nearest enclosing <c>itemscope</c>, so the employer's <c>name</c> is not
/// taken for the posting's.
/// </summary>
internal static class MicrodataPostings
{
    public static PostingProperties? Find(IDocument page)
    {
        var posting = page.QuerySelectorAll("[itemscope][itemtype]").FirstOrDefault(e => HasType(e, "JobPosting"));
        if (posting is null) return null;
        var location = Item(posting, "jobLocation");
        var address = location is null ? null : Item(location, "address");
        return new PostingProperties(
            Value(posting, "title") ?? Value(posting, "name"),
            Value(posting, "hiringOrganization"),
            address is null ? null : Value(address, "streetAddress"),
            address is null ? null : Value(address, "postalCode"),
            address is null ? null : Value(address, "addressLocality"),
            Value(posting, "validThrough"),
            Properties(posting, "employmentType").Select(ValueOf).OfType<string>().ToList());
    }

    private static bool HasType(IElement e, string type) =>
        (e.GetAttribute("itemtype") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(t => t.TrimEnd('/').EndsWith("schema.org/" + type, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<IElement> Properties(IElement scope, string name) =>
        scope.QuerySelectorAll("[itemprop]").Where(e =>
            (e.GetAttribute("itemprop") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(name, StringComparer.Ordinal)
            && OwnerScope(e) == scope);

    private static IElement? OwnerScope(IElement e)
    {
        for (var p = e.ParentElement; p is not null; p = p.ParentElement)
            if (p.HasAttribute("itemscope")) return p;
        return null;
    }

    /// <summary>A nested item (<c>itemprop="jobLocation" itemscope</c>).</summary>
    private static IElement? Item(IElement scope, string name) => Properties(scope, name).FirstOrDefault(e => e.HasAttribute("itemscope"));

    private static string? Value(IElement scope, string name) => Properties(scope, name).Select(ValueOf).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>A property's value as microdata defines it; a nested item (an organisation) by its <c>name</c>.</summary>
    private static string? ValueOf(IElement e)
    {
        if (e.HasAttribute("itemscope")) return Value(e, "name") ?? e.TextContent;
        if (e.GetAttribute("content") is { } content) return content;
        return e.LocalName switch
        {
            "time" => e.GetAttribute("datetime") ?? e.TextContent,
            "a" or "link" or "area" => e.GetAttribute("href"),
            "img" or "source" or "audio" or "video" or "iframe" or "embed" => e.GetAttribute("src"),
            "data" or "meter" => e.GetAttribute("value"),
            _ => e.TextContent,
        };
    }
}
