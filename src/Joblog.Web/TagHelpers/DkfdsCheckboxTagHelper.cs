using Joblog.Web.Localization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.TagHelpers;

/// <summary>
/// One DKFDS checkbox for a <c>bool</c>. Like the built-in helper it adds a hidden "false" so an
/// unticked box binds to false. Never <c>required</c>; for "I accept" use a page-model check.
/// <code>&lt;dkfds-checkbox asp-for="Input.ShowClosed" label="@T["Log.ShowClosed"]" /&gt;</code>
/// </summary>
[HtmlTargetElement("dkfds-checkbox", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DkfdsCheckboxTagHelper(IHtmlGenerator generator, IStringLocalizer<Texts> t) : DkfdsFieldTagHelper(generator, t)
{
    protected override void Render(HtmlContentBuilder content, TagBuilder passThrough, TagHelperOutput output)
    {
        Optional = false; // no " (frivilligt)" on a single checkbox: ticking it is the choice
        var errorOnly = new HtmlContentBuilder();
        var hint = Hint;
        Hint = null; // DKFDS puts a checkbox's hint after its label, inside form-group-checkbox
        AppendHintAndError(errorOnly);
        Hint = hint;
        content.AppendHtml(errorOnly);

        var checkbox = Control("input", passThrough, "form-checkbox");
        checkbox.Attributes.Remove("required");
        checkbox.Attributes["type"] = "checkbox";
        checkbox.Attributes["value"] = "true";
        if (IsChecked())
        {
            checkbox.Attributes["checked"] = "checked";
        }

        var group = new TagBuilder("div");
        group.AddCssClass("form-group-checkbox");
        group.InnerHtml.AppendHtml(checkbox).AppendHtml(LabelFor(Id));
        if (!string.IsNullOrEmpty(Hint))
        {
            var hintSpan = new TagBuilder("span");
            hintSpan.AddCssClass("form-hint");
            hintSpan.Attributes["id"] = HintId;
            hintSpan.InnerHtml.Append(Hint);
            group.InnerHtml.AppendHtml(hintSpan);
        }
        content.AppendHtml(group);

        var hidden = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        hidden.Attributes["type"] = "hidden";
        hidden.Attributes["name"] = Name;
        hidden.Attributes["value"] = "false";
        content.AppendHtml(hidden);
    }

    private bool IsChecked() =>
        ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.AttemptedValue is { } attempted
            ? attempted.Split(',').Contains("true", StringComparer.OrdinalIgnoreCase)
            : For.Model is true;
}
