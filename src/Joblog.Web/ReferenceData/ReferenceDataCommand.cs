using Joblog.Web.Database;
using Npgsql;

namespace Joblog.Web.ReferenceData;

/// <summary>
/// <c>dotnet run --project src/Joblog.Web -- import-reference-data FILE…</c>: loads newer reference files (e.g. the
/// official postal-code list converted to <c>postal_codes.csv</c>'s format) over the shipped ones, all in one
/// transaction. A refused file prints <c>file, line N: problem</c>, loads nothing and exits with 1.
/// </summary>
public static class ReferenceDataCommand
{
    public const string Name = "import-reference-data";

    public static async Task<int> RunAsync(string[] files, IConfiguration config, TextWriter output, CancellationToken ct = default)
    {
        if (files.Length == 0 || files.Any(f => f.StartsWith('-')))
        {
            await output.WriteLineAsync($"usage: {Name} FILE.csv [FILE.csv …]   (names: {string.Join(", ", ReferenceTables.All.Select(t => t.FileName))})");
            return 2;
        }
        using var loggers = LoggerFactory.Create(l => l.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        await using var database = await CommandDatabase.OpenAsync(config, loggers.CreateLogger(Name), ct);
        await using var dataSource = NpgsqlDataSource.Create(database.AppConnectionString);
        await Migrator.MigrateAsync(dataSource, ct: ct);
        await ReferenceDataImporter.ImportShippedAsync(dataSource, ct);
        try
        {
            foreach (var file in await ReferenceDataImporter.ImportFilesAsync(dataSource, files, ct))
                await output.WriteLineAsync($"{file.FileName}: {file.Rows} rows, {file.Changed} inserted or changed");
            return 0;
        }
        catch (ReferenceDataException ex)
        {
            await output.WriteLineAsync($"Refused, nothing loaded: {ex.Message}");
            return 1;
        }
        catch (FileNotFoundException ex)
        {
            await output.WriteLineAsync($"Refused, nothing loaded: {ex.Message}");
            return 1;
        }
    }
}
