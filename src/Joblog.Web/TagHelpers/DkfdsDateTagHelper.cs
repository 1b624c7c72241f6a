using Joblog.Web.Localization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.TagHelpers;

/// <summary>
/// A date as one DKFDS text field (DD-MM-YYYY), hint "Fx 24-12-2026" unless another is given.
/// Bind it to a <c>string</c> and parse in the page model (<c>DateOnly</c>/<c>DateTime</c> values are shown as dd-MM-yyyy).
/// <code>&lt;dkfds-date asp-for="Input.AppliedOn" label="@T["Log.AppliedOn"]" /&gt;</code>
/// </summary>
[HtmlTargetElement("dkfds-date", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DkfdsDateTagHelper(IHtmlGenerator generator, IStringLocalizer<Texts> t) : DkfdsFieldTagHelper(generator, t)
{
    protected override void Render(HtmlContentBuilder content, TagBuilder passThrough, TagHelperOutput output)
    {
        Hint ??= T["Form.DateHint"];
        content.AppendHtml(LabelFor(Id));
        AppendHintAndError(content);
        var input = Control("input", passThrough, "form-input input-width-s");
        input.Attributes["type"] = "text";
        input.Attributes["autocomplete"] = passThrough.Attributes.TryGetValue("autocomplete", out var ac) ? ac : "off";
        if (Value is { } value)
        {
            input.Attributes["value"] = value;
        }
        content.AppendHtml(input);
    }
}
