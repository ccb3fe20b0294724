using System.Collections.Generic;

namespace VolumeGen.Benchmarks.Build;

/// <summary>
/// One cold build of a real app's project: the Csc task, the ReportAnalyzer figures (all analyzers, the SDK's NetAnalyzers
/// rows, VolumeGen's rows by name as <see cref="BuildBenchmark.Parse"/> keys them) and which VolumeGen analyzer assembly
/// the compiler got.
/// </summary>
public sealed record RealAppBuildRun(
    string RequestedImage,
    string AnalyzerImage,
    double WallMs,
    double CscMs,
    double AnalyzersSeconds,
    double NetAnalyzersSeconds,
    IReadOnlyDictionary<string, double> VolumeGenSeconds,
    int VolumeGenWarnings,
    string LoadAverage)
{
    /// <summary>VolumeGen's analyzer rows together (the analyzer table's assembly row), in milliseconds.</summary>
    public double VolumeGenAnalyzersMs => Row("analyzers: VolumeGen.SourceGenerators");

    /// <summary>VolumeGen's generator row, in milliseconds.</summary>
    public double VolumeGenGeneratorMs => Row("generators: VolumeGen.SourceGenerators");

    /// <summary>The SDK's NetAnalyzers rows together, in milliseconds.</summary>
    public double NetAnalyzersMs => NetAnalyzersSeconds * 1000;

    /// <summary>One of VolumeGen's rows (<c>analyzers: Analyzers.ContainerWriteAnalyzer</c>), in milliseconds; 0 when absent.</summary>
    public double Row(string key) => VolumeGenSeconds.TryGetValue(key, out double seconds) ? seconds * 1000 : 0;
}
