using System.Reflection;
using Joblog.Web.Access;
using Joblog.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shouldly;

namespace Joblog.Web.Tests.Access;

/// <summary>
/// How the code keeps reads from going around the gate: the stores take a <see cref="CitizenAccess"/>,
/// only the gate makes one, and a page that uses a store gets its citizen from the gate.
/// </summary>
public sealed class GateBoundaryTests
{
    private static readonly Assembly Web = typeof(CitizenGate).Assembly;

    [Fact]
    public void Only_the_gate_makes_a_CitizenAccess()
    {
        typeof(CitizenAccess).GetConstructors(BindingFlags.Public | BindingFlags.Instance).ShouldBeEmpty("no public constructor");
        typeof(CitizenAccess).GetMethod("<Clone>$").ShouldBeNull("not a record: no copy with changes");

        var src = Path.Combine(RepoRoot(), "src");
        var makers = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("new CitizenAccess(", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(src, f).Replace('\\', '/'))
            .ToList();
        makers.ShouldBe(["Joblog.Web/Access/CitizenGate.cs"]);
    }

    [Fact]
    public void Every_store_method_that_reads_or_writes_citizen_data_takes_a_CitizenAccess_not_a_citizen_id()
    {
        var stores = StoreTypes();
        stores.Count.ShouldBeGreaterThan(8);
        var leaks = stores.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(Guid) && p.Name is "citizenId" or "citizen"))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();
        leaks.ShouldBeEmpty();
    }

    [Fact]
    public void Every_page_that_uses_a_store_gets_its_citizen_through_the_gate()
    {
        var stores = StoreTypes().ToHashSet();
        var pages = Web.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        var usingStores = pages.Where(p => p.GetConstructors().SelectMany(c => c.GetParameters()).Any(a => stores.Contains(a.ParameterType))).ToList();
        usingStores.Count.ShouldBeGreaterThan(15);
        usingStores.Where(p => !typeof(CitizenPageModel).IsAssignableFrom(p)).Select(p => p.FullName).ShouldBeEmpty();
    }

    /// <summary>The types with a public method that takes a CitizenAccess: the stores and queries of citizen data.</summary>
    private static List<Type> StoreTypes() => Web.GetTypes()
        .Where(t => t != typeof(CitizenGate) && t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Any(m => m.GetParameters().Any(p => p.ParameterType == typeof(CitizenAccess))))
        .ToList();

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Joblog.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Joblog.sln not found above " + AppContext.BaseDirectory);
    }
}
