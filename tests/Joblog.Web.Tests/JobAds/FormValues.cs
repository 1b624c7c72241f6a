using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Joblog.Web.Tests.JobAds;

/// <summary>What a browser would send for a form as the page shows it: every field's current value, checked radios only.</summary>
internal static class FormValues
{
    public static Dictionary<string, string> Of(IDocument page, string formSelector, Dictionary<string, string>? changes = null)
    {
        var form = page.QuerySelector(formSelector) ?? throw new InvalidOperationException($"No form {formSelector}");
        var values = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input").OfType<IHtmlInputElement>().Where(i => !string.IsNullOrEmpty(i.Name)))
        {
            if (input.Type is "radio" or "checkbox")
            {
                if (input.IsChecked) values[input.Name!] = input.Value;
            }
            else if (input.Type is not ("submit" or "button"))
            {
                values[input.Name!] = input.Value;
            }
        }
        foreach (var select in form.QuerySelectorAll("select").OfType<IHtmlSelectElement>().Where(s => !string.IsNullOrEmpty(s.Name)))
            values[select.Name!] = select.Value ?? "";
        foreach (var area in form.QuerySelectorAll("textarea").OfType<IHtmlTextAreaElement>().Where(t => !string.IsNullOrEmpty(t.Name)))
            values[area.Name!] = area.Value;
        foreach (var (name, value) in changes ?? []) values[name] = value;
        return values;
    }
}
