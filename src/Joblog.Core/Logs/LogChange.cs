namespace Joblog.Core.Logs;

/// <summary>What kind of change a new version of a log is.</summary>
public enum ChangeKind { Created, Updated, Closed, Reopened }

/// <summary>Rules for changing an existing log: closed logs are read-only until reopened.</summary>
public static class LogChange
{
    /// <summary>Decides the kind of change, or returns null when the change is not allowed.</summary>
    public static ChangeKind? Classify(LogContent before, LogContent after)
    {
        var fieldsChanged = ChangedFields(before, after).Any(f => f != "closed");
        if (before.Closed && after.Closed) return fieldsChanged ? null : ChangeKind.Updated;
        if (before.Closed && !after.Closed) return ChangeKind.Reopened;
        if (!before.Closed && after.Closed) return ChangeKind.Closed;
        return ChangeKind.Updated;
    }

    /// <summary>The API names of the fields whose values differ.</summary>
    public static IReadOnlyList<string> ChangedFields(LogContent before, LogContent after)
    {
        var changed = new List<string>();
        void Check<T>(string name, T a, T b)
        {
            if (!EqualityComparer<T>.Default.Equals(a, b)) changed.Add(name);
        }
        Check("kind", before.Kind, after.Kind);
        Check("status", before.Status, after.Status);
        Check("jobTitle", before.JobTitle, after.JobTitle);
        Check("occupationCode", before.OccupationCode, after.OccupationCode);
        Check("employer.name", before.EmployerName, after.EmployerName);
        Check("employer.address", before.EmployerAddress, after.EmployerAddress);
        Check("employer.postalCode", before.EmployerPostalCode, after.EmployerPostalCode);
        Check("employer.city", before.EmployerCity, after.EmployerCity);
        Check("contact.name", before.ContactName, after.ContactName);
        Check("contact.phone", before.ContactPhone, after.ContactPhone);
        Check("contact.email", before.ContactEmail, after.ContactEmail);
        Check("jobAdUrl", before.JobAdUrl, after.JobAdUrl);
        Check("deadline", before.Deadline, after.Deadline);
        Check("applicationType", before.ApplicationType, after.ApplicationType);
        Check("workingTime", before.WorkingTime, after.WorkingTime);
        Check("appliedOn", before.AppliedOn, after.AppliedOn);
        Check("interviewAt", before.InterviewAt, after.InterviewAt);
        Check("plannedOn", before.PlannedOn, after.PlannedOn);
        Check("activityType", before.ActivityType, after.ActivityType);
        Check("activityDate", before.ActivityDate, after.ActivityDate);
        Check("place", before.Place, after.Place);
        Check("description", before.Description, after.Description);
        Check("note", before.Note, after.Note);
        Check("closed", before.Closed, after.Closed);
        return changed;
    }
}
