using System;
using System.Collections.Generic;
using System.IO;
using VolumeGen.Docker.Tests.Infrastructure;
using Xunit;

namespace VolumeGen.Docker.Tests.Templates;

/// <summary>
/// The folder the template solutions live in (outside the repository: empty Directory.Build.* files and a nuget.config
/// adding the packed VolumeGen feed to the machine's sources), their isolated NUGET_PACKAGES, and everything the
/// tests create on the engine, removed at the end.
/// </summary>
public sealed class TemplateAppsFixture : IDisposable
{
    private readonly List<string> _containers = new();
    private readonly List<string> _images = new();
    private readonly List<string> _volumes = new();
    private bool _prepared;

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "volumegen-docker-tests", "templates-" + Guid.NewGuid().ToString("N").Substring(0, 12));

    public string NuGetPackages => Path.Combine(Root, "nuget-packages");

    /// <summary>A new solution made from <paramref name="template"/> (packs VolumeGen on first use).</summary>
    public TemplateSolution Create(AspNetTemplate template, bool visualStudioDockerfile, string projectProperties)
        => TemplateSolution.Create(PreparedRoot(), template, NuGetPackages, visualStudioDockerfile, projectProperties);

    /// <summary><see cref="Root"/>, made on first use: where the solutions live, restoring the packed VolumeGen (packs it on first use).</summary>
    public string PreparedRoot()
    {
        if (!_prepared)
        {
            Directory.CreateDirectory(Root);
            File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
            File.WriteAllText(Path.Combine(Root, "nuget.config"), PackedVolumeGen.NuGetConfig());
            _prepared = true;
        }

        return Root;
    }

    public string NewImage(AspNetTemplate template) => NewImage("template-" + template.ShortName);

    /// <summary>A new image name <c>volumegen-test/&lt;app&gt;:&lt;random&gt;</c>, removed at the end.</summary>
    public string NewImage(string app) => Track(_images, "volumegen-test/" + app + ":" + Guid.NewGuid().ToString("N").Substring(0, 10));

    /// <summary>
    /// <c>docker build</c> of <paramref name="dockerfile"/> into <paramref name="image"/> (a <see cref="NewImage(string)"/>
    /// name), then every stage before the last tagged too (<see cref="DockerEngine.TagStages"/>), removed at the end with
    /// the final image: the classic builder leaves those stages (the SDK stage with the restored packages, and the derived
    /// SDK image under it) untagged, where no later removal reaches them. <c>--force-rm</c>: a failed step's container goes too.
    /// </summary>
    public ProcessResult BuildImage(string image, string dockerfile, string context, string workingDirectory, int timeoutSeconds)
    {
        ProcessResult built = DockerEngine.Run("docker", new[] { "build", "--force-rm", "-f", dockerfile, "-t", image, context }, workingDirectory, timeoutSeconds: timeoutSeconds);
        if (built.ExitCode == 0)
        {
            foreach (string stage in DockerEngine.TagStages(image, dockerfile, context, workingDirectory, timeoutSeconds))
            {
                Track(_images, stage);
            }
        }

        return built;
    }

    public string NewContainer(AspNetTemplate template) => NewContainer("template-" + template.ShortName);

    /// <summary>A new container name <c>vg-&lt;app&gt;-&lt;random&gt;</c>, removed at the end.</summary>
    public string NewContainer(string app) => Track(_containers, DockerEngine.UniqueName("vg-" + app));

    /// <summary>A named volume the run created (the generated arguments name it), removed at the end.</summary>
    public void Owns(string volume) => Track(_volumes, volume);

    /// <summary>Removes the containers and named volumes made so far (each template reuses the generated volume name).</summary>
    public void RemoveContainersAndVolumes()
    {
        lock (_containers)
        {
            foreach (string container in _containers)
            {
                DockerEngine.RemoveContainers(container);
            }

            _containers.Clear();
        }

        lock (_volumes)
        {
            foreach (string volume in _volumes)
            {
                DockerEngine.RemoveVolume(volume);
            }

            _volumes.Clear();
        }
    }

    public void Dispose()
    {
        if (DockerEngine.Unavailable is null)
        {
            RemoveContainersAndVolumes();
            // The final images first: the stages they were built FROM are their parents, pruned with them once untagged.
            for (int i = _images.Count - 1; i >= 0; i--)
            {
                DockerEngine.RemoveImage(_images[i]);
            }
        }

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

    private static string Track(List<string> list, string name)
    {
        lock (list)
        {
            list.Add(name);
        }

        return name;
    }
}

/// <summary>
/// The template tests (and the layered solution's, which is built the same way) share one fixture and run one after the
/// other (each is several real builds), and after the other collections, alone: they create and remove volumes, which
/// tests comparing the engine's volume list must not see.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TemplateAppsCollection : ICollectionFixture<TemplateAppsFixture>
{
    public const string Name = "ASP.NET Core templates";
}
