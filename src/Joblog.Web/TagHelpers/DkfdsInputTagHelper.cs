using Joblog.Web.Localization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.TagHelpers;

/// <summary>
/// DKFDS text field.
/// <code>&lt;dkfds-input asp-for="Input.Email" type="email" label="@T["Profile.Email"]" hint="@T["Profile.EmailHint"]" autocomplete="email" class="input-width-xl" /&gt;</code>
/// </summary>
[HtmlTargetElement("dkfds-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DkfdsInputTagHelper(IHtmlGenerator generator, IStringLocalizer<Texts> t) : DkfdsFieldTagHelper(generator, t)
{
    private static readonly string[] Types = ["text", "email", "tel", "url", "number"];

    /// <summary>text (default), email, tel, url or number.</summary>
    public string Type { get; set; } = "text";

    protected override void Render(HtmlContentBuilder content, TagBuilder passThrough, TagHelperOutput output)
    {
        if (!Types.Contains(Type))
        {
            throw new InvalidOperationException($"<dkfds-input> type must be one of {string.Join(", ", Types)}; was '{Type}'.");
        }
        content.AppendHtml(LabelFor(Id));
        AppendHintAndError(content);
        var input = Control("input", passThrough, "form-input");
        input.Attributes["type"] = Type;
        if (Value is { } value)
        {
            input.Attributes["value"] = value;
        }
        content.AppendHtml(input);
    }
}
