using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using VolumeGen.Benchmarks.Reporting;
using VolumeGen.Benchmarks.Synthetic;

namespace VolumeGen.Benchmarks.Build;

/// <summary>One real <c>dotnet build</c> of the synthetic project.</summary>
public sealed record BuildRun(
    bool WithVolumeGen,
    double WallMs,
    double CscMs,
    double TotalAnalyzerSeconds,
    double TotalGeneratorSeconds,
    IReadOnlyDictionary<string, double> VolumeGenSeconds,
    int VolumeGenWarnings);

/// <summary>
/// A real <c>dotnet build -p:ReportAnalyzer=true -p:UseSharedCompilation=false</c> of the synthetic project written to
/// a temp folder, referencing src/VolumeGen and (unless <c>WithVolumeGen=false</c>) the analyzer project as an
/// Analyzer. Only the synthetic project recompiles each run (its intermediate assembly is deleted; project
/// references are not rebuilt). The Csc task time comes from MSBuild's performance summary and the analyzer and
/// generator times from the compiler's ReportAnalyzer table, both read from the detailed file log.
/// </summary>
public sealed partial class BuildBenchmark
{
    private readonly string _repoRoot;

    /// <summary>Creates the benchmark for the repository at <paramref name="repoRoot"/>.</summary>
    public BuildBenchmark(string repoRoot) => _repoRoot = repoRoot;

    /// <summary>Writes the project, builds it once to warm up, then alternates with/without <paramref name="runs"/> times each.</summary>
    public IReadOnlyList<BuildRun> Measure(SyntheticProject project, int runs, string workDirectory)
    {
        if (Directory.Exists(workDirectory))
        {
            Directory.Delete(workDirectory, recursive: true);
        }

        Directory.CreateDirectory(workDirectory);
        project.WriteTo(workDirectory);
        string projectFile = Path.Combine(workDirectory, "Synthetic.csproj");
        File.WriteAllText(projectFile, ProjectText());

        DotnetProcess.Run("dotnet", new[] { "restore", projectFile }, workDirectory);
        // Builds the referenced projects once; the measured builds below never rebuild them.
        DotnetProcess.Run("dotnet", new[] { "build", projectFile, "--no-restore", "-c", "Release", "-p:UseSharedCompilation=false", "-nodeReuse:false" }, workDirectory);

        var results = new List<BuildRun>();
        for (int run = 0; run < runs; run++)
        {
            bool[] order = run % 2 == 0 ? new[] { false, true } : new[] { true, false };
            foreach (bool with in order)
            {
                BuildRun result = BuildOnce(projectFile, workDirectory, with, run);
                results.Add(result);
                Console.Error.WriteLine($"  [build] run {run + 1}/{runs} {(with ? "with" : "without")}: wall {Stats.Ms(result.WallMs)} ms, Csc {Stats.Ms(result.CscMs)} ms");
            }
        }

        return results;
    }

    private BuildRun BuildOnce(string projectFile, string workDirectory, bool withVolumeGen, int run)
    {
        foreach (string stale in Directory.GetFiles(Path.Combine(workDirectory, "obj"), "Synthetic.dll", SearchOption.AllDirectories))
        {
            File.Delete(stale);
        }

        string log = Path.Combine(workDirectory, $"build-{(withVolumeGen ? "with" : "without")}-{run}.log");
        string[] arguments =
        {
            "build", projectFile, "--no-restore", "-c", "Release", "-nodeReuse:false",
            "-p:BuildProjectReferences=false", "-p:ReportAnalyzer=true", "-p:UseSharedCompilation=false",
            $"-p:WithVolumeGen={(withVolumeGen ? "true" : "false")}", "-v:q", $"-flp:logfile={log};verbosity=detailed;performancesummary",
        };
        var stopwatch = Stopwatch.StartNew();
        DotnetProcess.Run("dotnet", arguments, workDirectory);
        double wallMs = stopwatch.Elapsed.TotalMilliseconds;
        return Parse(withVolumeGen, wallMs, File.ReadAllText(log));
    }

    /// <summary>Reads Csc time, ReportAnalyzer totals and VolumeGen's rows from a detailed build log.</summary>
    public static BuildRun Parse(bool withVolumeGen, double wallMs, string log)
    {
        double cscMs = double.NaN;
        Match csc = CscTaskTime().Match(log);
        if (csc.Success)
        {
            cscMs = double.Parse(csc.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        double analyzers = TotalTime(AnalyzerTotal(), log);
        double generatorsTotal = TotalTime(GeneratorTotal(), log);
        var ours = new SortedDictionary<string, double>(StringComparer.Ordinal);
        Match generatorSection = GeneratorTotal().Match(log);
        foreach (Match row in ReportRow().Matches(log))
        {
            string name = row.Groups[3].Value.Trim();
            if (!name.Contains("VolumeGen", StringComparison.Ordinal))
            {
                continue;
            }

            // The table lists the assembly row ("VolumeGen.SourceGenerators, Version=...") and one row per class
            // ("VolumeGen.SourceGenerators.Analyzers.DeclarationAnalyzer (VG1001, VG1002, ...)"); the analyzer and
            // generator tables follow their "Total ... execution time" lines.
            int cut = name.IndexOf(", Version=", StringComparison.Ordinal);
            cut = cut >= 0 ? cut : name.IndexOf(" (", StringComparison.Ordinal);
            string key = cut >= 0 ? name.Substring(0, cut) : name;
            bool isGenerator = generatorSection.Success && row.Index > generatorSection.Index;
            key = (isGenerator ? "generators: " : "analyzers: ") + key.Replace("VolumeGen.SourceGenerators.", string.Empty, StringComparison.Ordinal);
            string seconds = row.Groups[1].Value.TrimStart('<');
            ours[key] = (ours.TryGetValue(key, out double seen) ? seen : 0) + double.Parse(seconds, CultureInfo.InvariantCulture);
        }

        int warnings = VolumeGenWarning().Matches(log).Select(static m => m.Value.TrimEnd()).Distinct(StringComparer.Ordinal).Count();
        return new BuildRun(withVolumeGen, wallMs, cscMs, analyzers, generatorsTotal, ours, warnings);
    }

    /// <summary>
    /// The SDK's NetAnalyzers rows in seconds: the assembly rows of Microsoft.CodeAnalysis.NetAnalyzers and its C# part
    /// (what every SDK project runs by default), summed over the log's compilations; NaN when the log has none.
    /// </summary>
    public static double NetAnalyzersSeconds(string log)
    {
        double seconds = double.NaN;
        foreach (Match row in ReportRow().Matches(log))
        {
            string name = row.Groups[3].Value.Trim();
            if (name.StartsWith("Microsoft.CodeAnalysis.NetAnalyzers, Version=", StringComparison.Ordinal)
                || name.StartsWith("Microsoft.CodeAnalysis.CSharp.NetAnalyzers, Version=", StringComparison.Ordinal))
            {
                seconds = (double.IsNaN(seconds) ? 0 : seconds) + double.Parse(row.Groups[1].Value.TrimStart('<'), CultureInfo.InvariantCulture);
            }
        }

        return seconds;
    }

    /// <summary>Which VolumeGen analyzer assembly the compiler got (its <c>/analyzer:</c> path): a ReadyToRun image, the IL assembly, or none.</summary>
    public static string AnalyzerImage(string log)
    {
        Match analyzer = VolumeGenAnalyzerPath().Match(log);
        if (!analyzer.Success)
        {
            return "none";
        }

        string path = analyzer.Groups[1].Value.Replace('\\', '/');
        int readyToRun = path.IndexOf("/readytorun/", StringComparison.OrdinalIgnoreCase);
        return readyToRun >= 0 ? "ReadyToRun " + path.Substring(readyToRun + 12).Split('/')[0] : "IL";
    }

    private static double TotalTime(Regex pattern, string log)
    {
        Match match = pattern.Match(log);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
    }

    private string ProjectText()
    {
        string runtime = Path.Combine(_repoRoot, "src", "VolumeGen", "VolumeGen.csproj");
        string analyzers = Path.Combine(_repoRoot, "src", "VolumeGen.SourceGenerators", "VolumeGen.SourceGenerators.csproj");
        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <!-- Written by tests/VolumeGen.Benchmarks (build mode): a user project with default SDK analyzers. -->
              <PropertyGroup>
                <TargetFramework>net{Environment.Version.Major}.0</TargetFramework>
                <AssemblyName>Synthetic</AssemblyName>
                <ImplicitUsings>disable</ImplicitUsings>
                <Nullable>disable</Nullable>
                <LangVersion>12</LangVersion>
                <WithVolumeGen Condition="'$(WithVolumeGen)' == ''">true</WithVolumeGen>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{runtime}" />
                <ProjectReference Include="{analyzers}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" Condition="'$(WithVolumeGen)' == 'true'" />
              </ItemGroup>
            </Project>
            """;
    }

    // "     5123 ms  Csc                                        1 calls" in the Task Performance Summary.
    [GeneratedRegex(@"^\s*(\d+)\s+ms\s+Csc\s+\d+\s+calls", RegexOptions.Multiline)]
    private static partial Regex CscTaskTime();

    [GeneratedRegex(@"Total analyzer execution time:\s+([\d.]+)\s+seconds")]
    private static partial Regex AnalyzerTotal();

    [GeneratedRegex(@"Total generator execution time:\s+([\d.]+)\s+seconds")]
    private static partial Regex GeneratorTotal();

    // A ReportAnalyzer row: seconds, percent, name ("<0.001   <1   VolumeGen.SourceGenerators.X (VG2001)").
    [GeneratedRegex(@"^\s*(<?\d+\.\d+)\s+(<?\d+)\s+(.+?)\s*$", RegexOptions.Multiline)]
    private static partial Regex ReportRow();

    // "/analyzer:/home/u/.nuget/packages/volumegen/0.1.0/readytorun/linux-x64/VolumeGen.SourceGenerators.dll" on the csc command line.
    [GeneratedRegex(@"/analyzer:""?([^""\s]*VolumeGen\.SourceGenerators\.dll)")]
    private static partial Regex VolumeGenAnalyzerPath();

    [GeneratedRegex(@"[^\s:]+\.cs\(\d+,\d+\): warning VG\d{4}[^\r\n\[]*")]
    private static partial Regex VolumeGenWarning();
}
