using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using VolumeGen.Benchmarks.Reporting;
using VolumeGen.Benchmarks.Synthetic;

namespace VolumeGen.Benchmarks.InProcess;

/// <summary>One measured compilation.</summary>
public sealed record CompileRun(
    string Configuration,
    double WallMs,
    double CpuMs,
    double ParseMs,
    double GeneratorMs,
    double EmitMs,
    double AnalyzerWallMs,
    double TelemetryMs,
    IReadOnlyDictionary<string, double> AnalyzerMs,
    IReadOnlyDictionary<string, double> GeneratorMsByName,
    int GeneratedSources,
    IReadOnlyDictionary<string, int> DiagnosticsById);

/// <summary>
/// Compile cost in process, the way csc spends it: parse, run the generators
/// (<see cref="GeneratorDriver.RunGeneratorsAndUpdateCompilation"/>), emit (which binds every method body and
/// reports the compiler's diagnostics), then the analyzers through <see cref="CompilationWithAnalyzers"/> with
/// execution-time logging, which binds again through semantic models as the compiler's analyzer driver does.
/// Configurations alternate run by run (rotating order) so a change in machine load hits all of them alike.
/// </summary>
public sealed class CompileCostBenchmark
{
    private readonly CompilerSetup _setup;
    private readonly HashSet<string> _warm = new(StringComparer.Ordinal);
    private SyntheticProject? _warmUpProject;

    /// <summary>The one row the SDK's analyzers are summed into.</summary>
    public const string SdkAnalyzersKey = "SDK NetAnalyzers (all)";

    /// <summary>Creates the benchmark over <paramref name="setup"/>.</summary>
    public CompileCostBenchmark(CompilerSetup setup) => _setup = setup;

    /// <summary>
    /// Runs every configuration <paramref name="runs"/> times on <paramref name="project"/>, after one warm-up run of
    /// each configuration on the small project the first time this process uses it (the JIT work is the same
    /// whatever the size, and then done for every later size).
    /// </summary>
    public async Task<IReadOnlyList<CompileRun>> MeasureAsync(SyntheticProject project, IReadOnlyList<CompileConfiguration> configurations, int runs)
    {
        foreach (CompileConfiguration configuration in configurations)
        {
            if (!_warm.Add(configuration.Name))
            {
                continue;
            }

            _warmUpProject ??= SyntheticProject.Generate(ProjectSize.Small);
            CompileRun warmUp = await RunOnceAsync(_warmUpProject, configuration).ConfigureAwait(false);
            Console.Error.WriteLine($"  [{_warmUpProject.Size.Name}] warm-up {configuration.Name}: {Stats.Ms(warmUp.WallMs)} ms");
        }

        var results = new List<CompileRun>();
        for (int run = 0; run < runs; run++)
        {
            for (int i = 0; i < configurations.Count; i++)
            {
                CompileConfiguration configuration = configurations[(i + run) % configurations.Count];
                CompileRun result = await RunOnceAsync(project, configuration).ConfigureAwait(false);
                results.Add(result);
                Console.Error.WriteLine($"  [{project.Size.Name}] run {run + 1}/{runs} {configuration.Name}: wall {Stats.Ms(result.WallMs)} ms, cpu {Stats.Ms(result.CpuMs)} ms (telemetry read afterwards, not counted: {Stats.Ms(result.TelemetryMs)} ms)");
            }
        }

        return results;
    }

    /// <summary>One compilation of <paramref name="project"/> under <paramref name="configuration"/>.</summary>
    public async Task<CompileRun> RunOnceAsync(SyntheticProject project, CompileConfiguration configuration)
    {
        ImmutableArray<ISourceGenerator> generators = configuration.CreateGenerators();
        ImmutableArray<DiagnosticAnalyzer> analyzers = configuration.CreateAnalyzers();

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        TimeSpan cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        var total = Stopwatch.StartNew();

        var phase = Stopwatch.StartNew();
        SyntaxTree[] trees = _setup.Parse(project);
        Compilation compilation = _setup.Compile(trees);
        double parseMs = phase.Elapsed.TotalMilliseconds;

        double generatorMs = 0;
        var generatorMsByName = new SortedDictionary<string, double>(StringComparer.Ordinal);
        int generatedSources = 0;
        var diagnostics = new List<Diagnostic>();
        if (!generators.IsEmpty)
        {
            phase.Restart();
            GeneratorDriver driver = CSharpGeneratorDriver.Create(generators, parseOptions: _setup.ParseOptions);
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation updated, out ImmutableArray<Diagnostic> generatorDiagnostics);
            generatorMs = phase.Elapsed.TotalMilliseconds;
            compilation = updated;
            diagnostics.AddRange(generatorDiagnostics);
            foreach (GeneratorTimingInfo timing in driver.GetTimingInfo().GeneratorTimes)
            {
                generatorMsByName[GeneratorName(timing.Generator)] = timing.ElapsedTime.TotalMilliseconds;
            }

            generatedSources = driver.GetRunResult().GeneratedTrees.Length;
        }

        phase.Restart();
        using (var peStream = new MemoryStream())
        {
            Microsoft.CodeAnalysis.Emit.EmitResult emit = compilation.Emit(peStream);
            diagnostics.AddRange(emit.Diagnostics);
            if (!emit.Success)
            {
                string errors = string.Join(Environment.NewLine, emit.Diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error).Take(5));
                throw new InvalidOperationException($"The synthetic project did not compile under '{configuration.Name}':{Environment.NewLine}{errors}");
            }
        }

        double emitMs = phase.Elapsed.TotalMilliseconds;

        double analyzerWallMs = 0;
        CompilationWithAnalyzers? withAnalyzers = null;
        if (!analyzers.IsEmpty)
        {
            phase.Restart();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: null,
                concurrentAnalysis: _setup.Concurrent,
                logAnalyzerExecutionTime: true,
                reportSuppressedDiagnostics: false);
            withAnalyzers = compilation.WithAnalyzers(analyzers, options);
            ImmutableArray<Diagnostic> analyzerDiagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
            analyzerWallMs = phase.Elapsed.TotalMilliseconds;
            diagnostics.AddRange(analyzerDiagnostics);
        }

        // The compile ends here. Reading the telemetry afterwards is the harness's own work (Roslyn builds a new
        // analyzer driver per call), so the clocks stop before it and it is reported apart.
        double wallMs = total.Elapsed.TotalMilliseconds;
        double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalMilliseconds;

        double telemetryMs = 0;
        var analyzerMs = new SortedDictionary<string, double>(StringComparer.Ordinal);
        if (withAnalyzers is not null)
        {
            phase.Restart();
            foreach (DiagnosticAnalyzer analyzer in analyzers)
            {
                AnalyzerTelemetryInfo telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false);
                // The SDK's ~100 analyzers are summed into one row; VolumeGen's and the floor's are listed one by one.
                bool ours = analyzer.GetType().Assembly == CompileConfiguration.VolumeGenAssembly || analyzer.GetType().Assembly == typeof(CompileCostBenchmark).Assembly;
                string key = ours ? analyzer.GetType().Name : SdkAnalyzersKey;
                analyzerMs[key] = (analyzerMs.TryGetValue(key, out double seen) ? seen : 0) + telemetry.ExecutionTime.TotalMilliseconds;
            }

            telemetryMs = phase.Elapsed.TotalMilliseconds;
        }

        CheckNoCrash(configuration, diagnostics);
        var byId = diagnostics
            .Where(static d => d.Severity != DiagnosticSeverity.Hidden)
            .GroupBy(static d => d.Id, StringComparer.Ordinal)
            .ToDictionary(static g => g.Key, static g => g.Count(), StringComparer.Ordinal);
        return new CompileRun(configuration.Name, wallMs, cpuMs, parseMs, generatorMs, emitMs, analyzerWallMs, telemetryMs, analyzerMs, generatorMsByName, generatedSources, byId);
    }

    /// <summary>The generator's class name (the driver wraps incremental generators).</summary>
    public static string GeneratorName(ISourceGenerator generator) => generator.GetGeneratorType().Name;

    // A generator or analyzer that throws is not fast, it is broken: CS8784/CS8785 and AD0001 are counted in the
    // report's diagnostics column and flagged on the console, never silently measured as a cheap run.
    private static void CheckNoCrash(CompileConfiguration configuration, List<Diagnostic> diagnostics)
    {
        Diagnostic? crash = diagnostics.FirstOrDefault(static d => d.Id is "CS8784" or "CS8785" or "AD0001");
        if (crash is not null)
        {
            Console.Error.WriteLine($"  WARNING: a generator or analyzer crashed under '{configuration.Name}': {crash}");
        }
    }
}
