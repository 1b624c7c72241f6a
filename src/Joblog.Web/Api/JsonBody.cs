using System.Text.Json;
using Joblog.Core.Logs;

namespace Joblog.Web.Api;

/// <summary>The outcome of reading a JSON body: the value, or why it could not be read.</summary>
public sealed record BodyResult<T>(T? Value, bool WrongContentType = false, bool NotJson = false, FieldError? FieldError = null, byte[]? Raw = null);

/// <summary>
/// Reads a JSON request body with field-level errors: an impossible date or an unknown status
/// names the field, instead of failing the whole request with a generic message.
/// </summary>
public static class JsonBody
{
    public static async Task<BodyResult<T>> ReadAsync<T>(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasJsonContentType()) return new(default, WrongContentType: true);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        var raw = buffer.ToArray();
        try
        {
            var value = JsonSerializer.Deserialize<T>(raw, ApiJson.Options);
            return value is null ? new(default, NotJson: true) : new(value, Raw: raw);
        }
        catch (JsonException e) when (FieldOf(e.Path) is { } field)
        {
            return new(default, FieldError: new FieldError(field, KeyFor(field)));
        }
        catch (JsonException)
        {
            return new(default, NotJson: true);
        }
    }

    private static string? FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return null;
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
        return field.Contains('[', StringComparison.Ordinal) ? null : field;
    }

    private static string KeyFor(string field) => field switch
    {
        "deadline" or "appliedOn" or "plannedOn" or "activityDate" => "Log.Error.DateInvalid",
        "interviewAt" => "Log.Error.DateTimeInvalid",
        "kind" => "Log.Error.KindUnknown",
        "status" => "Log.Error.StatusUnknown",
        "applicationType" or "workingTime" or "activityType" => "Log.Error.ValueUnknown",
        _ => "Api.Error.InvalidValue",
    };
}
