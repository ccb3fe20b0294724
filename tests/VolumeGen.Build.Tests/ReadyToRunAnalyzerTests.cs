using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Xunit;

namespace VolumeGen.Build.Tests;

/// <summary>
/// The package's ReadyToRun analyzer images (docs/package.md): one per platform the .NET SDK ships on, and a real
/// <c>dotnet build</c> whose compiler (running on .NET) loads the image for its platform, runs its precompiled code and
/// reports exactly what the IL assembly reports.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ReadyToRunAnalyzerTests
{
    /// <summary>The platforms, with the PE machine a ReadyToRun image for each carries (crossgen2 XORs an OS value into non-Windows machines).</summary>
    private static readonly (string Rid, ushort Machine)[] Platforms =
    {
        ("linux-x64", (ushort)(0x8664 ^ 0x7B79)),
        ("linux-arm64", (ushort)(0xAA64 ^ 0x7B79)),
        ("osx-arm64", (ushort)(0xAA64 ^ 0x4644)),
        ("osx-x64", (ushort)(0x8664 ^ 0x4644)),
        ("win-x64", 0x8664),
        ("win-arm64", 0xAA64),
    };

    private const string Storage = """
        using VolumeGen;

        namespace Demo;

        [PersistentVolume("/app/data", Name = "profiles")]
        [PersistentVolume("/app/data/archive", Name = "archive")]
        [BindMount("./config", "/app/config", ReadOnly = true)]
        [BindMount("/var/run/docker.sock", "/var/run/docker.sock")]
        public static partial class AppStorage { }
        """;

    private const string Writes = """
        namespace Demo;

        public static class Writes
        {
            public static void Save(string text)
            {
                System.IO.File.WriteAllText("/app/uploads/a.txt", text);
                System.IO.File.WriteAllText("/app/config/settings.json", text);
                System.IO.File.WriteAllText(System.IO.Path.Combine(AppStorage.Profiles, "p.json"), text);
                System.IO.Directory.CreateDirectory("/srv/exports");
            }
        }
        """;

    private readonly PackageFixture _fixture;

    public ReadyToRunAnalyzerTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void Package_holds_a_ReadyToRun_image_of_the_analyzer_assembly_for_each_SDK_platform_beside_the_code_fixes()
    {
        using ZipArchive package = ZipFile.OpenRead(_fixture.Package);
        byte[] ilAnalyzer = Read(package, "analyzers/dotnet/cs/VolumeGen.SourceGenerators.dll");
        byte[] codeFixers = Read(package, "analyzers/dotnet/cs/VolumeGen.CodeFixers.dll");
        (Guid ilMvid, Version ilVersion) = Identity(ilAnalyzer);
        Assert.False(IsReadyToRun(ilAnalyzer, out _), "analyzers/dotnet/cs must keep the IL assembly");

        foreach ((string rid, ushort machine) in Platforms)
        {
            byte[] image = Read(package, $"readytorun/{rid}/VolumeGen.SourceGenerators.dll");
            Assert.True(IsReadyToRun(image, out ushort actualMachine), $"readytorun/{rid}: no ReadyToRun header");
            Assert.Equal(machine, actualMachine);
            // The same compilation as the IL assembly (ReadyToRun keeps its metadata), so the code fixes' reference matches it.
            Assert.Equal((ilMvid, ilVersion), Identity(image));
            Assert.Equal(codeFixers, Read(package, $"readytorun/{rid}/VolumeGen.CodeFixers.dll"));
        }

        // The code fixes find the analyzer types by assembly name in their own folder: the image answers to that name.
        using var fixers = new PEReader(new MemoryStream(codeFixers));
        MetadataReader metadata = fixers.GetMetadataReader();
        AssemblyReference analyzers = metadata.AssemblyReferences.Select(metadata.GetAssemblyReference)
            .Single(r => metadata.GetString(r.Name) == "VolumeGen.SourceGenerators");
        Assert.Equal(ilVersion, analyzers.Version);

        // Only the build's own targets choose an image: nothing under readytorun/ is a NuGet analyzer asset.
        Assert.DoesNotContain(package.Entries, e => e.FullName.StartsWith("analyzers/", StringComparison.Ordinal) && e.FullName.Contains("readytorun", StringComparison.OrdinalIgnoreCase));
    }

    [SkippableFact]
    public void Compiler_on_dotnet_runs_the_ReadyToRun_image_and_reports_the_same_diagnostics_as_the_IL_assembly()
    {
        string? platform = CurrentPlatform();
        Skip.If(platform is null, $"no ReadyToRun image for {RuntimeInformation.OSDescription} {RuntimeInformation.ProcessArchitecture}");

        // The compiler process (only it) writes the methods the JIT compiles: CscEnvironment is the Csc task's environment.
        ConsumerProject project = _fixture.CreateProject("ReadyToRun",
            extraProperties: "<CscEnvironment>DOTNET_JitStdOutFile=$(VolumeGenTestJitFile);DOTNET_JitDisasmSummary=1</CscEnvironment>",
            files: new Dictionary<string, string>
            {
                ["AppStorage.cs"] = Storage,
                ["Writes.cs"] = Writes,
                ["Program.cs"] = "Console.WriteLine(Demo.AppStorage.Profiles);\n",
            });

        Compile precompiled = CompileWith(project, readyToRun: true);
        Compile il = CompileWith(project, readyToRun: false);

        string package = Path.Combine(_fixture.NuGetPackages, "volumegen", "0.1.0");
        Assert.Equal(new[] { Path.Combine(package, "readytorun", platform!, "VolumeGen.CodeFixers.dll"), Path.Combine(package, "readytorun", platform!, "VolumeGen.SourceGenerators.dll") },
            precompiled.VolumeGenAnalyzers);
        Assert.Equal(new[] { Path.Combine(package, "analyzers", "dotnet", "cs", "VolumeGen.CodeFixers.dll"), Path.Combine(package, "analyzers", "dotnet", "cs", "VolumeGen.SourceGenerators.dll") },
            il.VolumeGenAnalyzers);

        // The same diagnostics, from both analyzers (declarations and writes): VG1007, VG1009, VG2001, VG2003.
        Assert.Equal(il.Diagnostics, precompiled.Diagnostics);
        foreach (string id in new[] { "VG1007", "VG1009", "VG2001", "VG2003" })
        {
            Assert.Contains(precompiled.Diagnostics, d => d.Contains("warning " + id + ":", StringComparison.Ordinal));
        }

        // The IL assembly is JIT-compiled method by method; the image's code runs as compiled. What the JIT still
        // compiles from the image is code whose Roslyn struct layouts differ from 4.8's (the runtime's fallback).
        Assert.True(il.JitCompiledVolumeGenMethods.Length >= 100, $"the IL build JIT-compiled only {il.JitCompiledVolumeGenMethods.Length} VolumeGen methods: is the JIT summary written?");
        Assert.True(precompiled.JitCompiledVolumeGenMethods.Length * 10 <= il.JitCompiledVolumeGenMethods.Length,
            $"the ReadyToRun build JIT-compiled {precompiled.JitCompiledVolumeGenMethods.Length} VolumeGen methods (IL build: {il.JitCompiledVolumeGenMethods.Length}):\n"
            + string.Join("\n", precompiled.JitCompiledVolumeGenMethods.Take(40)));
    }

    [SkippableFact]
    public void Dotnet_format_on_dotnet_loads_the_image_and_applies_a_code_fix_from_its_folder()
    {
        // dotnet format hosts the analyzers and code fixes as an editor on .NET does (MSBuildWorkspace, Roslyn's analyzer
        // loader): the fixer in readytorun/<rid>/ must find the analyzer types it references in the image beside it.
        string? platform = CurrentPlatform();
        Skip.If(platform is null, $"no ReadyToRun image for {RuntimeInformation.OSDescription} {RuntimeInformation.ProcessArchitecture}");

        (bool Fixed, string[] Jitted) precompiled = FormatWith(readyToRun: true);
        (bool Fixed, string[] Jitted) il = FormatWith(readyToRun: false);

        Assert.True(precompiled.Fixed, "dotnet format did not declare the written folder with the ReadyToRun image");
        Assert.True(il.Fixed, "dotnet format did not declare the written folder with the IL assembly");
        Assert.True(il.Jitted.Length >= 100, $"with the IL assembly dotnet format JIT-compiled only {il.Jitted.Length} of VolumeGen's analyzer methods");
        Assert.True(precompiled.Jitted.Length * 10 <= il.Jitted.Length,
            $"with the image dotnet format JIT-compiled {precompiled.Jitted.Length} of VolumeGen's analyzer methods (IL: {il.Jitted.Length}): the image was not the one loaded\n"
            + string.Join("\n", precompiled.Jitted.Take(40)));
    }

    private (bool Fixed, string[] Jitted) FormatWith(bool readyToRun)
    {
        ConsumerProject project = _fixture.CreateProject("Format", files: new Dictionary<string, string>
        {
            ["AppStorage.cs"] = "using VolumeGen;\n\nnamespace Demo;\n\n[PersistentVolume(\"/app/data\")]\npublic static partial class AppStorage { }\n",
            ["Program.cs"] = "System.IO.File.WriteAllText(\"/srv/uploads/a.txt\", \"x\");\n",
        });
        (int exit, string output) = project.Build();
        Assert.True(exit == 0, output);

        string jitFile = project.File("jit-format.txt");
        var environment = new Dictionary<string, string>(_fixture.Environment())
        {
            // An environment variable is an MSBuild property: the workspace's design-time build sees it (dotnet format has no -p).
            ["VolumeGenUseReadyToRunAnalyzers"] = readyToRun ? "true" : "false",
            ["DOTNET_JitStdOutFile"] = jitFile,
            ["DOTNET_JitDisasmSummary"] = "1",
        };
        string[] format = { "format", "analyzers", project.Name + ".csproj", "--diagnostics", "VG2001", "--severity", "info", "--no-restore" };
        (exit, output) = Processes.Run("dotnet", format, project.Folder, environment);
        if (exit != 0 && output.Trim().Length == 0)
        {
            // dotnet format has been seen (1 of 3 CI runs, with the other build tests in parallel) to end non-zero
            // before it printed anything, its workspace never loaded: a second start, on a new JIT log, is the same measurement.
            File.Delete(jitFile);
            (exit, output) = Processes.Run("dotnet", format, project.Folder, environment);
        }

        Assert.True(exit == 0, $"dotnet format exited with {exit}:\n{output}");

        // The analyzer assembly's own methods; not the code fixes (IL in both folders) nor the build task (VolumeGen.Build) the design-time build runs.
        string[] jitted = File.ReadLines(jitFile).Where(l => l.Contains("JIT compiled VolumeGen.", StringComparison.Ordinal) && !l.Contains("Tier1", StringComparison.Ordinal)
                && !l.Contains("JIT compiled VolumeGen.CodeFixers.", StringComparison.Ordinal) && !l.Contains("JIT compiled VolumeGen.Build.", StringComparison.Ordinal))
            .Select(l => l.Substring(l.IndexOf("VolumeGen.", StringComparison.Ordinal))).Distinct(StringComparer.Ordinal).ToArray();
        return (File.ReadAllText(project.File("AppStorage.cs")).Contains("[PersistentVolume(\"/srv/uploads\")]", StringComparison.Ordinal), jitted);
    }

    private Compile CompileWith(ConsumerProject project, bool readyToRun)
    {
        string jitFile = project.File($"jit-{(readyToRun ? "readytorun" : "il")}.txt");
        (int exit, string output) = project.Build("--no-incremental", "-v:n", $"-p:VolumeGenUseReadyToRunAnalyzers={(readyToRun ? "true" : "false")}", "-p:VolumeGenTestJitFile=" + jitFile);
        Assert.True(exit == 0, output);
        Assert.True(File.Exists(jitFile), "the compiler wrote no JIT summary:\n" + output);

        // The Csc task's command line: every analyzer reference VolumeGen's package contributes.
        string commandLine = output.Split('\n').Single(l => l.Contains("/analyzer:", StringComparison.Ordinal) && l.Contains("csc", StringComparison.Ordinal));
        string[] analyzers = Regex.Matches(commandLine, @"/analyzer:(""[^""]+""|\S+)").Select(m => m.Groups[1].Value.Trim('"'))
            .Where(p => p.Contains(Path.DirectorySeparatorChar + "volumegen" + Path.DirectorySeparatorChar, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        string[] diagnostics = Regex.Matches(output, @"[^\s>]+\.cs\(\d+,\d+\): (warning|error) VG\d{4}: [^\r\n\[]*").Select(m => m.Value.Trim())
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        // "JIT compiled VolumeGen.X:Method(...) [Tier0, ...]": first compilations of VolumeGen's own methods (later tiers left out).
        string[] jitted = File.ReadLines(jitFile).Where(l => l.Contains("JIT compiled VolumeGen.", StringComparison.Ordinal) && !l.Contains("Tier1", StringComparison.Ordinal))
            .Select(l => l.Substring(l.IndexOf("VolumeGen.", StringComparison.Ordinal))).Distinct(StringComparer.Ordinal).ToArray();
        return new Compile(analyzers, diagnostics, jitted);
    }

    /// <summary>The folder build/VolumeGen.targets chooses for this process: OS and architecture, as the compiler runs.</summary>
    private static string? CurrentPlatform()
    {
        string? os = OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsMacOS() ? "osx" : OperatingSystem.IsWindows() ? "win" : null;
        string rid = os + "-" + RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        return os is not null && Platforms.Any(p => p.Rid == rid) ? rid : null;
    }

    private static byte[] Read(ZipArchive package, string entry)
    {
        ZipArchiveEntry found = package.GetEntry(entry) ?? throw new Xunit.Sdk.XunitException($"the package has no {entry}");
        using Stream stream = found.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static bool IsReadyToRun(byte[] image, out ushort machine)
    {
        using var reader = new PEReader(new MemoryStream(image));
        machine = (ushort)reader.PEHeaders.CoffHeader.Machine;
        return reader.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }

    private static (Guid Mvid, Version Version) Identity(byte[] image)
    {
        using var reader = new PEReader(new MemoryStream(image));
        MetadataReader metadata = reader.GetMetadataReader();
        return (metadata.GetGuid(metadata.GetModuleDefinition().Mvid), metadata.GetAssemblyDefinition().Version);
    }

    private sealed record Compile(string[] VolumeGenAnalyzers, string[] Diagnostics, string[] JitCompiledVolumeGenMethods);
}
