namespace Joblog.Web.ReferenceData;

/// <summary>A reference-data file was refused; nothing of the file set it came with was loaded.</summary>
public sealed class ReferenceDataException(string fileName, int line, string problem)
    : Exception($"{fileName}, line {line}: {problem}")
{
    /// <summary>The file name (without folder), e.g. <c>postal_codes.csv</c>.</summary>
    public string FileName { get; } = fileName;

    /// <summary>1-based line number in the file (1 is the header).</summary>
    public int Line { get; } = line;

    public string Problem { get; } = problem;
}
