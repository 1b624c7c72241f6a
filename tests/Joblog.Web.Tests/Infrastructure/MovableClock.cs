namespace Joblog.Web.Tests.Infrastructure;

/// <summary>A clock a test can move forward, to see what happens when time passes.</summary>
public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
