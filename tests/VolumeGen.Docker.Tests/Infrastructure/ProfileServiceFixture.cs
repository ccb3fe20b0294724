using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using VolumeGen.TestSupport;
using Xunit;

namespace VolumeGen.Docker.Tests.Infrastructure;

/// <summary>
/// The samples/ProfileService image (<see cref="ProfileServiceImage"/>), built once per test run, and the
/// containers and volumes the tests start from it, removed when the run ends. The tests use the declared volume
/// names themselves, so they need an engine where those volumes do not exist yet.
/// </summary>
public sealed class ProfileServiceFixture : IDisposable
{
    private readonly ProfileServiceImage _image = new();
    private readonly IDisposable? _engineLock;
    private readonly List<string> _containers = new();
    private readonly List<string> _volumes = new();

    public ProfileServiceFixture()
    {
        if (DockerEngine.Unavailable is not null)
        {
            return;
        }

        // Held for the collection's lifetime: its tests compare the engine's whole volume list.
        _engineLock = EngineVolumeLock.Acquire();
        try
        {
            _image.Build();
            foreach (Mount named in Mounts.NamedVolumes)
            {
                if (DockerEngine.VolumeNames().Contains(named.Source!))
                {
                    throw new InvalidOperationException($"A volume '{named.Source}' already exists on this engine; the ProfileService tests need an engine without it (use the private engine of eng/docker-engine.sh).");
                }

                Owns(named.Source!);
            }
        }
        catch (Exception exception)
        {
            BuildError = exception.Message;
        }
    }

    public string Root => _image.Root;

    public string SampleFolder => _image.SampleFolder;

    public string Assembly => _image.Assembly;

    public string Image => _image.Image;

    public string? BuildError { get; private set; }

    /// <summary>The declared mounts, read back from the published assembly's manifest.</summary>
    public MountSet Mounts => _image.Mounts;

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

    public void Dispose()
    {
        if (DockerEngine.Unavailable is not null)
        {
            _image.Dispose();
            return;
        }

        foreach (string container in _containers)
        {
            DockerEngine.RemoveContainers(container);
        }

        foreach (string volume in _volumes.Distinct())
        {
            DockerEngine.RemoveVolume(volume, force: true);
        }

        _image.Dispose();
        _engineLock?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ProfileServiceCollection : ICollectionFixture<ProfileServiceFixture>
{
    public const string Name = "ProfileService image on a real engine";
}
