using Joblog.Core.Logs;
using Joblog.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Api;

/// <summary>RFC 9457 problem details for the API, with Danish (or English) texts from the resources.</summary>
public sealed class Problems(IStringLocalizer<Texts> t)
{
    public ProblemHttpResult NotFound() => Make(404, "Api.Problem.NotFound");

    public ProblemHttpResult Forbidden() => Make(403, "Api.Problem.Forbidden");

    public ProblemHttpResult PreconditionRequired() => Make(428, "Api.Problem.IfMatchRequired");

    public ProblemHttpResult Stale() => Make(412, "Api.Problem.Stale");

    public ProblemHttpResult ClosedLog() => Make(409, "Api.Problem.ClosedLog");

    public ProblemHttpResult UnsupportedMediaType() => Make(415, "Api.Problem.UnsupportedMediaType");

    public ProblemHttpResult BadRequest(string titleKey) => Make(400, titleKey);

    public ProblemHttpResult IdempotencyConflict() => Make(422, "Api.Problem.IdempotencyConflict");

    /// <summary>A problem of a feature's own: the title is the text <paramref name="key"/>, the detail <c>key.Detail</c> if there is one.</summary>
    public ProblemHttpResult Of(int status, string key) => Make(status, key);

    public ValidationProblem Validation(IEnumerable<FieldError> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => t[e.MessageKey].Value).Distinct().ToArray()),
            title: t["Api.Problem.Validation"]);

    private ProblemHttpResult Make(int status, string key)
    {
        var detail = t[key + ".Detail"];
        return TypedResults.Problem(statusCode: status, title: t[key].Value, detail: detail.ResourceNotFound ? null : detail.Value);
    }
}
