using Joblog.Web.Access;
using Joblog.Web.Features.Logs;
using Joblog.Web.Features.Shared;
using Joblog.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.Evidence;

/// <summary>Hent din joblog: choose a period and PDF or CSV, and download.</summary>
public sealed class ExportModel(CitizenGate gate, EvidenceExport export, TimeProvider clock, IStringLocalizer<Texts> t) : CitizenPageModel(gate)
{
    [BindProperty] public string? Fra { get; set; }
    [BindProperty] public string? Til { get; set; }
    [BindProperty] public ExportFormat? Format { get; set; }

    public IEnumerable<SelectListItem> Formats =>
    [
        new(t["Export.Format.Pdf"], nameof(ExportFormat.Pdf)),
        new(t["Export.Format.Csv"], nameof(ExportFormat.Csv)),
    ];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await OpenCitizenAsync("joblog.export.form") is null) return NotFound();
        var (from, to) = EvidenceExport.DefaultPeriod(clock.Today());
        Fra = LogFormat.Date(from);
        Til = LogFormat.Date(to);
        Format = ExportFormat.Pdf;
        return Page();
    }

    [ReadOnlyPost]
    public async Task<IActionResult> OnPostAsync()
    {
        var from = ReadDate(Fra, nameof(Fra), "Export.Error.FromRequired");
        var to = ReadDate(Til, nameof(Til), "Export.Error.ToRequired");
        if (from > to) ModelState.AddModelError(nameof(Til), t["Export.Error.ToBeforeFrom"]);
        if (Format is null) ModelState.AddModelError(nameof(Format), t["Export.Error.FormatRequired"]);
        if (!ModelState.IsValid)
            return await OpenCitizenAsync("joblog.export.form") is null ? NotFound() : Page();

        var access = await OpenCitizenAsync("joblog.export");
        if (access is null) return NotFound();
        var file = await export.CreateAsync(access, from!.Value, to!.Value, Format!.Value, HttpContext.RequestAborted);
        return File(file.Content, file.ContentType, file.FileName);
    }

    private DateOnly? ReadDate(string? text, string field, string requiredKey)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            ModelState.AddModelError(field, t[requiredKey]);
            return null;
        }
        if (LogFormat.TryParseDate(text, out var date)) return date;
        ModelState.AddModelError(field, t["Form.DateInvalid"]);
        return null;
    }
}
