namespace Joblog.Web.Api;

/// <summary>Reads the version a client claims to have seen from <c>If-Match</c>.</summary>
public static class IfMatch
{
    /// <summary>Null when the header is missing; -1 when it is present but names no version we ever issued.</summary>
    public static int? Version(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0) return null;
        if (header.StartsWith("W/", StringComparison.Ordinal)) header = header[2..];
        var unquoted = header.Trim('"');
        return int.TryParse(unquoted, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1;
    }
}
