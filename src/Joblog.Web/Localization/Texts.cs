namespace Joblog.Web.Localization;

/// <summary>
/// Marker type for the shared UI texts (<c>Resources/texts.{culture}.json</c>).
/// Views get <c>IStringLocalizer&lt;Texts&gt;</c> as <c>T</c> from <c>_ViewImports.cshtml</c>.
/// </summary>
public sealed class Texts;
