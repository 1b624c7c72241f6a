using System.Globalization;
using Joblog.Web.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.TagHelpers;

/// <summary>The first error of a field, as the field helpers and the error summary both show it.</summary>
public static class FieldErrors
{
    public static string? For(ModelStateDictionary modelState, string key, IStringLocalizer<Texts> t) =>
        modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? Message(entry.Errors[0], t) : null;

    /// <summary>
    /// Every field with an error, in the order of the model's properties (so, usually, the form's
    /// order; <c>ModelState</c> itself has no order); keys the model does not know come last.
    /// </summary>
    public static IReadOnlyList<(string Key, string Message)> All(
        ModelStateDictionary modelState, ModelMetadata? model, IStringLocalizer<Texts> t) =>
        modelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .Select(e => (e.Key, Message: Message(e.Value!.Errors[0], t), Order: Position(model, e.Key)))
            .OrderBy(e => e.Order, PositionComparer.Instance)
            .Select(e => (e.Key, e.Message))
            .ToList();

    // An error from an exception (a value that could not be converted) has no message of its own.
    private static string Message(ModelError error, IStringLocalizer<Texts> t) =>
        string.IsNullOrEmpty(error.ErrorMessage) ? t["Form.InvalidValue"] : error.ErrorMessage;

    /// <summary>"Input.Contacts[2].Name" → [index of Input, 2, index of Name]; int.MaxValue where unknown.</summary>
    private static List<int> Position(ModelMetadata? metadata, string key)
    {
        var position = new List<int>();
        if (key.Length == 0)
        {
            return [-1]; // model-level errors first
        }
        foreach (var segment in key.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            var property = metadata?.Properties.Select((p, i) => (p, i)).FirstOrDefault(x => x.p.PropertyName == name);
            position.Add(property?.p is null ? int.MaxValue : property.Value.i);
            metadata = property?.p;
            if (bracket >= 0)
            {
                var index = segment[(bracket + 1)..].TrimEnd(']');
                position.Add(int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue);
                metadata = metadata?.ElementMetadata;
            }
        }
        return position;
    }

    private sealed class PositionComparer : IComparer<List<int>>
    {
        public static readonly PositionComparer Instance = new();

        public int Compare(List<int>? x, List<int>? y)
        {
            for (var i = 0; i < Math.Min(x!.Count, y!.Count); i++)
            {
                if (x[i] != y[i])
                {
                    return x[i].CompareTo(y[i]);
                }
            }
            return x.Count.CompareTo(y.Count);
        }
    }
}
