using Joblog.Web.ReferenceData;
using Joblog.Web.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace Joblog.Web.Tests.ReferenceData;

/// <summary>A bad file is refused with its name and line number, and the tables stay exactly as they were.</summary>
public sealed class ReferenceDataRefusalTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_wrong_header_is_refused_at_line_1()
    {
        using var folder = new TempFolder();
        var file = folder.Write("municipalities.csv", ["kode", "navn", "region", "lat", "lon", "population"],
            "0101;København;Hovedstaden;55.67;12.56;660000");

        var error = await RefusedAsync(file);

        error.Message.ShouldStartWith("municipalities.csv, line 1:");
        error.Line.ShouldBe(1);
    }

    [Fact]
    public async Task A_duplicate_key_is_refused_with_its_line()
    {
        using var folder = new TempFolder();
        var file = folder.Write("postal_codes.csv", ReferenceTables.PostalCodes.Header,
            "8000;Aarhus C;0751;56.15;10.21",
            "8200;Aarhus N;0751;56.18;10.19",
            "8000;Aarhus C igen;0751;56.15;10.21");

        var error = await RefusedAsync(file);

        error.FileName.ShouldBe("postal_codes.csv");
        error.Line.ShouldBe(4);
        error.Message.ShouldContain("line 4");
        error.Message.ShouldContain("duplicate key '8000' (first on line 2)");
    }

    [Fact]
    public async Task An_unknown_municipality_code_is_refused_and_the_files_loaded_before_it_are_rolled_back()
    {
        using var folder = new TempFolder();
        var municipalities = folder.Write("municipalities.csv", ReferenceTables.Municipalities.Header,
            "0101;Københavns Kommune (ændret);Hovedstaden;55.67;12.56;1");
        var postalCodes = folder.Write("postal_codes.csv", ReferenceTables.PostalCodes.Header,
            "2100;København Ø;0101;55.71;12.57",
            "9999;Intetsteds;0999;55.0;10.0");

        var error = await RefusedAsync(municipalities, postalCodes);

        error.Message.ShouldBe("postal_codes.csv, line 3: municipality_code '0999' is not in municipalities");
    }

    [Fact]
    public async Task A_bad_value_is_refused_with_its_line()
    {
        using var folder = new TempFolder();
        var file = folder.Write("municipalities.csv", ReferenceTables.Municipalities.Header,
            "0101;København;Hovedstaden;55.67;12.56;660000",
            "0147;Frederiksberg;Hovedstaden;55,68;12.53;105000");

        var error = await RefusedAsync(file);

        error.Message.ShouldBe("municipalities.csv, line 3: lat '55,68' is not a number with a decimal point");
    }

    [Fact]
    public async Task An_unknown_occupation_code_in_an_alias_is_refused()
    {
        using var folder = new TempFolder();
        var file = folder.Write("occupation_aliases.csv", ReferenceTables.OccupationAliases.Header, "Kaospilot;0000");

        var error = await RefusedAsync(file);

        error.Message.ShouldBe("occupation_aliases.csv, line 2: code '0000' is not in occupations");
    }

    /// <summary>Loads the shipped files, then tries <paramref name="paths"/>: it must throw and change nothing.</summary>
    private async Task<ReferenceDataException> RefusedAsync(params string[] paths)
    {
        await using var db = await ReferenceDatabase.CreateAsync(server);
        await ReferenceDataImporter.ImportShippedAsync(db.DataSource, Ct);
        var before = await db.FingerprintAsync();
        var imports = await db.QueryAsync<string>("select file || loaded_sha256 from reference_data_imports order by file");

        var error = await Should.ThrowAsync<ReferenceDataException>(() => ReferenceDataImporter.ImportFilesAsync(db.DataSource, paths, Ct));

        (await db.FingerprintAsync()).ShouldBe(before);
        (await db.QueryAsync<string>("select file || loaded_sha256 from reference_data_imports order by file")).ShouldBe(imports);
        return error;
    }
}
