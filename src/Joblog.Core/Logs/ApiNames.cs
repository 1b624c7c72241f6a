namespace Joblog.Core.Logs;

/// <summary>Enum values as the API and the database spell them: camelCase ("notApplied").</summary>
public static class ApiNames
{
    public static string Of<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static string? Of<T>(T? value) where T : struct, Enum => value is { } v ? Of(v) : null;

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrEmpty(text) || !char.IsLower(text[0])) return false;
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (Of(candidate) == text) { value = candidate; return true; }
        }
        return false;
    }

    public static T? ParseOrNull<T>(string? text) where T : struct, Enum => TryParse<T>(text, out var v) ? v : null;
}
