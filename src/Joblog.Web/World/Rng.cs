namespace Joblog.Web.World;

/// <summary>
/// A small, fast, seedable random generator (xoshiro256**, seeded through SplitMix64). The world is generated from
/// many independent streams — one per citizen, one per citizen and month — so the rows do not depend on the order
/// in which they are generated (or on how many writers share the work).
/// </summary>
public struct Rng
{
    private ulong s0, s1, s2, s3;

    /// <summary>A stream for the given seed and keys, e.g. (seed, citizen index, month).</summary>
    public Rng(ulong seed, ulong key1 = 0, ulong key2 = 0)
    {
        var x = seed ^ Mix(key1 + 0x9E3779B97F4A7C15UL) ^ Mix(Mix(key2) + 0xD1B54A32D192ED03UL);
        s0 = SplitMix(ref x);
        s1 = SplitMix(ref x);
        s2 = SplitMix(ref x);
        s3 = SplitMix(ref x);
    }

    public ulong NextULong()
    {
        var result = RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, n).</summary>
    public int Next(int n) => (int)((NextULong() >> 32) * (ulong)n >> 32);

    /// <summary>Uniform in [min, max] (both included).</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    public bool Chance(double p) => NextDouble() < p;

    /// <summary>An element chosen uniformly.</summary>
    public T Pick<T>(T[] items) => items[Next(items.Length)];

    /// <summary>Exponentially distributed with the given mean.</summary>
    public double Exponential(double mean) => -mean * Math.Log(1 - NextDouble());

    /// <summary>A Poisson count with mean <paramref name="lambda"/> (Knuth's method; fine for the small means here).</summary>
    public int Poisson(double lambda)
    {
        if (lambda <= 0) return 0;
        if (lambda > 30) return Math.Max(0, (int)Math.Round(lambda + Math.Sqrt(lambda) * Normal()));
        var limit = Math.Exp(-lambda);
        var k = 0;
        for (var p = NextDouble(); p > limit; p *= NextDouble()) k++;
        return k;
    }

    /// <summary>Standard normal (Box–Muller).</summary>
    public double Normal() => Math.Sqrt(-2 * Math.Log(1 - NextDouble())) * Math.Cos(2 * Math.PI * NextDouble());

    /// <summary>A version-7 UUID (time-ordered like the app's <see cref="Guid.CreateVersion7()"/>) whose random bits come from this stream.</summary>
    public Guid Uuid7(DateTime utc)
    {
        var ms = (ulong)(utc - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerMillisecond;
        var r = NextULong();
        var r2 = NextULong();
        return new Guid((uint)(ms >> 16), (ushort)ms, (ushort)(0x7000 | (r & 0x0FFF)),
            (byte)(0x80 | ((r >> 12) & 0x3F)), (byte)(r >> 18), (byte)(r >> 26), (byte)(r >> 34),
            (byte)r2, (byte)(r2 >> 8), (byte)(r2 >> 16), (byte)(r2 >> 24));
    }

    /// <summary>A version-4 (random) UUID from this stream.</summary>
    public Guid Uuid4()
    {
        var a = NextULong();
        var b = NextULong();
        return new Guid((uint)a, (ushort)(a >> 32), (ushort)(0x4000 | ((a >> 48) & 0x0FFF)),
            (byte)(0x80 | (b & 0x3F)), (byte)(b >> 8), (byte)(b >> 16), (byte)(b >> 24),
            (byte)(b >> 32), (byte)(b >> 40), (byte)(b >> 48), (byte)(b >> 56));
    }

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        return Mix(x);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}

/// <summary>A weighted choice among n items: cumulative weights, chosen by binary search.</summary>
public sealed class Weighted
{
    private readonly double[] cumulative;

    public Weighted(IReadOnlyList<double> weights)
    {
        if (weights.Count == 0) throw new ArgumentException("No items to choose from.", nameof(weights));
        cumulative = new double[weights.Count];
        var sum = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            if (weights[i] < 0) throw new ArgumentException("Weights must not be negative.", nameof(weights));
            sum += weights[i];
            cumulative[i] = sum;
        }
        if (sum <= 0) throw new ArgumentException("The weights sum to zero.", nameof(weights));
    }

    public int Next(ref Rng rng)
    {
        var x = rng.NextDouble() * cumulative[^1];
        var i = Array.BinarySearch(cumulative, x);
        i = i < 0 ? ~i : i + 1;
        while (i < cumulative.Length - 1 && cumulative[i] <= x) i++; // skip items of weight zero
        return Math.Min(i, cumulative.Length - 1);
    }
}
