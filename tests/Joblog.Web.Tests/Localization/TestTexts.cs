using System.Globalization;
using Joblog.Web.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;

namespace Joblog.Web.Tests.Localization;

/// <summary>The real texts without a host: for tests of views, tag helpers and the localizer.</summary>
internal static class TestTexts
{
    public static IStringLocalizer<Texts> Localizer() =>
        new StringLocalizer<Texts>(new JsonStringLocalizerFactory(new TextCatalog(LocalizationSetup.SupportedCultures), NullLoggerFactory.Instance));

    public static IDisposable UseCulture(string name)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);
        return new Restore(() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture));
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
