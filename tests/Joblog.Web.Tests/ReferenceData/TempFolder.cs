namespace Joblog.Web.Tests.ReferenceData;

/// <summary>A temporary folder for CSV files an operator might load; deleted on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("joblog-refdata-");

    /// <summary>Writes a <c>;</c>-separated file: the header, then the given lines; returns its full path.</summary>
    public string Write(string fileName, IEnumerable<string> header, params string[] lines)
    {
        var path = Path.Combine(folder.FullName, fileName);
        File.WriteAllLines(path, [string.Join(';', header), .. lines]);
        return path;
    }

    public void Dispose() => folder.Delete(recursive: true);
}
