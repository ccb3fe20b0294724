using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using VolumeGen.Docker.Tests.Infrastructure;
using VolumeGen.TestSupport;
using Xunit;

namespace VolumeGen.Docker.Tests.Engine;

/// <summary>
/// The compose override against the compose tools users have: Debian's docker-compose 1.29 (v1 schema, which refuses
/// tmpfs <c>mode</c> and bind <c>selinux</c> in the long syntax) and the spec-conformant <c>docker stack config</c>.
/// </summary>
public sealed class ComposeCompatibilityTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly List<string> _projects = new();
    private readonly List<string> _volumes = new();

    public void Dispose()
    {
        if (DockerEngine.Unavailable is null)
        {
            // With the override: its top-level volumes are the ones `down -v` removes (compose.yaml alone declares none).
            _projects.ForEach(p => DockerEngine.Run("docker-compose", new[] { "-p", p, "-f", "compose.yaml", "-f", "compose.volumegen.yaml", "down", "-v" }, _temp.Path));

            // A volume `down` did not remove (a failed `up`, a compose that did not read the override) goes now that no container holds it.
            IReadOnlySet<string> left = DockerEngine.VolumeNames();
            _volumes.Where(left.Contains).ToList().ForEach(v => DockerEngine.RemoveVolume(v, force: true));
        }

        _temp.Dispose();
    }

    private static readonly MountSet EveryOption = new(
        Mount.NamedVolume("/app/data", "vg-compose-data", readOnly: true, noCopy: true),
        Mount.AnonymousVolume("/app/cache"),
        Mount.Bind("./config", "/app/config", readOnly: true, SelinuxLabel.Shared),
        Mount.Bind("./src", "/app/src", selinuxLabel: SelinuxLabel.Private),
        Mount.Bind("./plain", "/app/plain dir $HOME"),
        Mount.Tmpfs("/app/scratch", 1024 * 1024, mode: 448),
        Mount.Tmpfs("/app/sized", 2 * 1024 * 1024),
        Mount.Tmpfs("/app/bare"));

    private static void SkipUnlessComposeInstalled()
    {
        DockerEngine.SkipUnlessAvailable();
        ProcessResult version = DockerEngine.Run("sh", new[] { "-c", "command -v docker-compose" }, null);
        if (version.ExitCode != 0 && DockerEngine.Required)
        {
            throw new InvalidOperationException("VOLUMEGEN_REQUIRE_DOCKER=1 but docker-compose is not installed (eng/docker-engine.sh install adds it).");
        }

        Skip.If(version.ExitCode != 0, "docker-compose (Debian's 1.29) is not installed; eng/docker-engine.sh install adds it.");
    }

    private string Write(MountSet mounts, string service)
    {
        File.WriteAllText(Path.Combine(_temp.Path, "compose.yaml"), $"services:\n  {service}:\n    image: mcr.microsoft.com/dotnet/aspnet:10.0\n    command: [\"sleep\", \"600\"]\n    network_mode: none\n");
        string generated = Path.Combine(_temp.Path, "compose.volumegen.yaml");
        File.WriteAllText(generated, ComposeOverride.Format(mounts, service));
        return generated;
    }

    [SkippableFact]
    public void Every_option_passes_docker_compose_1_29_and_docker_stack_config_and_keeps_mode_and_selinux()
    {
        SkipUnlessComposeInstalled();
        Write(EveryOption, "web");

        ProcessResult v1 = DockerEngine.Run("docker-compose", new[] { "-f", "compose.yaml", "-f", "compose.volumegen.yaml", "config" }, _temp.Path);
        ProcessResult stack = DockerEngine.Run("docker", new[] { "stack", "config", "-c", "compose.yaml", "-c", "compose.volumegen.yaml" }, _temp.Path);

        Assert.True(v1.ExitCode == 0, v1.Output + v1.Error);
        Assert.True(stack.ExitCode == 0, stack.Output + stack.Error);
        foreach (string target in EveryOption.Select(static m => m.Target))
        {
            // docker-compose 1.x prints its result escaped for compose again ($ as $$); stack config prints values.
            Assert.Contains(target.Replace("$", "$$", StringComparison.Ordinal), v1.Output);
            Assert.Contains(target, stack.Output);
        }

        // What v1 resolved still carries the mode (0700) and both SELinux labels, and the literal $HOME (not interpolated).
        Assert.Contains("/app/scratch:", v1.Output);
        Assert.Contains("mode=0700", v1.Output);
        Assert.Matches(@"/app/config:ro,z", v1.Output);
        Assert.Matches(@"/app/src:Z", v1.Output);
        Assert.Contains("/app/plain dir $$HOME", v1.Output);
        Assert.DoesNotContain("/app/plain dir /", stack.Output);
    }

    [SkippableFact]
    public void Docker_compose_1_29_up_with_the_override_gives_the_tmpfs_its_declared_mode_and_size()
    {
        SkipUnlessComposeInstalled();
        string volume = DockerEngine.UniqueName("vg-compose");
        string project = DockerEngine.UniqueName("vgcompose").Replace("-", string.Empty, StringComparison.Ordinal);
        _projects.Add(project);
        _volumes.Add(volume);
        Write(new MountSet(Mount.NamedVolume("/app/data", volume), Mount.Tmpfs("/app/scratch", 1024 * 1024, mode: 448)), "web");

        ProcessResult up = DockerEngine.Run("docker-compose", new[] { "-p", project, "-f", "compose.yaml", "-f", "compose.volumegen.yaml", "up", "-d" }, _temp.Path);
        Assert.True(up.ExitCode == 0, up.Output + up.Error);
        string container = DockerEngine.Docker("ps", "-q", "--filter", "label=com.docker.compose.project=" + project).EnsureSuccess().Output.Trim();

        Assert.Equal("700", DockerEngine.Docker("exec", container, "stat", "-c", "%a", "/app/scratch").EnsureSuccess().Output.Trim());
        Assert.Contains("size=1024k", DockerEngine.Docker("exec", container, "grep", " /app/scratch ", "/proc/self/mountinfo").EnsureSuccess().Output);
        Assert.Contains(volume, DockerEngine.Docker("inspect", "-f", "{{range .Mounts}}{{.Name}} {{end}}", container).EnsureSuccess().Output);
    }
}
