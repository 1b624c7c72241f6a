using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Localization;

/// <summary>Looks texts up in the current UI culture. A missing key gives the key back and a warning in the log.</summary>
public sealed class JsonStringLocalizer(TextCatalog catalog, ILogger logger) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var found = Find(name, out var value);
            return new LocalizedString(name, value, resourceNotFound: !found);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var found = Find(name, out var format);
            try
            {
                return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format, arguments), !found);
            }
            catch (FormatException)
            {
                logger.LogWarning("Text {Key} in culture {Culture} is not a valid format string", name, CultureInfo.CurrentUICulture.Name);
                return new LocalizedString(name, format, !found);
            }
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        catalog.For(CultureInfo.CurrentUICulture).Select(kv => new LocalizedString(kv.Key, kv.Value));

    private bool Find(string name, out string value)
    {
        if (catalog.For(CultureInfo.CurrentUICulture).TryGetValue(name, out var text))
        {
            value = text;
            return true;
        }
        logger.LogWarning("Missing text {Key} for culture {Culture}", name, CultureInfo.CurrentUICulture.Name);
        value = name;
        return false;
    }
}

/// <summary>One set of texts for the whole app: every <c>IStringLocalizer&lt;T&gt;</c> reads the same JSON files.</summary>
public sealed class JsonStringLocalizerFactory(TextCatalog catalog, ILoggerFactory loggerFactory) : IStringLocalizerFactory
{
    private readonly JsonStringLocalizer localizer = new(catalog, loggerFactory.CreateLogger<JsonStringLocalizer>());

    public IStringLocalizer Create(Type resourceSource) => localizer;

    public IStringLocalizer Create(string baseName, string location) => localizer;
}
