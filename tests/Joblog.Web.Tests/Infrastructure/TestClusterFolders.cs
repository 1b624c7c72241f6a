using Joblog.Web.Database;

namespace Joblog.Web.Tests.Infrastructure;

/// <summary>
/// Temp folders of the test clusters (/tmp/joblog-tests-*). Each run holds a lock file in its folder while it lives,
/// so a later run can stop and delete the clusters of runs that were killed before they could clean up.
/// </summary>
internal static class TestClusterFolders
{
    private const string Prefix = "joblog-tests-";
    private const string OwnerLock = "owner.lock";

    /// <summary>Creates a new folder and locks it for this process; dispose the lock after the folder is deleted.</summary>
    public static (string Folder, FileStream Lock) Create()
    {
        var folder = Path.Combine(Path.GetTempPath(), Prefix + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(folder);
        return (folder, new FileStream(Path.Combine(folder, OwnerLock), FileMode.CreateNew, FileAccess.Write, FileShare.None));
    }

    /// <summary>Stops and deletes the clusters whose owning test run is gone (its lock file is free).</summary>
    public static async Task CleanUpAbandonedAsync()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            try
            {
                using (new FileStream(Path.Combine(folder, OwnerLock), FileMode.Open, FileAccess.Write, FileShare.None))
                {
                    if (File.Exists(Path.Combine(folder, "pgdata", "postmaster.pid")))
                        await PostgresBinaries.Find().RunAsync("pg_ctl", ["stop", "-m", "immediate", "-D", Path.Combine(folder, "pgdata")]);
                }
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // Still in use by another test run, or already gone.
            }
        }
    }
}
