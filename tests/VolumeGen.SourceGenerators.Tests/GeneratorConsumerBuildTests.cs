using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using VolumeGen.SourceGenerators.Tests.Infrastructure;
using Xunit;

namespace VolumeGen.SourceGenerators.Tests;

/// <summary>
/// tests/Consumers/GeneratorConsumer references the generator as an analyzer, uses the generated members and is
/// built by a real <c>dotnet build</c> (C# 8, warnings as errors, documentation warnings on). The built assembly
/// carries the manifest, read back with the same reader the CLI and build task use, and running it prints what
/// the generated members hold.
/// </summary>
public sealed class GeneratorConsumerBuildTests
{
    private static readonly MountSet ExpectedAppStorage = new(
        Mount.NamedVolume("/app/data", "profiles"),
        Mount.AnonymousVolume("/app/cache"),
        Mount.Bind("./config", "/app/config", readOnly: true),
        Mount.Tmpfs("/app/scratch", 64 * 1024 * 1024, 493));

    [Fact]
    public void Consumer_builds_uses_the_generated_members_and_carries_the_manifest()
    {
        string project = Path.Combine(RepositoryRoot.Path, "tests", "Consumers", "GeneratorConsumer", "GeneratorConsumer.csproj");
        string artifacts = Path.Combine(Path.GetTempPath(), "volumegen-consumer-" + Guid.NewGuid().ToString("N"));
        try
        {
            // A private artifacts path: no race with other builds of src/, and nothing left in the checkout.
            (int buildExit, string buildOutput) = Run("dotnet", "build", project, "-nologo", "-p:UseSharedCompilation=false", "--disable-build-servers", "--artifacts-path", artifacts);
            Assert.True(buildExit == 0, "dotnet build failed:\n" + buildOutput);
            Assert.Contains(" 0 Warning(s)", buildOutput, StringComparison.Ordinal);

            string assembly = Directory.GetFiles(Path.Combine(artifacts, "bin"), "GeneratorConsumer.dll", SearchOption.AllDirectories).Single();
            AssemblyManifestResult read = AssemblyManifestReader.Read(assembly);
            Assert.True(read.Status == AssemblyManifestStatus.Found, read.Message);
            VolumeManifest manifest = VolumeManifest.Parse(read.Json!);
            Assert.Equal(new[] { "GeneratorConsumer.AppStorage", "GeneratorConsumer.Outer.UploadStore" }, manifest.Classes.Select(static c => c.Name));
            Assert.Equal(ExpectedAppStorage, manifest.Classes[0].Mounts);
            Assert.Equal(new MountSet(Mount.NamedVolume("/srv/uploads")), manifest.Classes[1].Mounts);
            Assert.Equal(new[] { "/app/tmp" }, manifest.EphemeralPaths);

            (int runExit, string runOutput) = Run("dotnet", assembly);
            Assert.True(runExit == 0, runOutput);
            Dictionary<string, string> facts = runOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(static line => line.TrimEnd('\r'))
                .Where(static line => line.Contains('=', StringComparison.Ordinal))
                .ToDictionary(static line => line.Substring(0, line.IndexOf('=', StringComparison.Ordinal)), static line => line.Substring(line.IndexOf('=', StringComparison.Ordinal) + 1), StringComparer.Ordinal);
            Assert.Equal("/app/data", facts["Profiles"]);
            Assert.Equal("/app/cache", facts["Cache"]);
            Assert.Equal("/app/config", facts["Config"]);
            Assert.Equal("/app/scratch", facts["Scratch"]);
            Assert.Equal("/srv/uploads", facts["Uploads"]);
            Assert.Equal("4", facts["Count"]);
            Assert.Equal(string.Join(" ", ExpectedAppStorage.ToRunArguments(MountStyle.Mount, "/host")), facts["Args"]);
            Assert.Equal(string.Join(" ", ExpectedAppStorage.ToRunArguments(MountStyle.Volume, "/host")), facts["VolumeArgs"]);
            Assert.Equal(ExpectedAppStorage.ToCommandLine(ShellDialect.Posix, MountStyle.Mount, "/host"), facts["Line"]);
            Assert.Equal(ExpectedAppStorage.ToDockerfileVolume(), facts["Dockerfile"]);
            Assert.Equal(read.Json, facts["Manifest"]);
        }
        finally
        {
            if (Directory.Exists(artifacts))
            {
                Directory.Delete(artifacts, recursive: true);
            }
        }
    }

    private static (int ExitCode, string Output) Run(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Path,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's MSBuild variables would point the child build at the test runner's MSBuild.
        foreach (string name in start.Environment.Keys.Where(static k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k == "MSBUILD_EXE_PATH").ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.Append(e.Data).Append('\n'); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.Append(e.Data).Append('\n'); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }
}
