namespace Joblog.Core.Logs;

/// <summary>
/// A broken rule on one field. <see cref="Field"/> is the API's JSON path ("employer.name");
/// <see cref="MessageKey"/> is the key of the Danish/English text in the web's resources.
/// </summary>
public sealed record FieldError(string Field, string MessageKey);
