using Joblog.Web.Localization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.TagHelpers;

/// <summary>
/// DKFDS select. <c>placeholder</c> adds a first, empty option ("Vælg" when given as <c>placeholder=""</c>).
/// <code>&lt;dkfds-select asp-for="Input.Status" asp-items="Model.Statuses" label="@T["Log.Status"]" placeholder="" /&gt;</code>
/// </summary>
[HtmlTargetElement("dkfds-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DkfdsSelectTagHelper(IHtmlGenerator generator, IStringLocalizer<Texts> t) : DkfdsFieldTagHelper(generator, t)
{
    [HtmlAttributeName("asp-items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    public string? Placeholder { get; set; }

    protected override void Render(HtmlContentBuilder content, TagBuilder passThrough, TagHelperOutput output)
    {
        content.AppendHtml(LabelFor(Id));
        AppendHintAndError(content);
        var select = Control("select", passThrough, "form-select");
        if (Placeholder is not null)
        {
            select.InnerHtml.AppendHtml(Option("", Placeholder.Length > 0 ? Placeholder : T["Form.SelectPlaceholder"], selected: false));
        }
        var value = Value;
        foreach (var item in Items)
        {
            var selected = value is null ? item.Selected : string.Equals(item.Value, value, StringComparison.Ordinal);
            select.InnerHtml.AppendHtml(Option(item.Value, item.Text, selected, item.Disabled));
        }
        content.AppendHtml(select);
    }

    private static TagBuilder Option(string value, string text, bool selected, bool disabled = false)
    {
        var option = new TagBuilder("option");
        option.Attributes["value"] = value;
        if (selected)
        {
            option.Attributes["selected"] = "selected";
        }
        if (disabled)
        {
            option.Attributes["disabled"] = "disabled";
        }
        option.InnerHtml.Append(text);
        return option;
    }
}
