using Joblog.Web.Localization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.TagHelpers;

/// <summary>
/// DKFDS textarea, with the DKFDS character limit when <c>max-length</c> is given (the count is
/// computed on the server and kept live by DKFDS's script when it runs; the limit itself is checked by the page model).
/// <code>&lt;dkfds-textarea asp-for="Input.Note" label="@T["Log.Note"]" optional="true" max-length="1000" rows="6" /&gt;</code>
/// </summary>
[HtmlTargetElement("dkfds-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DkfdsTextareaTagHelper(IHtmlGenerator generator, IStringLocalizer<Texts> t) : DkfdsFieldTagHelper(generator, t)
{
    public int Rows { get; set; } = 5;

    public int? MaxLength { get; set; }

    private string LimitId => Id + "-limit-message";

    protected override void Render(HtmlContentBuilder content, TagBuilder passThrough, TagHelperOutput output)
    {
        content.AppendHtml(LabelFor(Id));
        AppendHintAndError(content);
        var textarea = Control("textarea", passThrough, "form-input", MaxLength is null ? null : LimitId);
        textarea.Attributes["rows"] = Rows.ToString(System.Globalization.CultureInfo.InvariantCulture);
        textarea.InnerHtml.Append(Value ?? "");
        content.AppendHtml(textarea);

        if (MaxLength is { } max)
        {
            output.Attributes.SetAttribute("class", output.Attributes["class"].Value + " form-limit");
            output.Attributes.SetAttribute("data-maxlength", max);
            var left = max - (Value?.Length ?? 0);
            content.AppendHtml(Span(LimitId, "sr-only", T["Form.CharacterLimit", max], ariaHidden: false));
            content.AppendHtml(Span(null, "form-hint character-limit",
                left >= 0 ? T["Form.CharactersLeft", left] : T["Form.CharactersTooMany", -left], ariaHidden: true));
            var live = Span(null, "character-limit-sr-only sr-only", "", ariaHidden: false);
            live.Attributes["aria-live"] = "polite";
            content.AppendHtml(live);
        }
    }

    private static TagBuilder Span(string? id, string cssClass, string text, bool ariaHidden)
    {
        var span = new TagBuilder("span");
        if (id is not null)
        {
            span.Attributes["id"] = id;
        }
        span.AddCssClass(cssClass);
        if (ariaHidden)
        {
            span.Attributes["aria-hidden"] = "true";
        }
        span.InnerHtml.Append(text);
        return span;
    }
}
