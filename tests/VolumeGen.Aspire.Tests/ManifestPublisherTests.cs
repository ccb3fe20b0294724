using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Xunit;

namespace VolumeGen.Aspire.Tests;

/// <summary>
/// Aspire's own manifest publisher (<c>--publisher manifest</c>), run in-process and offline: publishing starts no
/// orchestrator (DCP) and no dashboard, and the JSON it writes lists the declared volumes and bind mounts.
/// </summary>
public sealed class ManifestPublisherTests : IDisposable
{
    private static readonly MountSet Declared = new(
        Mount.NamedVolume("/app/data", "profiles"),
        Mount.AnonymousVolume("/app/cache"),
        Mount.Bind("./config", "/app/config", readOnly: true),
        Mount.Tmpfs("/app/upload-buffer", 16 * 1024 * 1024, 511));

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "volumegen-aspire-tests", Guid.NewGuid().ToString("N").Substring(0, 12));

    public ManifestPublisherTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task The_manifest_lists_the_declared_volumes_and_bind_mounts_of_container_and_Dockerfile_resources()
    {
        string manifestPath = Path.Combine(_folder, "manifest.json");
        string context = Directory.CreateDirectory(Path.Combine(_folder, "ProfileService")).FullName;
        File.WriteAllText(Path.Combine(context, "Dockerfile"), "FROM mcr.microsoft.com/dotnet/aspnet:10.0\n");
        File.WriteAllText(Path.Combine(context, "ProfileService.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />\n");
        IDistributedApplicationBuilder builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args = new[] { "--publisher", "manifest", "--output-path", manifestPath },
            DisableDashboard = true,
            ProjectDirectory = _folder,
        });
        builder.AddContainer("profiles", "volumegen/profileservice", "dev").WithVolumeGenMounts(Declared, bindRoot: context);
        builder.AddDockerfile("profiles-built", context).WithVolumeGenMounts(Declared, bindRoot: context);
        builder.AddProject("profileservice", Path.Combine(context, "ProfileService.csproj")).WithVolumeGenMounts(Declared);

        using (DistributedApplication app = builder.Build())
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await app.RunAsync(timeout.Token);
        }

        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllText(manifestPath));
        JsonElement resources = manifest.RootElement.GetProperty("resources");
        foreach (string name in new[] { "profiles", "profiles-built" })
        {
            JsonElement resource = resources.GetProperty(name);
            JsonElement[] volumes = resource.GetProperty("volumes").EnumerateArray().ToArray();
            JsonElement bind = Assert.Single(resource.GetProperty("bindMounts").EnumerateArray());

            Assert.Equal(2, volumes.Length);
            Assert.Equal("profiles", volumes[0].GetProperty("name").GetString());
            Assert.Equal("/app/data", volumes[0].GetProperty("target").GetString());
            Assert.False(volumes[0].GetProperty("readOnly").GetBoolean());
            Assert.False(volumes[1].TryGetProperty("name", out JsonElement anonymousName) && anonymousName.ValueKind == JsonValueKind.String);
            Assert.Equal("/app/cache", volumes[1].GetProperty("target").GetString());
            Assert.Equal("/app/config", bind.GetProperty("target").GetString());
            Assert.True(bind.GetProperty("readOnly").GetBoolean());
            Assert.EndsWith("config", bind.GetProperty("source").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal("container.v1", resources.GetProperty("profiles-built").GetProperty("type").GetString());
        // A project resource is published as a project: its container paths need no host folder, so no VolumeGen variable.
        JsonElement project = resources.GetProperty("profileservice");
        Assert.False(project.TryGetProperty("env", out JsonElement env) && env.EnumerateObject().Any(static p => p.Name.StartsWith("VolumeGen__", StringComparison.Ordinal)));
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
}
