using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace VolumeGen.Benchmarks.Reporting;

/// <summary>Medians and the number formats the report uses (invariant culture).</summary>
public static class Stats
{
    /// <summary>The median (mean of the two middle values for an even count); NaN when empty.</summary>
    public static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.OrderBy(static v => v).ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Milliseconds, no decimals above 100 ms.</summary>
    public static string Ms(double milliseconds)
        => double.IsNaN(milliseconds) ? "n/a"
        : milliseconds >= 100 ? milliseconds.ToString("N0", CultureInfo.InvariantCulture)
        : milliseconds.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>A ratio as a signed percentage: 1.013 is <c>+1.3 %</c>.</summary>
    public static string Percent(double ratio)
        => double.IsNaN(ratio) ? "n/a" : ((ratio - 1) * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " %";

    /// <summary>Invariant number.</summary>
    public static string N(double value, string format = "0.###") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Minimum and maximum, for the spread column.</summary>
    public static string Range(IReadOnlyCollection<double> values)
        => values.Count == 0 ? "n/a" : $"{Ms(values.Min())}–{Ms(values.Max())}";
}
