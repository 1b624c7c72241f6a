using System.Globalization;
using Joblog.Web.Localization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.TagHelpers;

/// <summary>
/// What every DKFDS field shares: <c>div.form-group</c> (+ <c>form-error</c>), <c>label.form-label</c>
/// (+ " (frivilligt)"), <c>span.form-hint#ID-hint</c>, <c>span.form-error-message#ID-error</c>, and the
/// control's <c>aria-invalid</c>/<c>aria-describedby</c>. Name, id and value come from <c>asp-for</c> like
/// the built-in helpers; the error summary links to <c>#</c> + <see cref="Id"/>.
/// Attributes the helper does not know (autocomplete, inputmode, class, …) go on the control.
/// </summary>
public abstract class DkfdsFieldTagHelper(IHtmlGenerator generator, IStringLocalizer<Texts> t) : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    /// <summary>Label (legend for radios), already localized.</summary>
    public string Label { get; set; } = "";

    /// <summary>Hint under the label, already localized.</summary>
    public string? Hint { get; set; }

    /// <summary>Adds " (frivilligt)" to the label and leaves out <c>required</c>.</summary>
    public bool Optional { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    protected IStringLocalizer<Texts> T => t;

    protected string Name => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);

    protected string Id => TagBuilder.CreateSanitizedId(Name, generator.IdAttributeDotReplacement);

    protected string HintId => Id + "-hint";

    protected string ErrorId => Id + "-error";

    protected string? Error => FieldErrors.For(ViewContext.ViewData.ModelState, Name, t);

    /// <summary>What the user typed (after a failed post), else the model's value.</summary>
    protected string? Value =>
        ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.AttemptedValue is not null
            ? entry.AttemptedValue
            : For.Model switch
            {
                null => null,
                DateOnly d => d.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
                DateTime d => d.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.CurrentCulture),
                var o => o.ToString(),
            };

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var control = new TagBuilder("span"); // retagged by the subclass
        foreach (var attribute in output.Attributes)
        {
            if (attribute.Name == "class")
            {
                control.AddCssClass(attribute.Value?.ToString() ?? "");
            }
            else
            {
                control.MergeAttribute(attribute.Name, attribute.Value?.ToString(), replaceExisting: true);
            }
        }
        output.Attributes.Clear();

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Error is null ? "form-group" : "form-group form-error");
        var content = new HtmlContentBuilder();
        Render(content, control, output);
        output.Content.SetHtmlContent(content);
    }

    /// <summary>Writes the inside of the form group. <paramref name="passThrough"/> holds the unknown attributes.</summary>
    protected abstract void Render(HtmlContentBuilder content, TagBuilder passThrough, TagHelperOutput output);

    protected TagBuilder Control(string tagName, TagBuilder passThrough, string cssClass, params string?[] moreDescribedBy)
    {
        var control = new TagBuilder(tagName) { TagRenderMode = tagName == "input" ? TagRenderMode.SelfClosing : TagRenderMode.Normal };
        control.MergeAttributes(passThrough.Attributes, replaceExisting: true);
        control.AddCssClass(cssClass);
        control.Attributes["id"] = Id;
        control.Attributes["name"] = Name;
        if (Error is not null)
        {
            control.Attributes["aria-invalid"] = "true";
        }
        var describedBy = DescribedBy(moreDescribedBy);
        if (describedBy is not null)
        {
            control.Attributes["aria-describedby"] = describedBy;
        }
        if (!Optional)
        {
            control.Attributes["required"] = "required";
        }
        return control;
    }

    protected string? DescribedBy(params string?[] more)
    {
        var ids = new List<string>();
        if (!string.IsNullOrEmpty(Hint))
        {
            ids.Add(HintId);
        }
        if (Error is not null)
        {
            ids.Add(ErrorId);
        }
        ids.AddRange(more.Where(m => !string.IsNullOrEmpty(m))!);
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    protected IHtmlContent LabelText()
    {
        var text = new HtmlContentBuilder().Append(Label);
        if (Optional)
        {
            var suffix = new TagBuilder("span");
            suffix.AddCssClass("weight-normal");
            suffix.InnerHtml.Append(t["Form.Optional"]);
            text.AppendHtml(suffix);
        }
        return text;
    }

    protected TagBuilder LabelFor(string forId)
    {
        var label = new TagBuilder("label");
        label.AddCssClass("form-label");
        label.Attributes["for"] = forId;
        label.InnerHtml.AppendHtml(LabelText());
        return label;
    }

    /// <summary>The hint and the error message, in DKFDS order (hint first).</summary>
    protected void AppendHintAndError(HtmlContentBuilder content)
    {
        if (!string.IsNullOrEmpty(Hint))
        {
            var hint = new TagBuilder("span");
            hint.AddCssClass("form-hint");
            hint.Attributes["id"] = HintId;
            hint.InnerHtml.Append(Hint);
            content.AppendHtml(hint);
        }
        if (Error is { } message)
        {
            var error = new TagBuilder("span");
            error.AddCssClass("form-error-message");
            error.Attributes["id"] = ErrorId;
            var prefix = new TagBuilder("span");
            prefix.AddCssClass("sr-only");
            prefix.InnerHtml.Append(t["Form.ErrorPrefix"]);
            error.InnerHtml.AppendHtml(prefix).Append(message);
            content.AppendHtml(error);
        }
    }
}
