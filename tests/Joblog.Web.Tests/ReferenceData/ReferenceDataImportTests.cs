using Joblog.Web.ReferenceData;
using Joblog.Web.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace Joblog.Web.Tests.ReferenceData;

public sealed class ReferenceDataImportTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_shipped_files_load_with_all_98_municipalities_and_every_row_of_each_file()
    {
        await using var db = await ReferenceDatabase.CreateAsync(server);

        var result = await ReferenceDataImporter.ImportShippedAsync(db.DataSource, Ct);

        result.Select(r => r.FileName).ShouldBe(ReferenceTables.All.Select(t => t.FileName));
        (await db.ScalarAsync<int>("select count(*) from municipalities")).ShouldBe(98);
        (await db.ScalarAsync<int>("select count(distinct region) from municipalities")).ShouldBe(5);
        (await db.ScalarAsync<int>("select count(*) from postal_codes")).ShouldBe(Rows(result, "postal_codes.csv"));
        (await db.ScalarAsync<int>("select count(*) from occupations")).ShouldBe(Rows(result, "occupations.csv"));
        (await db.ScalarAsync<int>("select count(*) from occupations")).ShouldBeGreaterThanOrEqualTo(430);
        (await db.ScalarAsync<int>("select count(*) from occupation_aliases")).ShouldBe(Rows(result, "occupation_aliases.csv"));
        (await db.ScalarAsync<int>("select count(*) from organisations where kind = 'akasse' and id like 'ak-%'"))
            .ShouldBe(Rows(result, "akasser.csv"));
        (await db.ScalarAsync<int>("select count(*) from target_groups")).ShouldBe(9);
        // Every municipality has a postal code; the demo municipalities' main towns are there.
        (await db.ScalarAsync<int>("select count(*) from municipalities m where not exists (select from postal_codes p where p.municipality_code = m.code)"))
            .ShouldBe(0);
        (await db.QueryAsync<string>("select municipality_code from postal_codes where number in ('1050', '2100', '8000', '8660') order by number"))
            .ShouldBe(["0101", "0101", "0751", "0746"]);
    }

    [Fact]
    public async Task Importing_twice_changes_nothing()
    {
        await using var db = await ReferenceDatabase.CreateAsync(server);
        await ReferenceDataImporter.ReimportShippedAsync(db.DataSource, Ct);
        var before = await db.FingerprintAsync();

        var again = await ReferenceDataImporter.ReimportShippedAsync(db.DataSource, Ct);

        again.ShouldAllBe(r => r.Changed == 0 && !r.Skipped);
        (await db.FingerprintAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_start_up_hook_loads_a_shipped_version_once_and_keeps_a_newer_file_an_operator_loaded()
    {
        await using var db = await ReferenceDatabase.CreateAsync(server);
        await ReferenceDataImporter.ImportShippedAsync(db.DataSource, Ct);
        using var folder = new TempFolder();
        var official = folder.Write("postal_codes.csv", ReferenceTables.PostalCodes.Header, "8000;Aarhus C (officiel);0751;56.15;10.21");

        var loaded = await ReferenceDataImporter.ImportFilesAsync(db.DataSource, [official], Ct);
        var restart = await ReferenceDataImporter.ImportShippedAsync(db.DataSource, Ct);

        loaded.Single().Changed.ShouldBe(1);
        restart.ShouldAllBe(r => r.Skipped);
        (await db.ScalarAsync<string>("select name from postal_codes where number = '8000'")).ShouldBe("Aarhus C (officiel)");
        (await db.ScalarAsync<string>("select loaded_from from reference_data_imports where file = 'postal_codes.csv'")).ShouldBe(official);
    }

    [Theory]
    [InlineData("kontor", "4110")]
    [InlineData("Lager", "9333")]
    [InlineData("sygepl", "2221")]
    public async Task Aliases_are_found_by_prefix(string prefix, string code)
    {
        await using var db = await ReferenceDatabase.CreateAsync(server);
        await ReferenceDataImporter.ImportShippedAsync(db.DataSource, Ct);

        var codes = await db.QueryAsync<string>(
            "select distinct code from occupation_aliases where lower(title) like lower(@prefix) || '%'", new { prefix });

        codes.ShouldContain(code);
    }

    [Fact]
    public async Task Pædagog_leads_to_both_unit_groups()
    {
        await using var db = await ReferenceDatabase.CreateAsync(server);
        await ReferenceDataImporter.ImportShippedAsync(db.DataSource, Ct);

        (await db.QueryAsync<string>("select code from occupation_aliases where title = 'Pædagog' order by code")).ShouldBe(["2342", "5311"]);
    }

    private static int Rows(IReadOnlyList<ImportedFile> result, string file) => result.Single(r => r.FileName == file).Rows;
}
