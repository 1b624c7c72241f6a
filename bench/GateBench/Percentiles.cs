using System.Globalization;

namespace Joblog.Bench.Gate;

/// <summary>Nearest-rank percentiles of a sample of milliseconds.</summary>
internal sealed class Percentiles
{
    private readonly double[] sorted;

    public Percentiles(IEnumerable<double> values)
    {
        sorted = values.ToArray();
        Array.Sort(sorted);
        if (sorted.Length == 0) throw new ArgumentException("no values", nameof(values));
    }

    public double this[double p] => sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    public double Mean => sorted.Average();

    public string Line => string.Create(CultureInfo.InvariantCulture,
        $"p50 {this[50],7:0.000}  p95 {this[95],7:0.000}  p99 {this[99],7:0.000}  mean {Mean,7:0.000}  max {sorted[^1],8:0.000} ms");
}
