using System.Reflection;
using System.Text.Encodings.Web;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Joblog.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Shouldly;
using Xunit;

namespace Joblog.Web.Tests.Localization;

// In the Localization namespace so the brief's test filter (FullyQualifiedName~Localization) runs them.
public sealed class FieldTagHelperTests
{
    private static readonly EmptyModelMetadataProvider Metadata = new();

    [Fact]
    public void An_invalid_text_field_is_marked_the_DKFDS_way()
    {
        var modelState = new ModelStateDictionary();
        modelState.SetModelValue("Input.JobTitle", "", "");
        modelState.AddModelError("Input.JobTitle", "Indtast jobtitlen");

        var group = Render(new DkfdsInputTagHelper(FakeGenerator(), TestTexts.Localizer()) { Label = "Jobtitel", Hint = "Fx Lagermedarbejder" },
            "Input.JobTitle", model: null, modelState);

        group.ClassList.ShouldBe(["form-group", "form-error"], ignoreOrder: true);
        group.QuerySelector("label.form-label")!.GetAttribute("for").ShouldBe("Input_JobTitle");
        group.QuerySelector("span.form-hint#Input_JobTitle-hint")!.TextContent.ShouldBe("Fx Lagermedarbejder");
        var error = group.QuerySelector("span.form-error-message#Input_JobTitle-error")!;
        error.QuerySelector(".sr-only")!.TextContent.ShouldBe("Fejl: ");
        error.TextContent.ShouldBe("Fejl: Indtast jobtitlen");
        var input = group.QuerySelector("input.form-input")!;
        input.Id.ShouldBe("Input_JobTitle");
        input.GetAttribute("name").ShouldBe("Input.JobTitle");
        input.GetAttribute("aria-invalid").ShouldBe("true");
        input.GetAttribute("aria-describedby").ShouldBe("Input_JobTitle-hint Input_JobTitle-error");
    }

    [Fact]
    public void A_valid_optional_field_has_the_suffix_and_no_error_markup()
    {
        var group = Render(new DkfdsInputTagHelper(FakeGenerator(), TestTexts.Localizer()) { Label = "E-mail", Optional = true, Type = "email" },
            "Input.Email", model: "a@b.dk", new ModelStateDictionary(), ("autocomplete", "email"));

        group.ClassName.ShouldBe("form-group");
        group.QuerySelector("label")!.TextContent.ShouldBe("E-mail (frivilligt)");
        group.QuerySelector(".form-error-message").ShouldBeNull();
        var input = group.QuerySelector("input")!;
        input.GetAttribute("type").ShouldBe("email");
        input.GetAttribute("value").ShouldBe("a@b.dk");
        input.GetAttribute("autocomplete").ShouldBe("email");
        input.HasAttribute("aria-invalid").ShouldBeFalse();
        input.HasAttribute("aria-describedby").ShouldBeFalse();
        input.HasAttribute("required").ShouldBeFalse();
    }

    [Fact]
    public void An_invalid_radio_group_describes_the_fieldset_and_the_first_radio_has_the_field_id()
    {
        var modelState = new ModelStateDictionary();
        modelState.AddModelError("Input.Kind", "Vælg typen");
        var radios = new DkfdsRadiosTagHelper(FakeGenerator(), TestTexts.Localizer())
        {
            Label = "Type",
            Items = [new SelectListItem("Opslået", "Posted"), new SelectListItem("Uopfordret", "Unsolicited")],
        };

        var group = Render(radios, "Input.Kind", model: null, modelState);

        group.ClassList.ShouldContain("form-error");
        group.QuerySelector("fieldset")!.GetAttribute("aria-describedby").ShouldBe("Input_Kind-error");
        group.QuerySelector("legend.form-label")!.TextContent.ShouldBe("Type");
        group.QuerySelectorAll("input.form-radio").Select(r => r.Id).ShouldBe(["Input_Kind", "Input_Kind-2"]);
    }

    [Fact]
    public void A_checkbox_posts_false_when_unticked_and_shows_its_error()
    {
        var modelState = new ModelStateDictionary();
        modelState.AddModelError("Input.Accept", "Kryds af");

        var group = Render(new DkfdsCheckboxTagHelper(FakeGenerator(), TestTexts.Localizer()) { Label = "Jeg accepterer" },
            "Input.Accept", model: false, modelState);

        var checkbox = group.QuerySelector("input.form-checkbox")!;
        checkbox.GetAttribute("aria-invalid").ShouldBe("true");
        checkbox.GetAttribute("aria-describedby").ShouldBe("Input_Accept-error");
        checkbox.HasAttribute("checked").ShouldBeFalse();
        group.QuerySelector("input[type=hidden]")!.GetAttribute("value").ShouldBe("false");
    }

    [Fact]
    public void The_error_summary_lists_errors_in_the_model_s_order()
    {
        var modelState = new ModelStateDictionary();
        modelState.AddModelError("Input.Status", "Vælg en status");
        modelState.AddModelError("Input.JobTitle", "Indtast jobtitlen");
        modelState.AddModelError("Other", "Ukendt felt");

        var errors = FieldErrors.All(modelState, Metadata.GetMetadataForType(typeof(Page)), TestTexts.Localizer());

        errors.Select(e => e.Key).ShouldBe(["Input.JobTitle", "Input.Status", "Other"]);
    }

    private sealed class Page
    {
        public Form Input { get; set; } = new();
    }

    private sealed class Form
    {
        public string? JobTitle { get; set; }

        public string? Status { get; set; }
    }

    private static IElement Render(DkfdsFieldTagHelper helper, string expression, object? model, ModelStateDictionary modelState,
        params (string Name, string Value)[] attributes)
    {
        using var _ = TestTexts.UseCulture("da");
        helper.For = new ModelExpression(expression, Metadata.GetModelExplorerForType(model?.GetType() ?? typeof(string), model));
        helper.ViewContext = new ViewContext { ViewData = new ViewDataDictionary(Metadata, modelState) };
        var output = new TagHelperOutput("dkfds-field", new TagHelperAttributeList(attributes.Select(a => new TagHelperAttribute(a.Name, a.Value))),
            (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));

        helper.Process(new TagHelperContext(new TagHelperAttributeList(), new Dictionary<object, object>(), "test"), output);

        using var writer = new StringWriter();
        output.WriteTo(writer, HtmlEncoder.Default);
        var document = new HtmlParser().ParseDocument($"<body>{writer}</body>");
        return document.Body!.FirstElementChild!;
    }

    /// <summary>The helpers only ask the generator for its id dot replacement.</summary>
    private static IHtmlGenerator FakeGenerator() => DispatchProxy.Create<IHtmlGenerator, GeneratorProxy>();

    public class GeneratorProxy : DispatchProxy
    {
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod?.Name == "get_IdAttributeDotReplacement" ? "_" : throw new NotSupportedException(targetMethod?.Name);
    }
}
