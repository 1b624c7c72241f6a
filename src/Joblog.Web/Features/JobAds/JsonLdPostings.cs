using System.Text.Json;
using AngleSharp.Dom;

namespace Joblog.Web.Features.JobAds;

/// <summary>
/// The first schema.org JobPosting in a page's <c>&lt;script type="application/ld+json"&gt;</c> blocks:
/// a top-level object, an array, or an item of <c>@graph</c>. A block that is not valid JSON is skipped.
/// </summary>
internal static class JsonLdPostings
{
    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 };

    public static PostingProperties? Find(IDocument page)
    {
        foreach (var script in page.QuerySelectorAll("script"))
        {
            if (!string.Equals(script.GetAttribute("type")?.Trim(), "application/ld+json", StringComparison.OrdinalIgnoreCase)) continue;
            JsonDocument json;
            try
            {
                json = JsonDocument.Parse(script.TextContent, Lenient);
            }
            catch (JsonException)
            {
                continue;
            }
            using (json)
            {
                if (Candidates(json.RootElement).FirstOrDefault(IsJobPosting) is { ValueKind: JsonValueKind.Object } posting)
                    return Read(posting);
            }
        }
        return null;
    }

    private static IEnumerable<JsonElement> Candidates(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
                foreach (var c in Candidates(item)) yield return c;
        }
        else if (e.ValueKind == JsonValueKind.Object)
        {
            yield return e;
            if (e.TryGetProperty("@graph", out var graph))
                foreach (var c in Candidates(graph)) yield return c;
        }
    }

    private static bool IsJobPosting(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty("@type", out var type) && Strings(type).Any(IsJobPostingType);

    private static bool IsJobPostingType(string type) =>
        type.Equals("JobPosting", StringComparison.OrdinalIgnoreCase) || type.EndsWith("schema.org/JobPosting", StringComparison.OrdinalIgnoreCase);

    private static PostingProperties Read(JsonElement posting)
    {
        var location = First(Property(posting, "jobLocation"));
        var address = location is { } l ? First(Property(l, "address")) : null;
        string? street = null, zip = null, locality = null;
        if (address is { ValueKind: JsonValueKind.Object } a)
        {
            street = Text(Property(a, "streetAddress"));
            zip = Text(Property(a, "postalCode"));
            locality = Text(Property(a, "addressLocality"));
        }
        else if (address is { } text)
        {
            street = Text(text);
        }
        return new PostingProperties(
            Text(Property(posting, "title")) ?? Text(Property(posting, "name")),
            Text(Property(posting, "hiringOrganization")),
            street, zip, locality,
            Text(Property(posting, "validThrough")),
            Property(posting, "employmentType") is { } types ? Strings(types).ToList() : []);
    }

    private static JsonElement? Property(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var value) ? value : null;

    private static JsonElement? First(JsonElement? e) =>
        e is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray().Select(x => (JsonElement?)x).FirstOrDefault() : e;

    /// <summary>A string or number as text; an object by its <c>name</c>; an array by its first text.</summary>
    private static string? Text(JsonElement? e) => e switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        { ValueKind: JsonValueKind.Object } o => Text(Property(o, "name")),
        { ValueKind: JsonValueKind.Array } a => a.EnumerateArray().Select(x => Text(x)).FirstOrDefault(x => !string.IsNullOrWhiteSpace(x)),
        _ => null,
    };

    private static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Array => e.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!),
        _ => [],
    };
}
