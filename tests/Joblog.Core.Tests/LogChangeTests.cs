using Joblog.Core.Logs;
using Shouldly;

namespace Joblog.Core.Tests;

public class LogChangeTests
{
    private static readonly LogContent Open = new()
    {
        Kind = LogKind.JobSearch, Status = LogStatus.Applied, JobTitle = "Lagerarbejder", EmployerName = "Lager A/S",
    };

    [Fact]
    public void a_closed_log_cannot_be_edited() =>
        LogChange.Classify(Open with { Closed = true }, Open with { Closed = true, Note = "ny" }).ShouldBeNull();

    [Fact]
    public void a_closed_log_can_be_reopened() =>
        LogChange.Classify(Open with { Closed = true }, Open).ShouldBe(ChangeKind.Reopened);

    [Fact]
    public void closing_is_its_own_kind_of_change() =>
        LogChange.Classify(Open, Open with { Closed = true }).ShouldBe(ChangeKind.Closed);

    [Fact]
    public void an_open_log_can_be_edited() =>
        LogChange.Classify(Open, Open with { Status = LogStatus.Interview }).ShouldBe(ChangeKind.Updated);

    [Fact]
    public void the_changed_fields_are_named_as_in_the_api() =>
        LogChange.ChangedFields(Open, Open with { Status = LogStatus.Hired, EmployerCity = "Aarhus C" })
            .ShouldBe(["status", "employer.city"]);
}
