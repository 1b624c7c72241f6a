using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;

namespace Joblog.Web.Tests.Browser;

/// <summary>axe-core checks: WCAG 2.0 and 2.1, levels A and AA (what webtilgængelighedsloven / EN 301 549 require).</summary>
public static class Axe
{
    public static readonly IReadOnlyList<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>Runs axe on the whole page as it is now and fails, naming every violation and its elements, unless there are none.</summary>
    public static async Task AssertNoViolationsAsync(IPage page, string? what = null)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags.ToList() },
            ResultTypes = [ResultType.Violations],
        });
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"axe: {what ?? page.Url} in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms");
        if (result.Violations.Length == 0) return;
        Assert.Fail(Describe(result.Violations, page, what));
    }

    private static string Describe(AxeResultItem[] violations, IPage page, string? what)
    {
        var viewport = page.ViewportSize is { } v ? $"{v.Width}x{v.Height}" : "?";
        var text = new StringBuilder()
            .Append(violations.Length).Append(" axe violation(s) (WCAG 2.0/2.1 A+AA) on ").Append(what ?? "the page")
            .Append(" at ").Append(page.Url).Append(" (viewport ").Append(viewport).AppendLine("):");
        foreach (var violation in violations)
        {
            text.Append("* ").Append(violation.Id).Append(" [").Append(violation.Impact).Append("] ").Append(violation.Help)
                .Append(" (").Append(violation.HelpUrl).AppendLine(")");
            foreach (var node in violation.Nodes)
            {
                text.Append("    - ").Append(string.Join(" ", node.Target?.ToString() ?? "?")).Append("  ").AppendLine(Shorten(node.Html));
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? [])
                    .Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct();
                foreach (var message in checks)
                    text.Append("      ").AppendLine(message.ReplaceLineEndings(" / "));
            }
        }
        return text.ToString();
    }

    private static string Shorten(string? html) =>
        html is null ? "" : html.Length <= 200 ? html : html[..200] + "…";
}
