using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using VolumeGen.Benchmarks.InProcess;
using VolumeGen.Benchmarks.Synthetic;

namespace VolumeGen.Benchmarks.Incremental;

/// <summary>What one edit cost the generator driver.</summary>
public sealed record IncrementalResult(
    string Configuration,
    string Edit,
    double MedianMs,
    double InitialMs,
    double TrackedMedianMs,
    IReadOnlyDictionary<IncrementalStepRunReason, int> StepOutputs,
    int TrackedSteps,
    int OutputsRerun,
    int OutputsTotal,
    IReadOnlyList<string> RerunOutputSteps,
    IReadOnlyList<(string Step, double Ms)> HottestSteps);

/// <summary>
/// The IDE's case: the generator driver already ran on the project, the user edits one file, the driver runs again.
/// Two edits: a statement inside a method body of a service file (unrelated to VolumeGen: no output may re-run)
/// and a storage class's volume target (that class's outputs must re-run, nothing else).
/// Times come from a driver without step tracking, as the IDE and csc run it: with
/// <c>trackIncrementalGeneratorSteps</c> Roslyn records every output's whole step tree on every run, which costs
/// O(outputs × steps) — seconds at 1,000 storage classes — and is not what users pay. A second, tracking driver
/// runs the same edits to count steps (<see cref="GeneratorRunResult.TrackedSteps"/>: every named step, including
/// Roslyn's own ForAttributeWithMetadataName steps) and outputs (<see cref="GeneratorRunResult.TrackedOutputSteps"/>);
/// its time is reported too.
/// </summary>
public sealed class IncrementalBenchmark
{
    private readonly CompilerSetup _setup;

    /// <summary>Creates the benchmark over <paramref name="setup"/>.</summary>
    public IncrementalBenchmark(CompilerSetup setup) => _setup = setup;

    /// <summary>Measures both edits <paramref name="runs"/> times each for <paramref name="configuration"/>.</summary>
    public IReadOnlyList<IncrementalResult> Measure(SyntheticProject project, CompileConfiguration configuration, int runs)
    {
        SyntaxTree[] trees = _setup.Parse(project);
        Compilation compilation = _setup.Compile(trees);
        ImmutableArray<ISourceGenerator> generators = configuration.CreateGenerators();
        if (generators.IsEmpty)
        {
            return Array.Empty<IncrementalResult>();
        }

        GeneratorDriver driver = CSharpGeneratorDriver.Create(generators, parseOptions: _setup.ParseOptions);
        GeneratorDriver tracked = CSharpGeneratorDriver.Create(
            configuration.CreateGenerators(),
            parseOptions: _setup.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        // A throw-away first run JIT-compiles the generator and Roslyn's driver, so "first run" is the work, not the JIT.
        _ = CSharpGeneratorDriver.Create(configuration.CreateGenerators(), parseOptions: _setup.ParseOptions).RunGenerators(_setup.Compile(_setup.Parse(project)));
        var initial = Stopwatch.StartNew();
        driver = driver.RunGenerators(compilation);
        double initialMs = initial.Elapsed.TotalMilliseconds;
        tracked = tracked.RunGenerators(compilation);

        // Warm the incremental path once so JIT time is not charged to the first measured edit.
        Compilation warm = compilation.ReplaceSyntaxTree(
            trees[project.UnrelatedEditFileIndex],
            _setup.ParseFile(project.Files[project.UnrelatedEditFileIndex].Path, project.WithUnrelatedEdit(-1)));
        _ = driver.RunGenerators(warm);
        _ = tracked.RunGenerators(warm);

        var results = new List<IncrementalResult>();
        var edits = new (string Name, int FileIndex, Func<int, string> Edit)[]
        {
            ("unrelated edit (method body)", project.UnrelatedEditFileIndex, project.WithUnrelatedEdit),
            ("storage-class edit (volume target)", project.StorageEditFileIndex, project.WithStorageEdit),
        };
        foreach ((string name, int fileIndex, Func<int, string> edit) in edits)
        {
            var times = new List<double>();
            var trackedTimes = new List<double>();
            GeneratorDriverRunResult? last = null;
            for (int run = 1; run <= runs; run++)
            {
                // Each run edits the same base state (drivers are immutable), with a text no earlier run produced.
                SyntaxTree edited = _setup.ParseFile(project.Files[fileIndex].Path, edit(run));
                Compilation next = compilation.ReplaceSyntaxTree(trees[fileIndex], edited);
                var stopwatch = Stopwatch.StartNew();
                _ = driver.RunGenerators(next);
                times.Add(stopwatch.Elapsed.TotalMilliseconds);

                // Its own compilation of the same trees, so neither driver inherits state the other's run computed.
                Compilation nextTracked = compilation.ReplaceSyntaxTree(trees[fileIndex], edited);
                stopwatch.Restart();
                GeneratorDriver after = tracked.RunGenerators(nextTracked);
                trackedTimes.Add(stopwatch.Elapsed.TotalMilliseconds);
                last = after.GetRunResult();
            }

            results.Add(Summarize(configuration.Name, name, times, initialMs, trackedTimes, last!));
        }

        return results;
    }

    private static IncrementalResult Summarize(string configuration, string edit, List<double> times, double initialMs, List<double> trackedTimes, GeneratorDriverRunResult result)
    {
        var reasons = new SortedDictionary<IncrementalStepRunReason, int>();
        int trackedSteps = 0;
        int outputsRerun = 0;
        int outputsTotal = 0;
        var rerunNames = new SortedSet<string>(StringComparer.Ordinal);
        var stepMs = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (GeneratorRunResult generator in result.Results)
        {
            foreach (KeyValuePair<string, ImmutableArray<IncrementalGeneratorRunStep>> step in generator.TrackedSteps)
            {
                foreach (IncrementalGeneratorRunStep run in step.Value)
                {
                    trackedSteps++;
                    stepMs[step.Key] = (stepMs.TryGetValue(step.Key, out double ms) ? ms : 0) + run.ElapsedTime.TotalMilliseconds;
                    foreach ((object _, IncrementalStepRunReason reason) in run.Outputs)
                    {
                        reasons[reason] = reasons.TryGetValue(reason, out int n) ? n + 1 : 1;
                    }
                }
            }

            foreach (KeyValuePair<string, ImmutableArray<IncrementalGeneratorRunStep>> output in generator.TrackedOutputSteps)
            {
                foreach (IncrementalGeneratorRunStep run in output.Value)
                {
                    foreach ((object _, IncrementalStepRunReason reason) in run.Outputs)
                    {
                        outputsTotal++;
                        if (reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified)
                        {
                            outputsRerun++;
                            rerunNames.Add(output.Key);
                        }
                    }
                }
            }
        }

        List<(string, double)> hottest = stepMs.OrderByDescending(static p => p.Value).Take(3).Select(static p => (p.Key, p.Value)).ToList();
        return new IncrementalResult(configuration, edit, Reporting.Stats.Median(times), initialMs, Reporting.Stats.Median(trackedTimes), reasons, trackedSteps, outputsRerun, outputsTotal, rerunNames.ToList(), hottest);
    }
}
