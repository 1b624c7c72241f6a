using Joblog.Core.Logs;
using Shouldly;

namespace Joblog.Core.Tests;

public class LogRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    private static LogContent JobSearch() => new()
    {
        Kind = LogKind.JobSearch, Status = LogStatus.Applied, JobTitle = "Kontorassistent", EmployerName = "Aarhus Kommune",
    };

    private static IEnumerable<string> Keys(LogContent log) => LogRules.Validate(log.Normalized(), Today).Select(e => $"{e.Field}:{e.MessageKey}");

    [Fact]
    public void a_complete_job_search_log_is_valid() => Keys(JobSearch()).ShouldBeEmpty();

    [Fact]
    public void a_job_search_log_needs_title_employer_and_status() =>
        Keys(new LogContent { Kind = LogKind.JobSearch, JobTitle = "  " }).ShouldBe(
            ["jobTitle:Log.Error.JobTitleRequired", "employer.name:Log.Error.EmployerNameRequired", "status:Log.Error.StatusRequired"],
            ignoreOrder: true);

    [Fact]
    public void another_activity_needs_its_type_and_date() =>
        Keys(new LogContent { Kind = LogKind.OtherActivity }).ShouldBe(
            ["activityType:Log.Error.ActivityTypeRequired", "activityDate:Log.Error.ActivityDateRequired"], ignoreOrder: true);

    [Fact]
    public void another_activity_has_no_status() =>
        new LogContent { Kind = LogKind.OtherActivity, Status = LogStatus.Hired }.Normalized().Status.ShouldBeNull();

    [Fact]
    public void texts_have_limits()
    {
        Keys(JobSearch() with { JobTitle = new string('a', 201) }).ShouldBe(["jobTitle:Log.Error.TooLong200"]);
        Keys(JobSearch() with { JobTitle = new string('a', 200) }).ShouldBeEmpty();
        Keys(JobSearch() with { Note = new string('a', 5001) }).ShouldBe(["note:Log.Error.TooLong5000"]);
        Keys(JobSearch() with { Note = new string('a', 5000) }).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("navn@firma.dk", true)]
    [InlineData("navn@firma", false)]
    [InlineData("navn firma.dk", false)]
    [InlineData("Navn <navn@firma.dk>", false)]
    public void a_contact_email_must_be_an_address(string email, bool valid) =>
        Keys(JobSearch() with { ContactEmail = email }).Any().ShouldBe(!valid);

    [Theory]
    [InlineData("8000", true)]
    [InlineData("800", false)]
    [InlineData("80OO", false)]
    public void a_postal_code_has_four_digits(string zip, bool valid) =>
        Keys(JobSearch() with { EmployerPostalCode = zip }).Any().ShouldBe(!valid);

    [Theory]
    [InlineData("https://job.example/123", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("job.example/123", false)]
    public void a_job_ad_link_is_a_web_address(string url, bool valid) =>
        Keys(JobSearch() with { JobAdUrl = url }).Any().ShouldBe(!valid);

    [Fact]
    public void an_application_cannot_be_sent_in_the_future()
    {
        Keys(JobSearch() with { AppliedOn = Today.AddDays(1) }).ShouldBe(["appliedOn:Log.Error.AppliedOnInFuture"]);
        Keys(JobSearch() with { AppliedOn = Today }).ShouldBeEmpty();
    }

    [Fact]
    public void dates_must_be_plausible() =>
        Keys(JobSearch() with { Deadline = new DateOnly(1899, 1, 1) }).ShouldBe(["deadline:Log.Error.DateOutOfRange"]);
}
