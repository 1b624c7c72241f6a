using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Joblog.Web.Localization;

/// <summary>
/// The UI texts: one flat map of dotted keys to text per culture, read once from the embedded
/// <c>Resources/texts.{culture}.json</c>.
/// </summary>
/// <remarks>
/// MSBuild sees the culture in <c>texts.da.json</c> and puts the file in a satellite assembly
/// (<c>da/Joblog.Web.resources.dll</c>, resource <c>Joblog.Web.Resources.texts.json</c>); if the
/// project ever marks the files <c>WithCulture="false"</c> they are in the main assembly instead.
/// Both are read.
/// </remarks>
public sealed class TextCatalog
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> byCulture;

    public TextCatalog(IEnumerable<string> cultures)
        : this(cultures.ToDictionary(c => c, c => Load(typeof(Texts).Assembly, c)))
    {
    }

    internal TextCatalog(IDictionary<string, IReadOnlyDictionary<string, string>> texts)
    {
        byCulture = texts.ToFrozenDictionary(
            kv => kv.Key,
            kv => kv.Value.ToFrozenDictionary(StringComparer.Ordinal),
            StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyCollection<string> Cultures => byCulture.Keys;

    /// <summary>The texts of <paramref name="culture"/> or its nearest parent that has texts; else the default culture's.</summary>
    public IReadOnlyDictionary<string, string> For(CultureInfo culture)
    {
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            if (byCulture.TryGetValue(c.Name, out var texts))
            {
                return texts;
            }
        }
        return byCulture[LocalizationSetup.DefaultCulture];
    }

    internal static IReadOnlyDictionary<string, string> Load(Assembly assembly, string culture)
    {
        using var stream = OpenResource(assembly, culture)
            ?? throw new InvalidOperationException($"No embedded texts for culture '{culture}' (Resources/texts.{culture}.json).");
        return Parse(stream);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { ReadCommentHandling = JsonCommentHandling.Skip };

    internal static Dictionary<string, string> Parse(Stream json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json, JsonOptions) ?? [];

    private static Stream? OpenResource(Assembly assembly, string culture)
    {
        var root = assembly.GetName().Name;
        var inMain = assembly.GetManifestResourceStream($"{root}.Resources.texts.{culture}.json");
        if (inMain is not null)
        {
            return inMain;
        }
        try
        {
            return assembly.GetSatelliteAssembly(new CultureInfo(culture))
                .GetManifestResourceStream($"{root}.Resources.texts.json");
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
