using System;
using System.Collections.Generic;

namespace VolumeGen.Benchmarks.Micro;

/// <summary>Every BenchmarkDotNet class the <c>micro</c> mode runs.</summary>
public static class MicroBenchmarkCatalog
{
    /// <summary>The classes, in report order.</summary>
    public static IReadOnlyList<Type> Types { get; } = new[]
    {
        typeof(FormatterBenchmarks),
        typeof(PathEvaluatorBenchmarks),
        typeof(SinkLookupBenchmarks),
        typeof(UsageAnalyzerAllocationBenchmarks),
    };
}
