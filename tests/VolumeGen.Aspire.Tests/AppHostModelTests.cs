using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Xunit;

namespace VolumeGen.Aspire.Tests;

/// <summary>An AppHost model built in the test: the declared mounts as Aspire's own annotations.</summary>
public sealed class AppHostModelTests : IDisposable
{
    private static readonly MountSet Declared = new(
        Mount.NamedVolume("/app/data", "profiles"),
        Mount.AnonymousVolume("/app/cache"),
        Mount.Bind("./config", "/app/config", readOnly: true),
        Mount.Bind("/srv/html", "/app/html", readOnly: true, SelinuxLabel.Shared),
        Mount.Tmpfs("/app/upload-buffer", 16 * 1024 * 1024, 511));

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "volumegen-aspire-tests", Guid.NewGuid().ToString("N").Substring(0, 12));

    public AppHostModelTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task A_container_resource_carries_volumes_and_bind_mounts_as_ContainerMountAnnotations_and_tmpfs_as_runtime_arguments()
    {
        IDistributedApplicationBuilder builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { DisableDashboard = true, ProjectDirectory = _folder });
        IResourceBuilder<ContainerResource> profiles = builder.AddContainer("profiles", "volumegen/profileservice", "dev")
            .WithVolumeGenMounts(Declared, bindRoot: "/src/ProfileService");

        ContainerMountAnnotation[] annotations = profiles.Resource.Annotations.OfType<ContainerMountAnnotation>().ToArray();
        Assert.Equal(3, annotations.Length);
        Assert.Equivalent(new { Source = (string?)"profiles", Target = "/app/data", Type = ContainerMountType.Volume, IsReadOnly = false }, annotations[0]);
        Assert.Equivalent(new { Source = (string?)null, Target = "/app/cache", Type = ContainerMountType.Volume, IsReadOnly = false }, annotations[1]);
        Assert.Equivalent(new { Source = (string?)"/src/ProfileService/config", Target = "/app/config", Type = ContainerMountType.BindMount, IsReadOnly = true }, annotations[2]);

        string[] runtimeArguments = await RuntimeArgumentsAsync(profiles.Resource);
        Assert.Equal(RunArguments.Format(new[] { Declared[3] }, MountStyle.Volume).Concat(RunArguments.Format(new[] { Declared[4] })), runtimeArguments);
        Assert.Contains("type=tmpfs,target=/app/upload-buffer,tmpfs-size=16777216,tmpfs-mode=0777", runtimeArguments);
        Assert.Contains("/srv/html:/app/html:ro,z", runtimeArguments);
    }

    [Fact]
    public void A_Dockerfile_resource_gets_the_same_annotations_with_bind_sources_relative_to_the_AppHost_by_default()
    {
        IDistributedApplicationBuilder builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { DisableDashboard = true, ProjectDirectory = _folder });
        File.WriteAllText(Path.Combine(_folder, "Dockerfile"), "FROM scratch\n");
        IResourceBuilder<ContainerResource> built = builder.AddDockerfile("built", _folder).WithVolumeGenMounts(Declared);

        ContainerMountAnnotation bind = built.Resource.Annotations.OfType<ContainerMountAnnotation>().Single(static a => a.Type == ContainerMountType.BindMount);
        Assert.Equal(Path.Combine(builder.AppHostDirectory, "config"), bind.Source);
        Assert.Equal(new[] { "profiles", null }, built.Resource.Annotations.OfType<ContainerMountAnnotation>().Where(static a => a.Type == ContainerMountType.Volume).Select(static a => a.Source));
    }

    [Fact]
    public async Task A_project_resource_in_run_mode_gets_a_managed_host_folder_per_declared_path_as_configuration()
    {
        IDistributedApplicationBuilder builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { DisableDashboard = true, ProjectDirectory = _folder });
        string project = Path.Combine(_folder, "ProfileService", "ProfileService.csproj");
        Directory.CreateDirectory(Path.GetDirectoryName(project)!);
        File.WriteAllText(project, "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />\n");
        string hostRoot = Path.Combine(_folder, "managed");
        IResourceBuilder<ProjectResource> app = builder.AddProject("profileservice", project).WithVolumeGenMounts(Declared, hostRoot);

        Dictionary<string, object> run = await EnvironmentAsync(app.Resource, DistributedApplicationOperation.Run);
        Dictionary<string, object> publish = await EnvironmentAsync(app.Resource, DistributedApplicationOperation.Publish);

        string data = Path.Combine(hostRoot, "profileservice", "app", "data");
        Assert.Equal(data, run["VolumeGen__Paths__app__data"]);
        Assert.Equal(Path.Combine(hostRoot, "profileservice", "app", "cache"), run["VolumeGen__Paths__app__cache"]);
        Assert.Equal(Path.Combine(_folder, "ProfileService", "config"), run["VolumeGen__Paths__app__config"]);
        Assert.Equal("/srv/html", run["VolumeGen__Paths__app__html"]);
        Assert.True(Directory.Exists(data));
        Assert.DoesNotContain(publish.Keys, static k => k.StartsWith("VolumeGen__", StringComparison.Ordinal));

        // What the app does with it: its generated Resolve reads exactly these keys.
        Func<string, string?> configuration = key => run.TryGetValue(HostFolders.EnvironmentVariable(key), out object? value) ? (string)value : null;
        Assert.Equal(Path.Combine(data, "avatars"), HostFolders.Resolve(Declared, "/app/data/avatars", configuration, Array.Empty<string>(), projectDirectory: null));
    }

    [Fact]
    public void Mounts_that_break_a_declaration_rule_are_refused_with_the_problem()
    {
        IDistributedApplicationBuilder builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { DisableDashboard = true, ProjectDirectory = _folder });
        var broken = new MountSet(Mount.NamedVolume("/app/data", "profiles"), Mount.Tmpfs("/app/data"));

        ArgumentException error = Assert.Throws<ArgumentException>(() => builder.AddContainer("c", "image").WithVolumeGenMounts(broken));

        Assert.Contains("/app/data", error.Message);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<string[]> RuntimeArgumentsAsync(ContainerResource resource)
    {
        var arguments = new List<object>();
        foreach (ContainerRuntimeArgsCallbackAnnotation annotation in resource.Annotations.OfType<ContainerRuntimeArgsCallbackAnnotation>())
        {
            await annotation.Callback(new ContainerRuntimeArgsCallbackContext(arguments));
        }

        return arguments.Select(static a => a.ToString()!).ToArray();
    }

    private static async Task<Dictionary<string, object>> EnvironmentAsync(IResource resource, DistributedApplicationOperation operation)
    {
        var variables = new Dictionary<string, object>(StringComparer.Ordinal);
        var context = new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(operation), variables);
        foreach (EnvironmentCallbackAnnotation annotation in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await annotation.Callback(context);
        }

        return variables;
    }
}
