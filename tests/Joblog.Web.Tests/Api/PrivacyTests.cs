using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Joblog.Web.Tests.Infrastructure;
using Shouldly;

namespace Joblog.Web.Tests.Api;

/// <summary>No CPR number in any log line, even when CPR numbers are sent — right and wrong ones.</summary>
public sealed partial class PrivacyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [GeneratedRegex(@"\b\d{6}-?\d{4}\b")]
    private static partial Regex CprLike();

    [Fact]
    public async Task no_cpr_number_reaches_a_log_line()
    {
        var ak = fixture.App.System("demo-ak-01-system-key");
        foreach (var cpr in new[] { "610190-0001", "6201850002", "650588-0005", "320190-0001", "010203-4000" })
            await ak.PostAsJsonAsync("/api/v1/citizens/lookup", new { cpr });
        await fixture.App.SignedIn("mette");
        await (await fixture.App.SignedIn("sofie")).GetAsync("/joblog");

        fixture.App.LogLines.ShouldNotBeEmpty();
        fixture.App.LogLines.Where(l => CprLike().IsMatch(l)).ShouldBeEmpty();
    }
}
