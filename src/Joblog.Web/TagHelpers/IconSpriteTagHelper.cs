using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Joblog.Web.TagHelpers;

/// <summary>
/// <c>&lt;dkfds-icon-sprite /&gt;</c>: DKFDS's icon sprite inlined in <c>div.hide-base-svg</c>, so
/// <c>&lt;svg class="icon-svg"&gt;&lt;use href="#lock"&gt;&lt;/use&gt;&lt;/svg&gt;</c> works. The file is read once.
/// </summary>
[HtmlTargetElement("dkfds-icon-sprite", TagStructure = TagStructure.WithoutEndTag)]
public sealed class IconSpriteTagHelper(IWebHostEnvironment environment) : TagHelper
{
    public const string SpritePath = "lib/dkfds/img/all-svg-icons.svg";

    private static string? sprite;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "hide-base-svg");
        output.Content.SetHtmlContent(sprite ??= Read(environment));
    }

    internal static string Read(IWebHostEnvironment environment)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(SpritePath);
        if (!file.Exists)
        {
            return "";
        }
        using var reader = new StreamReader(file.CreateReadStream());
        var svg = reader.ReadToEnd();
        var start = svg.IndexOf("<svg", StringComparison.Ordinal); // drop the XML prolog and doctype
        return start < 0 ? "" : svg[start..];
    }
}
