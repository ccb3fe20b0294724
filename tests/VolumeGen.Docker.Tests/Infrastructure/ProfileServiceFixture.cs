using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace VolumeGen.Docker.Tests.Infrastructure;

/// <summary>
/// Builds the samples/ProfileService image once per test run, the way a user does: publish a copy of the sample
/// against the PACKED package (<see cref="PackedVolumeGen"/>: a private feed, isolated NUGET_PACKAGES, since the
/// version never changes), and <c>docker build</c> its VolumeGen-maintained Dockerfile. The copy lives in a temp
/// folder, so the repository's sample (bin/, obj/, Dockerfile) is never touched and other test projects' packs do
/// not race with it.
/// </summary>
public sealed class ProfileServiceFixture : IDisposable
{
    private readonly List<string> _containers = new();
    private readonly List<string> _volumes = new();

    public ProfileServiceFixture()
    {
        if (DockerEngine.Unavailable is not null)
        {
            return;
        }

        try
        {
            Build();
        }
        catch (Exception exception)
        {
            BuildError = exception.Message;
        }
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "volumegen-docker-tests", Guid.NewGuid().ToString("N").Substring(0, 12));

    public string SampleFolder => Path.Combine(Root, "samples", "ProfileService");

    public string Assembly => Path.Combine(SampleFolder, "bin", "publish", "ProfileService.dll");

    public string Image { get; } = "volumegen-test/profileservice:" + Guid.NewGuid().ToString("N").Substring(0, 10);

    public string? BuildError { get; private set; }

    /// <summary>The declared mounts, read back from the published assembly's manifest.</summary>
    public MountSet Mounts { get; private set; } = MountSet.Empty;

    /// <summary>Skips without an engine (fails when required); fails when the image could not be built.</summary>
    public void Require()
    {
        DockerEngine.SkipUnlessAvailable();
        if (BuildError is not null)
        {
            throw new InvalidOperationException("The ProfileService image could not be built: " + BuildError);
        }
    }

    /// <summary>A container name removed (with its anonymous volumes) when the run ends.</summary>
    public string NewContainerName()
    {
        string name = DockerEngine.UniqueName("vg-profiles");
        lock (_containers)
        {
            _containers.Add(name);
        }

        return name;
    }

    /// <summary>Records a named volume this run created, removed when the run ends.</summary>
    public void Owns(string volume)
    {
        lock (_volumes)
        {
            _volumes.Add(volume);
        }
    }

    /// <summary>
    /// The generated run arguments, exactly as <c>volumegen run-args --shell none</c> prints them for the published
    /// assembly, with bind sources resolved against the sample folder.
    /// </summary>
    public async Task<string[]> GeneratedRunArgumentsAsync()
    {
        CliResult result = await CliRunner.RunAsync("run-args", Assembly, "--shell", "none", "--bind-root", SampleFolder);
        Assert.True(result.ExitCode == 0, result.Error);
        return result.Output.TrimEnd('\n').Split('\n');
    }

    /// <summary>Starts the app detached on host networking, bound to 127.0.0.1:<paramref name="port"/>.</summary>
    public ProcessResult StartApp(string container, int port, IEnumerable<string> mountArguments, params string[] extra)
    {
        var arguments = new List<string> { "run", "-d", "--name", container, "--network", "host", "-e", $"ASPNETCORE_URLS=http://127.0.0.1:{port}" };
        arguments.AddRange(extra);
        arguments.AddRange(mountArguments);
        arguments.Add(Image);
        return DockerEngine.Docker(arguments.ToArray());
    }

    private void Build()
    {
        string repo = RepoRoot();
        Directory.CreateDirectory(Root);
        foreach (string file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" })
        {
            File.Copy(Path.Combine(repo, file), Path.Combine(Root, file));
        }

        CopyFolder(Path.Combine(repo, "samples", "ProfileService"), SampleFolder);
        File.WriteAllText(Path.Combine(Root, "nuget.config"), PackedVolumeGen.NuGetConfig());
        DockerEngine.Run("dotnet", new[] { "publish", "ProfileService.csproj", "-c", "Release", "-o", Path.Combine("bin", "publish") }.Concat(PackedVolumeGen.QuietBuildArguments),
            SampleFolder, PackedVolumeGen.Environment(Path.Combine(Root, "nuget-packages"))).EnsureSuccess();
        DockerEngine.Docker("build", "--network", "host", "-q", "-t", Image, SampleFolder).EnsureSuccess();

        AssemblyManifestResult manifest = AssemblyManifestReader.Read(Assembly);
        if (manifest.Status != AssemblyManifestStatus.Found)
        {
            throw new InvalidOperationException(manifest.Message);
        }

        Mounts = VolumeManifest.Parse(manifest.Json!).AllMounts;
        foreach (Mount named in Mounts.NamedVolumes)
        {
            if (DockerEngine.VolumeNames().Contains(named.Source!))
            {
                throw new InvalidOperationException($"A volume '{named.Source}' already exists on this engine; the ProfileService tests need an engine without it (use the private engine of eng/docker-engine.sh).");
            }

            Owns(named.Source!);
        }
    }

    public void Dispose()
    {
        if (DockerEngine.Unavailable is not null)
        {
            return;
        }

        foreach (string container in _containers)
        {
            DockerEngine.Docker("rm", "-f", "-v", container);
        }

        foreach (string volume in _volumes.Distinct())
        {
            DockerEngine.Docker("volume", "rm", "-f", volume);
        }

        DockerEngine.Docker("image", "rm", "-f", Image);
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public static string RepoRoot()
    {
        string? folder = AppContext.BaseDirectory;
        while (folder is not null && !File.Exists(Path.Combine(folder, "VolumeGen.sln")))
        {
            folder = Path.GetDirectoryName(folder);
        }

        return folder ?? throw new InvalidOperationException("VolumeGen.sln not found above " + AppContext.BaseDirectory);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (string folder in Directory.GetDirectories(from))
        {
            string name = Path.GetFileName(folder);
            if (name is "bin" or "obj")
            {
                continue;
            }

            CopyFolder(folder, Path.Combine(to, name));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ProfileServiceCollection : ICollectionFixture<ProfileServiceFixture>
{
    public const string Name = "ProfileService image on a real engine";
}
