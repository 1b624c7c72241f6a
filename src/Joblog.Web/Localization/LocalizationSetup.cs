using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;

namespace Joblog.Web.Localization;

/// <summary>
/// UI texts from <c>Resources/texts.{da,en}.json</c>. Danish for everyone unless the culture cookie
/// (set by the language switcher, <c>POST /sprog</c>) says English; Accept-Language is ignored.
/// </summary>
public static class LocalizationSetup
{
    public const string DefaultCulture = "da";

    public static readonly IReadOnlyList<string> SupportedCultures = [DefaultCulture, "en"];

    public static IServiceCollection AddJoblogLocalization(this IServiceCollection services)
    {
        services.AddSingleton(new TextCatalog(SupportedCultures));
        services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        services.AddLocalization(); // adds IStringLocalizer<T>; keeps the factory above

        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = SupportedCultures.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture(DefaultCulture);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });

        // Write æ, ø, å as they are rather than as &#xE6; entities (still encodes <, >, &, quotes).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        // Model binding messages ("The value 'x' is not valid for Y") in the user's language.
        // Page models still write their own specific messages; these are the fallbacks.
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((o, factory) =>
        {
            var t = factory.Create(typeof(Texts));
            var m = o.ModelBindingMessageProvider;
            m.SetMissingBindRequiredValueAccessor(_ => t["Form.Binding.Required"]);
            m.SetMissingKeyOrValueAccessor(() => t["Form.Binding.Required"]);
            m.SetMissingRequestBodyRequiredValueAccessor(() => t["Form.Binding.Required"]);
            m.SetValueMustNotBeNullAccessor(_ => t["Form.Binding.Required"]);
            m.SetAttemptedValueIsInvalidAccessor((_, _) => t["Form.InvalidValue"]);
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => t["Form.InvalidValue"]);
            m.SetUnknownValueIsInvalidAccessor(_ => t["Form.InvalidValue"]);
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["Form.InvalidValue"]);
            m.SetValueIsInvalidAccessor(_ => t["Form.InvalidValue"]);
            m.SetValueMustBeANumberAccessor(_ => t["Form.Binding.Number"]);
            m.SetNonPropertyValueMustBeANumberAccessor(() => t["Form.Binding.Number"]);
        });

        return services;
    }

    public static WebApplication UseJoblogLocalization(this WebApplication app)
    {
        app.UseRequestLocalization();
        return app;
    }

    public static bool IsSupported(string? culture) =>
        culture is not null && SupportedCultures.Contains(culture, StringComparer.OrdinalIgnoreCase);
}
