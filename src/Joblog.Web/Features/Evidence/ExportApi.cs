using Joblog.Core.Logs;
using Joblog.Web.Access;
using Joblog.Web.Api;
using Joblog.Web.Auth;
using Joblog.Web.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace Joblog.Web.Features.Evidence;

/// <summary>
/// GET /api/v1/citizens/{citizenId}/logs/export?from=YYYY-MM-DD&amp;to=YYYY-MM-DD with <c>Accept: text/csv</c> or
/// <c>application/pdf</c> (no Accept, or */*: PDF). Anything else is 406. Without from/to: the last three months.
/// </summary>
public static class ExportApi
{
    public static void MapEvidenceApi(this RouteGroupBuilder api) =>
        api.MapGet("/citizens/{citizenId:guid}/logs/export", Export).WithTags("Logs")
            .Produces(200, contentType: EvidenceExport.PdfType, additionalContentTypes: [EvidenceExport.CsvType])
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(406);

    private static async Task<IResult> Export(Guid citizenId, HttpContext http, CitizenGate gate, EvidenceExport export, TimeProvider clock,
        Problems problems, IStringLocalizer<Texts> t, string? from, string? to)
    {
        if (Negotiate(http.Request) is not { } format)
            return TypedResults.Problem(statusCode: 406, title: t["Export.Problem.NotAcceptable"], detail: t["Export.Problem.NotAcceptable.Detail"]);

        var errors = new List<FieldError>();
        var (defaultFrom, defaultTo) = EvidenceExport.DefaultPeriod(clock.Today());
        var first = Date(from, "from", errors) ?? defaultFrom;
        var last = Date(to, "to", errors) ?? defaultTo;
        if (errors.Count == 0 && first > last) errors.Add(new FieldError("to", "Export.Error.ToBeforeFrom"));
        if (errors.Count > 0) return problems.Validation(errors);

        var access = await gate.OpenAsync(Actor.From(http.User)!, citizenId, "joblog.export", http.RequestAborted);
        if (access is null) return problems.NotFound();
        var file = await export.CreateAsync(access, first, last, format, http.RequestAborted);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>The format the caller accepts, by quality (PDF first on a tie); null when it accepts neither.</summary>
    internal static ExportFormat? Negotiate(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0) return ExportFormat.Pdf;
        double Quality(string type) => accept.Where(a => new MediaTypeHeaderValue(type).IsSubsetOf(a)).Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        double pdf = Quality(EvidenceExport.PdfType), csv = Quality(EvidenceExport.CsvType);
        if (pdf <= 0 && csv <= 0) return null;
        return csv > pdf ? ExportFormat.Csv : ExportFormat.Pdf;
    }

    private static DateOnly? Date(string? text, string field, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)) return d;
        errors.Add(new FieldError(field, "Export.Error.ApiDate"));
        return null;
    }
}
