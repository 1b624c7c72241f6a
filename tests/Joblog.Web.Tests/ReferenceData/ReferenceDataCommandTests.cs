using Joblog.Web.ReferenceData;
using Joblog.Web.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Shouldly;

namespace Joblog.Web.Tests.ReferenceData;

/// <summary>The operator's command <c>import-reference-data FILE…</c>: loads a newer file, or refuses a bad one with its line.</summary>
public sealed class ReferenceDataCommandTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_newer_file_is_loaded_over_the_shipped_one()
    {
        var connectionString = await server.CreateDatabaseAsync();
        using var folder = new TempFolder();
        var file = folder.Write("postal_codes.csv", ReferenceTables.PostalCodes.Header, "8000;Aarhus C (ny);0751;56.1530;10.2040");
        var output = new StringWriter();

        var exit = await ReferenceDataCommand.RunAsync([file], Config(connectionString), output, Ct);

        exit.ShouldBe(0, output.ToString());
        output.ToString().ShouldContain("postal_codes.csv: 1 rows, 1 inserted or changed");
        (await new PostgresConnection(connectionString).ScalarAsync<string>("select name from postal_codes where number = '8000'"))
            .ShouldBe("Aarhus C (ny)");
    }

    [Fact]
    public async Task A_bad_file_is_refused_with_its_line_and_exit_code_1_and_nothing_is_loaded()
    {
        var connectionString = await server.CreateDatabaseAsync();
        using var folder = new TempFolder();
        var file = folder.Write("postal_codes.csv", ReferenceTables.PostalCodes.Header,
            "8000;Aarhus C (ny);0751;56.1530;10.2040",
            "9999;Ingensteds;0999;56.0;10.0");
        var output = new StringWriter();

        var exit = await ReferenceDataCommand.RunAsync([file], Config(connectionString), output, Ct);

        exit.ShouldBe(1);
        output.ToString().ShouldContain("postal_codes.csv, line 3:");
        (await new PostgresConnection(connectionString).ScalarAsync<string>("select name from postal_codes where number = '8000'"))
            .ShouldBe("Aarhus C");
    }

    private static IConfiguration Config(string connectionString) =>
        new ConfigurationBuilder().AddInMemoryCollection([new("ConnectionStrings:Joblog", connectionString)]).Build();
}
