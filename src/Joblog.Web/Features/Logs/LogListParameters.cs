using System.Globalization;
using Joblog.Core.Logs;

namespace Joblog.Web.Features.Logs;

/// <summary>Reads the list's query string, naming each bad parameter.</summary>
public static class LogListParameters
{
    public static LogFilter Parse(string? q, string? status, string? kind, string? changedFrom, string? changedTo,
        string? includeClosed, List<FieldError> errors)
    {
        LogStatus? s = null;
        LogKind? k = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (ApiNames.TryParse<LogStatus>(status, out var v)) s = v;
            else errors.Add(new FieldError("status", "Log.Error.StatusUnknown"));
        }
        if (!string.IsNullOrEmpty(kind))
        {
            if (ApiNames.TryParse<LogKind>(kind, out var v)) k = v;
            else errors.Add(new FieldError("kind", "Log.Error.KindUnknown"));
        }
        var closed = false;
        if (!string.IsNullOrEmpty(includeClosed) && !bool.TryParse(includeClosed, out closed))
            errors.Add(new FieldError("includeClosed", "Api.Error.InvalidValue"));
        var from = Date(changedFrom, "changedFrom", errors);
        var to = Date(changedTo, "changedTo", errors);
        if (from > to) errors.Add(new FieldError("changedTo", "Log.Error.ToBeforeFrom"));
        return new LogFilter(q, s, k, from, to, closed);
    }

    public static int Limit(string? limit, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(limit)) return 50;
        if (int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 500) return n;
        errors.Add(new FieldError("limit", "Api.Error.LimitInvalid"));
        return 50;
    }

    private static DateOnly? Date(string? text, string field, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors.Add(new FieldError(field, "Log.Error.DateInvalid"));
        return null;
    }
}
