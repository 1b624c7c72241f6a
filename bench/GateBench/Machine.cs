using System.Diagnostics;
using System.Globalization;

namespace Joblog.Bench.Gate;

/// <summary>How busy the machine was while we measured (it is shared): load average, busy share of all cores, ours.</summary>
internal sealed class Machine
{
    private readonly (long Busy, long All) start = Ticks();
    private readonly TimeSpan ownStart = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly long wallStart = Stopwatch.GetTimestamp();

    public static string LoadAverage => File.Exists("/proc/loadavg")
        ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
        : "n/a";

    /// <summary>"machine busy 63 % of 2 cores, this process 30 %" since this object was made.</summary>
    public string Since()
    {
        var (busy, all) = Ticks();
        var wall = Stopwatch.GetElapsedTime(wallStart).TotalSeconds * Environment.ProcessorCount;
        var own = (Process.GetCurrentProcess().TotalProcessorTime - ownStart).TotalSeconds;
        var busyShare = all > start.All ? 100.0 * (busy - start.Busy) / (all - start.All) : double.NaN;
        return string.Create(CultureInfo.InvariantCulture,
            $"machine busy {busyShare:0} % of {Environment.ProcessorCount} cores, this process {100 * own / wall:0} %");
    }

    private static (long Busy, long All) Ticks()
    {
        if (!File.Exists("/proc/stat")) return (0, 0);
        var f = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Take(8).Select(x => long.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal
        return (f[0] + f[1] + f[2] + f[5] + f[6] + f[7], f.Sum());
    }
}
