using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Joblog.Web.Tests.Pages;

/// <summary>Reads pages and posts their forms the way a browser without JavaScript would.</summary>
public static class HtmlForms
{
    private static readonly HtmlParser Parser = new();
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IHtmlDocument, string> Addresses = [];

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        Addresses.AddOrUpdate(page, url);
        return page;
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>Posts the form that contains <paramref name="submitSelector"/>, with its hidden fields (antiforgery) and the given values.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlDocument page, string formSelector, Dictionary<string, string> values)
    {
        var form = (IHtmlFormElement)page.QuerySelector(formSelector)!;
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>())
            if (!values.ContainsKey(input.Name!)) fields.Add(new(input.Name!, input.Value));
        fields.AddRange(values);
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? Addresses.TryGetValue(page, out var url) ? url : throw new InvalidOperationException("Unknown page address") : form.GetAttribute("action")!;
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }
}
