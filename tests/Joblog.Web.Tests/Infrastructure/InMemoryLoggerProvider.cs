using Joblog.Web.Tests.Privacy;
using Microsoft.Extensions.Logging;
using System.Collections.Concurrent;

namespace Joblog.Web.Tests.Infrastructure;

/// <summary>
/// Keeps every log line in memory ("Level Category: message" plus any exception) so tests can scan them; each line is also
/// checked for CPR numbers as it is logged, by <see cref="CprScan.Run"/> unless another scan is given.
/// </summary>
public sealed class InMemoryLoggerProvider(CprScan? cprScan = null, string? owner = null) : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    /// <summary>Where the lines are checked for CPR numbers.</summary>
    public CprScan Scan { get; } = cprScan ?? CprScan.Run;

    /// <summary>The test class the lines are reported for (by default the one running when this provider was made).</summary>
    public string Owner { get; } = owner ?? CprScan.CurrentOwner();

    /// <summary>A snapshot of the lines logged so far.</summary>
    public IReadOnlyList<string> Lines => lines.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
    }

    private void Add(string category, string line)
    {
        lines.Enqueue(line);
        Scan.Check(Owner, $"log line of {category}", line);
    }

    private sealed class Logger(string category, InMemoryLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var line = $"{logLevel} {category}: {formatter(state, exception)}";
            provider.Add(category, exception is null ? line : line + Environment.NewLine + exception);
        }
    }
}
