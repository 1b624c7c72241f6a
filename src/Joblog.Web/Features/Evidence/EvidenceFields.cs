using Joblog.Core.Logs;
using Joblog.Web.Features.Logs;
using Joblog.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Joblog.Web.Features.Evidence;

/// <summary>A log's fields as the export shows them: Danish (or English) labels, dates dd-MM-yyyy, names not codes.</summary>
public static class EvidenceFields
{
    /// <summary>Every field of a log, in the export's column order; with <paramref name="log"/> null, the labels with empty values.</summary>
    public static IReadOnlyList<(string Label, string Value)> Of(PlacedLog? log, IStringLocalizer<Texts> t)
    {
        var c = log?.Log.Content ?? new LogContent();
        var kind = log is null ? "" : c.Kind == LogKind.JobSearch ? t["Export.Kind.jobSearch"] : t["Export.Kind.otherActivity"];
        return
        [
            (t["Export.Column.Day"], log is null ? "" : LogFormat.Date(log.Day)),
            (t["Log.Field.kind"], kind),
            (t["Log.Field.status"], c.Status is { } s ? t.Name(s) : ""),
            (t["Log.Field.jobTitle"], c.JobTitle ?? ""),
            (t["Log.Field.occupationCode"], c.OccupationCode ?? ""),
            (t["Log.Field.employer.name"], c.EmployerName ?? ""),
            (t["Log.Field.employer.address"], c.EmployerAddress ?? ""),
            (t["Log.Field.employer.postalCode"], c.EmployerPostalCode ?? ""),
            (t["Log.Field.employer.city"], c.EmployerCity ?? ""),
            (t["Export.Column.DistanceKm"], log?.DistanceKm is { } km ? MapModel.Km(km) : ""),
            (t["Log.Field.contact.name"], c.ContactName ?? ""),
            (t["Log.Field.contact.phone"], c.ContactPhone ?? ""),
            (t["Log.Field.contact.email"], c.ContactEmail ?? ""),
            (t["Log.Field.jobAdUrl"], c.JobAdUrl ?? ""),
            (t["Log.Field.deadline"], LogFormat.Date(c.Deadline)),
            (t["Log.Field.applicationType"], c.ApplicationType is { } a ? t.Name(a) : ""),
            (t["Log.Field.workingTime"], c.WorkingTime is { } w ? t.Name(w) : ""),
            (t["Log.Field.appliedOn"], LogFormat.Date(c.AppliedOn)),
            (t["Log.Field.interviewAt"], c.InterviewAt is { } at ? LogFormat.DateTime(at) : ""),
            (t["Log.Field.plannedOn"], LogFormat.Date(c.PlannedOn)),
            (t["Log.Field.activityType"], c.ActivityType is { } act ? t.Name(act) : ""),
            (t["Export.Column.ActivityDate"], LogFormat.Date(c.ActivityDate)),
            (t["Log.Field.place"], c.Place ?? ""),
            (t["Log.Field.description"], c.Description ?? ""),
            (t["Log.Field.note"], c.Note ?? ""),
            (t["Log.Field.closed"], log is null ? "" : c.Closed ? t["Export.Yes"] : t["Export.No"]),
            (t["Export.Column.Created"], log is null ? "" : LogFormat.DateTime(log.Log.CreatedAt)),
            (t["Export.Column.Updated"], log is null ? "" : LogFormat.DateTime(log.Log.UpdatedAt)),
        ];
    }

    /// <summary>One step of the status history as a line: "21-11-2026 10:15 Ændret: Samtale (Jobnet, Mette Demo)".</summary>
    public static string Step(StatusStep step, IStringLocalizer<Texts> t)
    {
        var what = t[$"Log.Change.{step.Change}"].Value + (step.Status is { } s ? ": " + t.Name(s) : "");
        return $"{LogFormat.DateTime(step.At)} {what} ({t[$"Log.Channel.{step.Channel}"].Value}, {step.ActorName})";
    }
}
