using System.Net;
using Joblog.Web.Tests.Infrastructure;
using Shouldly;

namespace Joblog.Web.Tests.Pages;

/// <summary>A page asked with a method it has no handler for answers 405, never the page without its data.</summary>
public sealed class PageMethodTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("PUT", "/joblog")]
    [InlineData("DELETE", "/jobmaal")]
    [InlineData("PATCH", "/")]
    [InlineData("PUT", "/sagsbehandleradgang")]
    public async Task A_method_without_a_handler_is_405(string method, string url)
    {
        var mette = await fixture.App.SignedIn("mette");
        var answer = await mette.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        answer.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        HtmlForms.Parse(await answer.Content.ReadAsStringAsync()).QuerySelector("h1")!.TextContent.ShouldBe("Der er sket en fejl", "the error page, not the page without its data");
    }

    [Fact]
    public async Task No_page_answers_to_a_handler_named_after_a_filter_method()
    {
        var mette = await fixture.App.SignedIn("mette");
        var answer = await mette.GetAsync("/joblog?handler=HandlerExecution");
        answer.StatusCode.ShouldBe(HttpStatusCode.OK, "an unknown handler name falls back to the page's OnGet; it is not a 500");
    }
}
