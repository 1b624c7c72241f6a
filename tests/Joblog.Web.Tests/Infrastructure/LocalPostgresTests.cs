using Joblog.Web.Database;
using Shouldly;
using Xunit;

namespace Joblog.Web.Tests.Infrastructure;

public sealed class LocalPostgresTests
{
    [Fact]
    public void Without_postgres_installed_the_error_says_how_to_install_it()
    {
        var empty = Directory.CreateTempSubdirectory("joblog-no-postgres-");
        try
        {
            var error = Should.Throw<InvalidOperationException>(() => PostgresBinaries.Find(empty.FullName, path: empty.FullName));

            error.Message.ShouldBe(
                "PostgreSQL was not found. Install it with: sudo apt-get install postgresql " +
                "(or set ConnectionStrings__Joblog to an existing server).");
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_highest_installed_version_is_chosen()
    {
        var root = Directory.CreateTempSubdirectory("joblog-versions-");
        try
        {
            foreach (var version in new[] { "9.6", "15", "13" })
            {
                Directory.CreateDirectory(Path.Combine(root.FullName, version, "bin"));
                File.WriteAllText(Path.Combine(root.FullName, version, "bin", "pg_ctl"), "");
            }

            PostgresBinaries.Find(root.FullName, path: "").BinDirectory.ShouldBe(Path.Combine(root.FullName, "15", "bin"));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
