using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace VolumeGen.Build.Tests;

/// <summary>
/// Packs the VolumeGen package once (Release, into a private feed) and restores it into an isolated
/// NUGET_PACKAGES folder: the version never changes (0.1.0), so the machine's global cache would serve a stale
/// copy. Consumer projects live in the same temporary root, outside the repository, so nothing of the repo's
/// Directory.Build.props or central package versions leaks into them.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public PackageFixture()
    {
        RepoRoot = RulePagesTests.RepoRoot();
        Root = Path.Combine(Path.GetTempPath(), "volumegen-package-tests", Guid.NewGuid().ToString("N").Substring(0, 12));
        Feed = Path.Combine(Root, "feed");
        Directory.CreateDirectory(Feed);
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "nuget.config"),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <add key=\"volumegen-test-feed\" value=\"feed\" />\n  </packageSources>\n</configuration>\n");

        (int exit, string output) = Processes.Run("dotnet",
            new[] { "pack", Path.Combine(RepoRoot, "src", "VolumeGen", "VolumeGen.csproj"), "-c", "PackageTests", "--no-restore", "-p:PackageOutputPath=" + Feed, "--disable-build-servers", "-p:UseSharedCompilation=false", "-nologo" },
            RepoRoot, Environment());
        PackOutput = output;
        Package = Path.Combine(Feed, "VolumeGen.0.1.0.nupkg");
        if (exit != 0 || !File.Exists(Package))
        {
            throw new InvalidOperationException("dotnet pack of src/VolumeGen failed:\n" + output);
        }
    }

    public string RepoRoot { get; }

    public string Root { get; }

    public string Feed { get; }

    public string Package { get; }

    public string PackOutput { get; }

    public string NuGetPackages => Path.Combine(Root, "nuget-packages");

    public Dictionary<string, string> Environment() => new()
    {
        ["NUGET_PACKAGES"] = NuGetPackages,
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
    };

    /// <summary>A new repository folder (it holds <c>.git</c>) for projects and container files laid out as real repositories are.</summary>
    public string CreateRepository(string name)
    {
        string folder = Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N").Substring(0, 6));
        Directory.CreateDirectory(Path.Combine(folder, ".git"));
        return folder;
    }

    /// <summary>
    /// A new consumer project folder with a csproj referencing the package and the given files; in
    /// <paramref name="folder"/> when given (a folder of a repository), else in a new folder of its own.
    /// </summary>
    public ConsumerProject CreateProject(string name, string targetFrameworks = "net10.0", string extraProperties = "", IDictionary<string, string>? files = null, string? folder = null)
    {
        folder ??= Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N").Substring(0, 6));
        Directory.CreateDirectory(folder);
        string frameworks = targetFrameworks.Contains(';') ? $"<TargetFrameworks>{targetFrameworks}</TargetFrameworks>" : $"<TargetFramework>{targetFrameworks}</TargetFramework>";
        File.WriteAllText(Path.Combine(folder, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                {frameworks}
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="VolumeGen" Version="0.1.0" />
              </ItemGroup>
            </Project>
            """);
        foreach (KeyValuePair<string, string> file in files ?? new Dictionary<string, string>())
        {
            File.WriteAllText(Path.Combine(folder, file.Key), file.Value);
        }

        return new ConsumerProject(this, folder, name);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Temp cleanup is best effort.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}

/// <summary>A throw-away project that consumes the packed package.</summary>
public sealed class ConsumerProject
{
    private readonly PackageFixture _fixture;

    internal ConsumerProject(PackageFixture fixture, string folder, string name)
    {
        _fixture = fixture;
        Folder = folder;
        Name = name;
    }

    public string Folder { get; }

    public string Name { get; }

    public string File(string relative) => Path.Combine(Folder, relative);

    /// <summary>Runs <c>dotnet build</c> (no build servers: analyzers and the task are loaded fresh).</summary>
    public (int ExitCode, string Output) Build(params string[] extra)
        => Processes.Run("dotnet", new[] { "build", Name + ".csproj", "--disable-build-servers", "-p:UseSharedCompilation=false", "-nologo" }.Concat(extra), Folder, _fixture.Environment());

    /// <summary>Runs <c>dotnet build</c> and fails with <see cref="TimeoutException"/> (the process tree killed) when it hangs.</summary>
    public (int ExitCode, string Output) BuildWithin(TimeSpan timeout, params string[] extra)
        => Processes.Run("dotnet", new[] { "build", Name + ".csproj", "--disable-build-servers", "-p:UseSharedCompilation=false", "-nologo" }.Concat(extra), Folder, _fixture.Environment(), timeout);

    /// <summary>Runs the built program.</summary>
    public (int ExitCode, string Output) Run(string targetFramework = "net10.0")
        => Processes.Run("dotnet", new[] { File(Path.Combine("bin", "Debug", targetFramework, Name + ".dll")) }, Folder, _fixture.Environment());
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "Packed VolumeGen package";
}
