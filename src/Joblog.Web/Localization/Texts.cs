namespace Joblog.Web.Localization;

/// <summary>Marker type for the app's one set of texts (Resources/texts.*.json).</summary>
public sealed class Texts;
