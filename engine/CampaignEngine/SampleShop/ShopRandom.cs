namespace CampaignEngine.SampleShop;

/// <summary>
/// The generator's random numbers: SplitMix64 (Steele, Lea &amp; Flood 2014), our own so the output does
/// not depend on System.Random's implementation. Each customer gets a stream derived from (seed,
/// customer number), so a customer's history does not depend on the ones generated before it.
/// </summary>
internal struct ShopRandom
{
    private ulong _state;

    public ShopRandom(long seed, long stream)
    {
        _state = Mix((ulong)seed ^ Mix((ulong)stream + 0x632BE59BD9B4E019UL));
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, n).</summary>
    public int Next(int n) => (int)((NextUInt64() >> 33) * (ulong)n >> 31);

    public double Between(double low, double high) => low + ((high - low) * NextDouble());

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Standard normal (Box–Muller; one value per call keeps the stream simple).</summary>
    public double Normal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Log-normal with the given median and shape σ: purchase gaps are skewed this way.</summary>
    public double LogNormal(double median, double sigma) => median * Math.Exp(sigma * Normal());

    /// <summary>Poisson(λ): Knuth's product method for small λ, a rounded normal for large.</summary>
    public int Poisson(double lambda)
    {
        if (lambda <= 0)
        {
            return 0;
        }

        if (lambda > 30)
        {
            return Math.Max(0, (int)Math.Round(lambda + (Math.Sqrt(lambda) * Normal())));
        }

        var limit = Math.Exp(-lambda);
        var k = 0;
        var product = NextDouble();
        while (product > limit)
        {
            k++;
            product *= NextDouble();
        }

        return k;
    }

    /// <summary>Running totals of relative weights, the form <see cref="Pick(double[])"/> draws from.</summary>
    public static double[] Cumulative(IEnumerable<double> weights)
    {
        var total = 0.0;
        return weights.Select(w => total += w).ToArray();
    }

    /// <summary>An index drawn with the given cumulative weights (ascending, last = total).</summary>
    public int Pick(double[] cumulative)
    {
        var x = NextDouble() * cumulative[^1];
        var i = Array.BinarySearch(cumulative, x);
        return i >= 0 ? Math.Min(i + 1, cumulative.Length - 1) : ~i;
    }

    public T Pick<T>(T[] items) => items[Next(items.Length)];

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
