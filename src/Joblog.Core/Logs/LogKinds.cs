namespace Joblog.Core.Logs;

/// <summary>Log om jobsøgning / log om anden aktivitet.</summary>
public enum LogKind { JobSearch, OtherActivity }

/// <summary>The five statuses of a job-search log, in the order a search moves through them.</summary>
public enum LogStatus { NotApplied, Applied, Interview, Rejected, Hired }

/// <summary>How the job was found / the kind of application.</summary>
public enum ApplicationType { Advertised, Unsolicited, Network, TempAgency, Other }

public enum WorkingTime { FullTime, PartTime }

/// <summary>Kinds of other job-search activity.</summary>
public enum ActivityType { NetworkMeeting, JobFair, Course, CompanyVisit, Other }

/// <summary>Where a change came from: Jobnet (the citizen's web), the a-kasse's system, a jobcenter system.</summary>
public enum Channel { Jobnet, Akasse, Jobcenter }
