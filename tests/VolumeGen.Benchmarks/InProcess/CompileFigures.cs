using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using VolumeGen.Benchmarks.Reporting;
using VolumeGen.Benchmarks.Synthetic;

namespace VolumeGen.Benchmarks.InProcess;

/// <summary>
/// The issue's load-independent figures from one compile run: VolumeGen's own time (its rows in the SDK + VolumeGen
/// runs, median) as a share of the SDK compile (median wall time of the SDK runs) per size, and own time per file
/// across sizes. Spread: the largest deviation of a size's per-file own time from the mean of the sizes' per-file times.
/// </summary>
public sealed record CompileFigures(IReadOnlyDictionary<int, double> SharePercent, IReadOnlyDictionary<int, double> PerFileMicroseconds)
{
    /// <summary>The per-file spread in percent (NaN with fewer than two sizes).</summary>
    public double SpreadPercent
    {
        get
        {
            if (PerFileMicroseconds.Count < 2)
            {
                return double.NaN;
            }

            double mean = PerFileMicroseconds.Values.Average();
            return PerFileMicroseconds.Values.Max(v => Math.Abs(v / mean - 1)) * 100;
        }
    }

    /// <summary>Figures from the SDK and SDK + VolumeGen runs of each size; <paramref name="ownMs"/> sums VolumeGen's rows of a run.</summary>
    public static CompileFigures From(IReadOnlyList<(ProjectSize Size, IReadOnlyList<CompileRun> Runs)> bySize, Func<CompileRun, double> ownMs)
    {
        var share = new SortedDictionary<int, double>();
        var perFile = new SortedDictionary<int, double>();
        foreach ((ProjectSize size, IReadOnlyList<CompileRun> runs) in bySize)
        {
            double own = Stats.Median(runs.Where(static r => r.Configuration == "sdk+volumegen").Select(ownMs));
            double sdk = Stats.Median(runs.Where(static r => r.Configuration == "sdk").Select(static r => r.WallMs));
            if (double.IsNaN(own))
            {
                continue;
            }

            perFile[size.Files] = own * 1000 / size.Files;
            if (!double.IsNaN(sdk))
            {
                share[size.Files] = own / sdk * 100;
            }
        }

        return new CompileFigures(share, perFile);
    }

    /// <summary>The share at <paramref name="files"/>, NaN when not measured.</summary>
    public double ShareAt(int files) => SharePercent.TryGetValue(files, out double value) ? value : double.NaN;

    /// <summary>One paragraph: shares, per-file times and spread against the goals (0.5 %, ±25 %).</summary>
    public string Describe()
    {
        if (PerFileMicroseconds.Count == 0)
        {
            return "Goals (own time ≤ 0.5 % of the SDK compile; per file within ±25 % across sizes): not measured in this run (needs the `sdk` and `sdk+volumegen` configurations).";
        }

        string shares = string.Join(", ", SharePercent.Select(static p => $"{p.Key.ToString("N0", CultureInfo.InvariantCulture)} files {Stats.N(p.Value, "0.00")} % ({(p.Value <= 0.5 ? "met" : "NOT met")})"));
        string perFile = string.Join(", ", PerFileMicroseconds.Select(static p => $"{p.Key.ToString("N0", CultureInfo.InvariantCulture)} files {Stats.N(p.Value, "0")} µs"));
        return $"Goals. Own time as a share of the SDK compile (≤ 0.5 %): {shares}. Own time per file: {perFile}; spread {Stats.N(SpreadPercent, "0")} % (≤ 25 %: {(SpreadPercent <= 25 ? "met" : "NOT met")}).";
    }
}
