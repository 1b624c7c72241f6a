using System.Security.Cryptography;

namespace Joblog.Web.ReferenceData;

/// <summary>A reference-data file read into memory, with the SHA-256 of its bytes and where it came from.</summary>
public sealed record ReferenceFile(ReferenceTable Table, CsvFile Csv, string Sha256, string Source)
{
    public const string ShippedSource = "shipped";

    /// <summary>Reads a file from disk for <paramref name="table"/>; the file may have any name.</summary>
    public static ReferenceFile FromPath(ReferenceTable table, string path)
    {
        var bytes = File.ReadAllBytes(path);
        return FromBytes(table, Path.GetFileName(path), bytes, Path.GetFullPath(path));
    }

    /// <summary>The copy of <paramref name="table"/>'s file embedded in the app (<c>ReferenceData/*.csv</c>).</summary>
    public static ReferenceFile Shipped(ReferenceTable table)
    {
        var assembly = typeof(ReferenceFile).Assembly;
        using var stream = assembly.GetManifestResourceStream($"Joblog.Web.ReferenceData.{table.FileName}")
            ?? throw new InvalidOperationException($"{table.FileName} is not embedded in {assembly.GetName().Name}.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return FromBytes(table, table.FileName, memory.ToArray(), ShippedSource);
    }

    private static ReferenceFile FromBytes(ReferenceTable table, string name, byte[] bytes, string source)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return new(table, CsvFile.Read(name, stream), Convert.ToHexStringLower(SHA256.HashData(bytes)), source);
    }
}
