using System.Globalization;
using System.Text.RegularExpressions;
using Joblog.Web.Localization;
using Shouldly;
using Xunit;

namespace Joblog.Web.Tests.Localization;

public sealed partial class TextsTests
{
    private static readonly string RepoRoot = FindRepoRoot();
    private static readonly string WebProject = Path.Combine(RepoRoot, "src", "Joblog.Web");

    private static Dictionary<string, string> SourceTexts(string culture)
    {
        using var file = File.OpenRead(Path.Combine(WebProject, "Resources", $"texts.{culture}.json"));
        return TextCatalog.Parse(file);
    }

    [Fact]
    public void Danish_and_English_have_exactly_the_same_keys()
    {
        var da = SourceTexts("da").Keys.ToHashSet();
        var en = SourceTexts("en").Keys.ToHashSet();

        da.Except(en).ShouldBeEmpty("keys only in texts.da.json");
        en.Except(da).ShouldBeEmpty("keys only in texts.en.json");
    }

    [Theory]
    [InlineData("da")]
    [InlineData("en")]
    public void No_text_is_empty(string culture) =>
        SourceTexts(culture).Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => kv.Key).ShouldBeEmpty();

    [Fact]
    public void A_text_has_the_same_placeholders_in_both_languages()
    {
        var en = SourceTexts("en");
        var different = SourceTexts("da")
            .Where(kv => en.TryGetValue(kv.Key, out var english) && Placeholders(kv.Value) != Placeholders(english))
            .Select(kv => kv.Key);
        different.ShouldBeEmpty();
    }

    [Fact]
    public void Every_key_used_in_the_web_project_exists_in_both_languages()
    {
        var used = Directory.EnumerateFiles(WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyUse().Matches(WithoutDocComments(File.ReadAllText(f)))
                .Select(m => (File: Path.GetRelativePath(WebProject, f), Key: m.Groups[1].Value)))
            .ToList();
        used.ShouldNotBeEmpty("the scan should find the layout's texts");

        foreach (var culture in new[] { "da", "en" })
        {
            var texts = SourceTexts(culture);
            used.Where(u => !texts.ContainsKey(u.Key))
                .Select(u => $"{u.File}: {u.Key}")
                .Distinct()
                .ShouldBeEmpty($"keys missing from texts.{culture}.json");
        }
    }

    [Theory]
    [InlineData("da", "Gå til sidens indhold")]
    [InlineData("en", "Skip to main content")]
    public void The_embedded_texts_are_found_for_each_culture(string culture, string skipLink)
    {
        var catalog = new TextCatalog(LocalizationSetup.SupportedCultures);

        catalog.For(new CultureInfo(culture))["Layout.SkipLink"].ShouldBe(skipLink);
    }

    [Fact]
    public void An_unknown_culture_gets_Danish()
    {
        var catalog = new TextCatalog(LocalizationSetup.SupportedCultures);

        catalog.For(CultureInfo.InvariantCulture)["Layout.SkipLink"].ShouldBe("Gå til sidens indhold");
        catalog.For(new CultureInfo("de-DE"))["Layout.SkipLink"].ShouldBe("Gå til sidens indhold");
    }

    [Fact]
    public void A_missing_key_gives_the_key_back()
    {
        var localizer = TestTexts.Localizer();
        using var _ = TestTexts.UseCulture("da");

        var text = localizer["No.Such.Key"];

        text.Value.ShouldBe("No.Such.Key");
        text.ResourceNotFound.ShouldBeTrue();
    }

    [Fact]
    public void Arguments_are_formatted_into_the_text()
    {
        var localizer = TestTexts.Localizer();
        using var _ = TestTexts.UseCulture("en");

        localizer["Form.CharacterLimit", 500].Value.ShouldBe("You can enter up to 500 characters");
    }

    // Usage examples in /// comments name keys that other features will add.
    private static string WithoutDocComments(string source) =>
        string.Join('\n', source.Split('\n').Where(line => !line.TrimStart().StartsWith("///", StringComparison.Ordinal)));

    private static string Placeholders(string text) =>
        string.Join(",", Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal));

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Joblog.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Joblog.sln not found above " + AppContext.BaseDirectory);
    }

    // T["Some.Key"] in views, t["Some.Key"] / T["Some.Key", arg] in code.
    [GeneratedRegex("""\b[Tt]\[\s*"([A-Za-z0-9_.]+)"\s*[\],]""")]
    private static partial Regex KeyUse();

    [GeneratedRegex(@"\{\d+[^}]*\}")]
    private static partial Regex Placeholder();
}
