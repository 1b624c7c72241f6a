using System.Net;
using Dapper;
using Npgsql;
using Shouldly;
using Xunit;

namespace Joblog.Web.Tests.Infrastructure;

public sealed class AppFixtureTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_class_fixture_gets_its_own_migrated_database_and_a_running_app()
    {
        var response = await fixture.App.CreateClient().GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        (await connection.ExecuteScalarAsync<int>("select count(*) from schema_migrations")).ShouldBeGreaterThan(0);
    }
}
