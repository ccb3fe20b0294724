using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace VolumeGen.Benchmarks.InProcess;

/// <summary>
/// The analyzers every SDK-style project already runs (the .NET SDK's NetAnalyzers, C# and common), loaded from the
/// installed SDK. They register operation actions too, so a real build already pays for binding method bodies a
/// second time and building operation trees; the realistic baseline includes them. Severities are the analyzers'
/// own defaults (the SDK's AnalysisLevel globalconfig is not applied), so this baseline is close to, not exactly,
/// a default build.
/// </summary>
public static class SdkAnalyzers
{
    private static readonly Lazy<(ImmutableArray<DiagnosticAnalyzer> Analyzers, string Source)> Loaded = new(Load);

    /// <summary>The analyzers (empty when the SDK's analyzer folder was not found).</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers => Loaded.Value.Analyzers;

    /// <summary>Where they came from, for the report.</summary>
    public static string Source => Loaded.Value.Source;

    private static (ImmutableArray<DiagnosticAnalyzer>, string) Load()
    {
        string? folder = FindAnalyzerFolder();
        if (folder is null)
        {
            return (ImmutableArray<DiagnosticAnalyzer>.Empty, "not found");
        }

        var loader = new LoadFromLoader();
        var analyzers = new List<DiagnosticAnalyzer>();
        foreach (string name in new[] { "Microsoft.CodeAnalysis.NetAnalyzers.dll", "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll" })
        {
            string path = Path.Combine(folder, name);
            if (File.Exists(path))
            {
                var reference = new AnalyzerFileReference(path, loader);
                reference.AnalyzerLoadFailed += (_, e) => Console.Error.WriteLine($"  SDK analyzer load failed: {e.Message}");
                analyzers.AddRange(reference.GetAnalyzers(LanguageNames.CSharp));
            }
        }

        return (analyzers.ToImmutableArray(), folder);
    }

    // dotnet/shared/Microsoft.NETCore.App/<v> -> dotnet/sdk/<newest>/Sdks/Microsoft.NET.Sdk/analyzers
    private static string? FindAnalyzerFolder()
    {
        DirectoryInfo? root = Directory.GetParent(Path.GetDirectoryName(typeof(object).Assembly.Location)!)?.Parent?.Parent;
        string sdk = root is null ? string.Empty : Path.Combine(root.FullName, "sdk");
        if (!Directory.Exists(sdk))
        {
            return null;
        }

        return Directory.GetDirectories(sdk)
            .Where(d => Path.GetFileName(d).StartsWith(Environment.Version.Major + ".", StringComparison.Ordinal))
            .OrderByDescending(static d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out Version? v) ? v : new Version(0, 0))
            .Select(static d => Path.Combine(d, "Sdks", "Microsoft.NET.Sdk", "analyzers"))
            .FirstOrDefault(Directory.Exists);
    }

    private sealed class LoadFromLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
