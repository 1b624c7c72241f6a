namespace Joblog.Web.Database;

// STUB: replaced by the database work (local cluster, data source, migrator).
public static class DatabaseSetup
{
    public static Task AddJoblogDatabaseAsync(this WebApplicationBuilder builder) => Task.CompletedTask;

    public static Task MigrateJoblogDatabaseAsync(this WebApplication app) => Task.CompletedTask;
}
