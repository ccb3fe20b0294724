using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;
using VolumeGen.Benchmarks.Reporting;

namespace VolumeGen.Benchmarks.Profiling;

/// <summary>
/// The <c>trace</c> mode: reads a <c>.nettrace</c> written by <c>dotnet-trace collect --profile dotnet-sampled-thread-time</c>
/// (the NuGet tool) and attributes the stack samples that hold a frame of the analyzer assembly (VolumeGen.SourceGenerators): by the innermost VolumeGen method (where
/// VolumeGen's own code calls into Roslyn or the runtime), by the outermost one (which callback), and, for a focus
/// method, by the chain of callees below it. Samples of all threads at ~100 Hz: counts are relative, not CPU time.
/// </summary>
public static class TraceReport
{
    /// <summary>Writes the report of <paramref name="path"/> into <paramref name="report"/>.</summary>
    public static void Run(MarkdownReport report, string path, string? focus, int top = 20)
    {
        string etlx = TraceLog.CreateFromEventPipeDataFile(path, path + ".etlx");
        using var log = new TraceLog(etlx);
        int total = 0, ours = 0;
        var inner = new Dictionary<string, int>(StringComparer.Ordinal);
        var outer = new Dictionary<string, int>(StringComparer.Ordinal);
        var below = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (TraceEvent e in log.Events)
        {
            if (e.EventName != "Thread/Sample" || e.CallStack() is not TraceCallStack stack)
            {
                continue;
            }

            total++;
            string? innermost = null, outermost = null;
            for (TraceCallStack? frame = stack; frame is not null; frame = frame.Caller)
            {
                if (frame.CodeAddress.ModuleName?.Contains("VolumeGen.SourceGenerators", StringComparison.Ordinal) == true)
                {
                    innermost ??= Short(frame.CodeAddress.FullMethodName);
                    outermost = Short(frame.CodeAddress.FullMethodName);
                }
            }

            if (innermost is null)
            {
                continue;
            }

            ours++;
            Add(inner, innermost);
            Add(outer, outermost!);
            if (focus is not null && innermost.Contains(focus, StringComparison.Ordinal))
            {
                var chain = new List<string>();
                for (TraceCallStack? frame = stack; frame is not null; frame = frame.Caller)
                {
                    string name = Short(frame.CodeAddress.FullMethodName);
                    if (name.Contains(focus, StringComparison.Ordinal))
                    {
                        break;
                    }

                    chain.Add(name);
                }

                chain.Reverse();
                Add(below, chain.Count == 0 ? "(itself)" : string.Join(" > ", chain.Take(4)));
            }
        }

        report.Heading(3, "Profile: " + System.IO.Path.GetFileName(path));
        report.Paragraph($"{total:N0} thread samples, {ours:N0} with a VolumeGen frame.");
        Table(report, "innermost VolumeGen method", inner, ours, top);
        Table(report, "outermost VolumeGen method (the callback)", outer, ours, top);
        if (focus is not null)
        {
            Table(report, "callees below " + focus, below, below.Values.Sum(), top);
        }
    }

    private static void Table(MarkdownReport report, string title, Dictionary<string, int> counts, int of, int top)
        => report.Table(new[] { title, "samples", "share" }, counts.OrderByDescending(static p => p.Value).Take(top)
            .Select(p => (IReadOnlyList<string>)new[] { "`" + p.Key + "`", p.Value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), Stats.N(100.0 * p.Value / Math.Max(1, of), "0") + " %" }));

    private static void Add(Dictionary<string, int> counts, string key) => counts[key] = counts.TryGetValue(key, out int n) ? n + 1 : 1;

    // Type.Method without namespace and signature.
    private static string Short(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "?";
        }

        int paren = name.IndexOf('(', StringComparison.Ordinal);
        string bare = paren > 0 ? name.Substring(0, paren) : name;
        string[] parts = bare.Split('.');
        return parts.Length >= 2 ? parts[^2] + "." + parts[^1] : bare;
    }
}
