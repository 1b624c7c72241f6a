using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Joblog.Web.TagHelpers;

/// <summary>
/// A <c>dt</c>/<c>dd</c> pair that renders nothing when the value is empty, so detail pages show
/// only what was filled in. <code>&lt;dd-row label="@T["Log.Note"]" value="@log.Note" /&gt;</code>
/// </summary>
[HtmlTargetElement("dd-row", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DefinitionRowTagHelper : TagHelper
{
    public string Label { get; set; } = "";

    public string? Value { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        if (string.IsNullOrWhiteSpace(Value))
        {
            output.SuppressOutput();
            return;
        }
        output.Content.SetHtmlContent(
            $"<dt>{System.Net.WebUtility.HtmlEncode(Label)}</dt><dd>{System.Net.WebUtility.HtmlEncode(Value)}</dd>");
    }
}
