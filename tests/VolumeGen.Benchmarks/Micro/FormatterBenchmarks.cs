using BenchmarkDotNet.Attributes;

namespace VolumeGen.Benchmarks.Micro;

/// <summary>
/// The runtime formatters the CLI, the build task and the generated helpers call: run arguments (both flag styles),
/// shell quoting (POSIX and PowerShell), the Dockerfile VOLUME line, the compose override and the Kubernetes
/// manifests, over a realistic mount set.
/// </summary>
[MemoryDiagnoser]
public class FormatterBenchmarks
{
    private readonly MountSet _mounts = new(
        Mount.NamedVolume("/app/data", "profiles"),
        Mount.AnonymousVolume("/app/cache"),
        Mount.Bind("./config", "/app/config", readOnly: true),
        Mount.Bind("/srv/uploads dir", "/app/uploads", selinuxLabel: SelinuxLabel.Private),
        Mount.Tmpfs("/app/scratch", 64L * 1024 * 1024, 493),
        Mount.NamedVolume("/app/d$x 'quoted'", "odd-name"));

    private string[] _arguments = System.Array.Empty<string>();

    /// <summary>Prepares the argument array the quoting benchmarks join.</summary>
    [GlobalSetup]
    public void Setup() => _arguments = RunArguments.Format(_mounts, MountStyle.Mount, "/work/project");

    /// <summary><c>--mount</c> arguments.</summary>
    [Benchmark(Baseline = true)]
    public string[] RunArgumentsMount() => RunArguments.Format(_mounts, MountStyle.Mount, "/work/project");

    /// <summary><c>-v</c>/<c>--tmpfs</c> arguments.</summary>
    [Benchmark]
    public string[] RunArgumentsVolume() => RunArguments.Format(_mounts, MountStyle.Volume, "/work/project");

    /// <summary>One POSIX shell line.</summary>
    [Benchmark]
    public string ShellQuotingPosix() => ShellQuoting.Join(_arguments, ShellDialect.Posix);

    /// <summary>One PowerShell line.</summary>
    [Benchmark]
    public string ShellQuotingPowerShell() => ShellQuoting.Join(_arguments, ShellDialect.PowerShell);

    /// <summary>The Dockerfile VOLUME instruction (JSON form, word-processor escaping).</summary>
    [Benchmark]
    public string DockerfileVolumeLine() => DockerfileVolume.Format(_mounts);

    /// <summary>The compose override YAML.</summary>
    [Benchmark]
    public string ComposeOverrideYaml() => ComposeOverride.Format(_mounts, "app");

    /// <summary>The Kubernetes PVCs and Deployment patch (hostPath included, so every mount kind is formatted).</summary>
    [Benchmark]
    public string KubernetesYaml() => KubernetesManifests.Format(_mounts, "app", new KubernetesOptions { IncludeHostPath = true, BindRoot = "/work/project" });
}
