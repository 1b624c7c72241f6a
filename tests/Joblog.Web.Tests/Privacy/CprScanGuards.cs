using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

[assembly: Joblog.Web.Tests.Privacy.NoCprSeen]
[assembly: AssemblyFixture(typeof(Joblog.Web.Tests.Privacy.CprScanAtEndOfRun))]

namespace Joblog.Web.Tests.Privacy;

// How the whole-run scan fails the run (CprScan.Run collects; nothing of this fires on a clean run):
// 1. NoCprSeenAttribute, after every test: the sightings of the test's own class (its apps' log lines and requests so far)
//    fail that test.
// 2. CprScanEndOfRunTests, a test in a collection that is not run in parallel, which xunit (in a parallel run, the default)
//    runs after every parallel collection has finished and disposed its fixtures: what is left (e.g. logged while a class
//    fixture's app shut down) fails that test.
// 3. CprScanAtEndOfRun, an assembly fixture, when the run is over (e.g. a filtered run without the test of 2): what is
//    still left fails the run: dotnet test exits 1 and prints "[Test Assembly Cleanup Failure …] TestPipelineException",
//    but without the message (shown with --logger "console;verbosity=detailed", or by running the test executable itself)
//    and with no test counted as failed (test.sh would say "0 failed") — hence 1 and 2.

/// <summary>After every test of the assembly: fails the test when its class's apps have shown a CPR number (see above).</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class NoCprSeenAttribute : BeforeAfterTestAttribute
{
    public override void After(MethodInfo methodUnderTest, IXunitTest test)
    {
        var owner = test.TestCase.TestClassName;
        var sightings = CprScan.Run.Take(s => s.Owner == owner || s.Owner == CprScan.NoTestClass);
        if (sightings.Count > 0) throw new XunitException(CprScan.Describe(sightings));
    }
}

/// <summary>A collection run after all others (it is not run in parallel), for <see cref="CprScanEndOfRunTests"/>.</summary>
[CollectionDefinition(nameof(AfterAllOthers), DisableParallelization = true)]
public sealed class AfterAllOthers;

/// <summary>Fails when a CPR number was seen anywhere in the run and no other test reported it (see above).</summary>
[Collection(nameof(AfterAllOthers))]
public sealed class CprScanEndOfRunTests
{
    [Fact]
    public void No_CPR_number_was_seen_in_a_log_line_or_request_URL_of_the_run()
    {
        var sightings = CprScan.Run.Take(_ => true);
        if (sightings.Count > 0) Assert.Fail(CprScan.Describe(sightings));
    }
}

/// <summary>When the run is over: fails the run if a CPR number was seen and no test reported it (see above).</summary>
public sealed class CprScanAtEndOfRun : IAsyncDisposable
{
    public ValueTask DisposeAsync()
    {
        var sightings = CprScan.Run.Take(_ => true);
        if (sightings.Count > 0) throw new XunitException(CprScan.Describe(sightings));
        return ValueTask.CompletedTask;
    }
}
