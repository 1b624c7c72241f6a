using System.Globalization;
using System.Text;
using Joblog.Core.Logs;
using Joblog.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.JobAds;

/// <summary>
/// An opaque cursor for lists that are short or public (job ads, saved jobs): the position of the next
/// item. Unlike the joblog's keyset cursor, a change between two pages may shift an item.
/// </summary>
public static class OffsetCursor
{
    public static string? Next(int offset, int count, int total) =>
        offset + count >= total ? null : Convert.ToBase64String(Encoding.ASCII.GetBytes("o:" + (offset + count).ToString(CultureInfo.InvariantCulture)));

    /// <summary>The offset; 0 for none; adds an error for a cursor we did not issue.</summary>
    public static int Offset(string? cursor, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(cursor)) return 0;
        try
        {
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith("o:", StringComparison.Ordinal)
                && int.TryParse(text[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)) return offset;
        }
        catch (FormatException)
        {
            // falls through to the error
        }
        errors.Add(new FieldError("cursor", "Api.Error.CursorInvalid"));
        return 0;
    }
}

/// <summary>Problem details with this feature's own texts (title and optional <c>.Detail</c>), and a machine-readable <c>reason</c>.</summary>
public static class FeatureProblems
{
    public static ProblemHttpResult Make(IStringLocalizer<Texts> t, int status, string key, string? reason = null)
    {
        var detail = t[key + ".Detail"];
        return TypedResults.Problem(statusCode: status, title: t[key].Value, detail: detail.ResourceNotFound ? null : detail.Value,
            extensions: reason is null ? null : new Dictionary<string, object?> { ["reason"] = reason });
    }
}
