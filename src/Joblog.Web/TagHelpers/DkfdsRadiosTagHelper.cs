using System.Globalization;
using Joblog.Web.Localization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.TagHelpers;

/// <summary>
/// DKFDS radio group: <c>fieldset</c> with <c>legend.form-label</c> (the <c>label</c> attribute).
/// The first radio has the field's id (so the error summary link focuses it), the others <c>ID-2</c>, <c>ID-3</c>, ….
/// Unknown attributes go on each radio.
/// <code>&lt;dkfds-radios asp-for="Input.Kind" asp-items="Model.Kinds" label="@T["Log.Kind"]" /&gt;</code>
/// </summary>
[HtmlTargetElement("dkfds-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DkfdsRadiosTagHelper(IHtmlGenerator generator, IStringLocalizer<Texts> t) : DkfdsFieldTagHelper(generator, t)
{
    [HtmlAttributeName("asp-items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    protected override void Render(HtmlContentBuilder content, TagBuilder passThrough, TagHelperOutput output)
    {
        var legendId = Id + "-legend";
        var fieldset = new TagBuilder("fieldset");
        fieldset.Attributes["aria-labelledby"] = legendId;
        if (DescribedBy() is { } describedBy)
        {
            fieldset.Attributes["aria-describedby"] = describedBy;
        }

        var legend = new TagBuilder("legend");
        legend.AddCssClass("form-label");
        legend.Attributes["id"] = legendId;
        legend.InnerHtml.AppendHtml(LabelText());
        fieldset.InnerHtml.AppendHtml(legend);

        var hintAndError = new HtmlContentBuilder();
        AppendHintAndError(hintAndError);
        fieldset.InnerHtml.AppendHtml(hintAndError);

        var value = Value;
        var index = 0;
        foreach (var item in Items)
        {
            index++;
            var id = index == 1 ? Id : Id + "-" + index.ToString(CultureInfo.InvariantCulture);
            var radio = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
            radio.MergeAttributes(passThrough.Attributes, replaceExisting: true);
            radio.AddCssClass("form-radio");
            radio.Attributes["type"] = "radio";
            radio.Attributes["id"] = id;
            radio.Attributes["name"] = Name;
            radio.Attributes["value"] = item.Value;
            if (value is null ? item.Selected : string.Equals(item.Value, value, StringComparison.Ordinal))
            {
                radio.Attributes["checked"] = "checked";
            }
            if (item.Disabled)
            {
                radio.Attributes["disabled"] = "disabled";
            }
            var label = new TagBuilder("label");
            label.AddCssClass("form-label");
            label.Attributes["for"] = id;
            label.InnerHtml.Append(item.Text);

            var group = new TagBuilder("div");
            group.AddCssClass("form-group-radio");
            group.InnerHtml.AppendHtml(radio).AppendHtml(label);
            fieldset.InnerHtml.AppendHtml(group);
        }
        content.AppendHtml(fieldset);
    }
}
