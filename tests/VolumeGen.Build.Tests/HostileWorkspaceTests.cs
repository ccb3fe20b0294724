using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Xunit;
using YamlDotNet.RepresentationModel;
using k8s;
using k8s.Models;

namespace VolumeGen.Build.Tests;

/// <summary>
/// Real <c>dotnet build</c>s in a workspace a careless or hostile user could have: hand-written compose, Kubernetes
/// and Dockerfile files named as outputs, symlinks, hard links, other owners and modes, read-only files, a
/// Dockerfile two projects share, analyzers switched off or silenced. After every build each byte the user wrote is
/// checked (sha256) and VolumeGen's outputs — the Dockerfile block, the compose override, the Kubernetes file and
/// the obj/ copies — must agree with each other.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class HostileWorkspaceTests
{
    private const string Storage = """
        using VolumeGen;

        namespace Demo;

        [PersistentVolume("/app/data", Name = "profiles")]
        [AnonymousVolume("/app/cache")]
        [BindMount("./config", "/app/config", ReadOnly = true)]
        [TmpfsMount("/app/scratch", SizeBytes = 1048576)]
        public static partial class AppStorage { }
        """;

    private const string Broken = """
        using VolumeGen;

        namespace Demo;

        [PersistentVolume("/app/logs")]
        [AnonymousVolume("relative/tmp")]
        public static partial class Broken { }
        """;

    private const string Head = "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\n";
    private const string Markers = "# >>> VolumeGen\n# <<< VolumeGen\n";
    private const string Tail = "ENTRYPOINT [\"dotnet\", \"Demo.dll\"]\n";

    private const string HandCompose = "services:\n  web:\n    image: shop/web:1.4\n    ports:\n      - \"8080:8080\"\n    secrets:\n      - db_password\nsecrets:\n  db_password:\n    file: ./db_password.txt\n";
    private const string HandKubernetes = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: shop\nstringData:\n  password: hunter2\n";

    private readonly PackageFixture _fixture;

    public HostileWorkspaceTests(PackageFixture fixture) => _fixture = fixture;

    private ConsumerProject Project(string name, string? dockerfile = Head + Markers + Tail, string extraProperties = "", string storage = Storage)
    {
        ConsumerProject project = _fixture.CreateProject(name, "net10.0", extraProperties, new Dictionary<string, string>
        {
            ["AppStorage.cs"] = storage,
            ["Program.cs"] = "Console.WriteLine(\"ok\");\n",
        });
        if (dockerfile is not null)
        {
            File.WriteAllText(project.File("Dockerfile"), dockerfile);
        }

        return project;
    }

    [Fact]
    public void Hand_written_files_named_as_outputs_are_refused_by_name_and_every_user_byte_stays()
    {
        ConsumerProject project = Project("HandWritten");
        File.WriteAllText(project.File("compose.yaml"), HandCompose);
        Directory.CreateDirectory(project.File("deploy"));
        File.WriteAllText(project.File("deploy/app.yaml"), HandKubernetes);
        UserBytes before = UserBytes.Of(project.Folder);

        (int exit, string output) = project.Build("-p:VolumeGenComposeFile=compose.yaml");
        Assert.NotEqual(0, exit);
        Assert.Matches(@"error VG3\d\d\d: VolumeGenComposeFile names '[^']*compose\.yaml'", output);
        before.AssertIntact(project.Folder);

        (exit, output) = project.Build("-p:VolumeGenKubernetesFile=deploy/app.yaml");
        Assert.NotEqual(0, exit);
        Assert.Matches(@"error VG3\d\d\d: VolumeGenKubernetesFile names '[^']*app\.yaml'", output);
        before.AssertIntact(project.Folder);

        (exit, output) = project.Build("-p:VolumeGenComposeFile=Dockerfile");
        Assert.NotEqual(0, exit);
        Assert.Matches(@"error VG3\d\d\d: VolumeGenComposeFile names the Dockerfile", output);
        before.AssertIntact(project.Folder);

        // A file VolumeGen wrote itself is replaced; a new one is created.
        (exit, output) = project.Build("-p:VolumeGenComposeFile=compose.volumegen.yaml", "-p:VolumeGenKubernetesFile=deploy/volumes.yaml");
        Assert.True(exit == 0, output);
        before.AssertIntact(project.Folder);
        Outputs.AssertAgree(project, "compose.volumegen.yaml", "deploy/volumes.yaml");
    }

    public static TheoryData<string, string[]> SilencedAnalyzers() => new()
    {
        { "editorconfig", Array.Empty<string>() },
        { "RunAnalyzers", new[] { "-p:RunAnalyzers=false" } },
        { "RunAnalyzersDuringBuild", new[] { "-p:RunAnalyzersDuringBuild=false" } },
    };

    [Theory]
    [MemberData(nameof(SilencedAnalyzers))]
    public void An_invalid_declaration_stops_every_output_with_the_analyzers_id_and_message_whether_or_not_the_analyzer_ran(string how, string[] flags)
    {
        ConsumerProject project = Project("Silenced" + how, extraProperties:
            "<VolumeGenComposeFile>compose.volumegen.yaml</VolumeGenComposeFile><VolumeGenKubernetesFile>deploy/volumes.yaml</VolumeGenKubernetesFile>");
        (int exit, string output) = project.Build();
        Assert.True(exit == 0, output);
        Outputs.AssertAgree(project, "compose.volumegen.yaml", "deploy/volumes.yaml");
        if (how == "editorconfig")
        {
            File.WriteAllText(project.File(".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.VG1001.severity = none\n");
        }

        File.WriteAllText(project.File("Broken.cs"), Broken);
        UserBytes before = UserBytes.Of(project.Folder, "compose.volumegen.yaml", "deploy/volumes.yaml");
        Snapshot generated = Snapshot.Of(project, "compose.volumegen.yaml", "deploy/volumes.yaml");

        (exit, output) = project.Build(flags);

        Assert.NotEqual(0, exit);
        Assert.Contains("error VG1001: The container path \"relative/tmp\" is not an absolute POSIX path.", output);
        Assert.Contains("Demo.Broken", output);
        before.AssertIntact(project.Folder);
        generated.AssertUnchanged();
        Outputs.AssertAgree(project, "compose.volumegen.yaml", "deploy/volumes.yaml");
    }

    [Fact]
    public void When_the_last_declaration_goes_every_output_says_so_in_the_same_build()
    {
        ConsumerProject project = Project("LastGoes", extraProperties:
            "<VolumeGenComposeFile>compose.volumegen.yaml</VolumeGenComposeFile><VolumeGenKubernetesFile>deploy/volumes.yaml</VolumeGenKubernetesFile>");
        (int exit, string output) = project.Build();
        Assert.True(exit == 0, output);
        Assert.Contains("/app/data", File.ReadAllText(project.File("compose.volumegen.yaml")));

        File.WriteAllText(project.File("AppStorage.cs"), "namespace Demo;\n\npublic static partial class AppStorage { }\n");
        (exit, output) = project.Build();

        Assert.True(exit == 0, output);
        Assert.DoesNotContain("VOLUME [", File.ReadAllText(project.File("Dockerfile")));
        foreach (string file in new[] { "compose.volumegen.yaml", "deploy/volumes.yaml", "obj/Debug/net10.0/volumegen/manifest.json" })
        {
            Assert.DoesNotContain("/app/data", File.ReadAllText(project.File(file)));
        }

        Outputs.AssertAgree(project, "compose.volumegen.yaml", "deploy/volumes.yaml");
    }

    [SkippableFact]
    public void A_symlinked_hard_linked_foreign_owned_dockerfile_is_written_through_and_keeps_its_identity()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip.If(true, "modes, owners and hard links are checked on Linux");
            return;
        }

        ConsumerProject project = Project("Identity", dockerfile: null, extraProperties:
            "<VolumeGenComposeFile>compose.volumegen.yaml</VolumeGenComposeFile>");
        string shared = Path.Combine(project.Folder, "..", Path.GetFileName(project.Folder) + "-docker");
        Directory.CreateDirectory(shared);
        string real = Path.Combine(shared, "Dockerfile.real");
        File.WriteAllText(real, Head + Markers + Tail);
        File.CreateSymbolicLink(project.File("Dockerfile"), real);
        string hardLink = Path.Combine(shared, "Dockerfile.hardlink");
        Assert.Equal(0, Processes.Run("ln", new[] { real, hardLink }, shared).ExitCode);
        File.SetUnixFileMode(real, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        bool root = Environment.UserName == "root";
        if (root)
        {
            Assert.Equal(0, Processes.Run("chown", new[] { "4321:8765", real }, shared).ExitCode);
        }

        // The compose override VolumeGen wrote: a symlink to it and a foreign mode are kept on a rewrite too.
        (int exit, string output) = project.Build();
        Assert.True(exit == 0, output);
        string composeTarget = Path.Combine(shared, "compose.volumegen.yaml");
        File.Move(project.File("compose.volumegen.yaml"), composeTarget);
        File.CreateSymbolicLink(project.File("compose.volumegen.yaml"), composeTarget);
        File.SetUnixFileMode(composeTarget, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        string before = Stat(real);
        File.WriteAllText(project.File("AppStorage.cs"), Storage.Replace("/app/cache", "/app/cache2"));

        (exit, output) = project.Build();

        Assert.True(exit == 0, output);
        Assert.NotNull(new FileInfo(project.File("Dockerfile")).LinkTarget);
        Assert.NotNull(new FileInfo(project.File("compose.volumegen.yaml")).LinkTarget);
        Assert.Contains("\"/app/cache2\"", File.ReadAllText(real));
        Assert.Equal(File.ReadAllBytes(real), File.ReadAllBytes(hardLink));
        Assert.Equal(before, Stat(real));
        Assert.Contains(":2", before);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead, File.GetUnixFileMode(composeTarget));
        Assert.Contains("/app/cache2", File.ReadAllText(composeTarget));
        if (root)
        {
            Assert.StartsWith("640:4321:8765:", before);
        }

        Assert.Empty(Directory.GetFiles(shared, "*.tmp").Concat(Directory.GetFiles(project.Folder, "*.tmp")));
        Outputs.AssertAgree(project, "compose.volumegen.yaml", kubernetes: null);
    }

    [SkippableFact]
    public void A_read_only_output_stops_the_whole_build_and_every_output_keeps_agreeing()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip.If(true, "the read-only check is made with chmod here");
            return;
        }

        ConsumerProject project = Project("ReadOnly", extraProperties:
            "<VolumeGenComposeFile>compose.volumegen.yaml</VolumeGenComposeFile><VolumeGenKubernetesFile>deploy/volumes.yaml</VolumeGenKubernetesFile>");
        (int exit, string output) = project.Build();
        Assert.True(exit == 0, output);
        File.SetUnixFileMode(project.File("deploy/volumes.yaml"), UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.WriteAllText(project.File("AppStorage.cs"), Storage.Replace("/app/cache", "/app/cache2"));
        UserBytes before = UserBytes.Of(project.Folder, "compose.volumegen.yaml", "deploy/volumes.yaml");
        Snapshot generated = Snapshot.Of(project, "compose.volumegen.yaml", "deploy/volumes.yaml");

        (exit, output) = project.Build();

        Assert.NotEqual(0, exit);
        Assert.Matches(@"volumes\.yaml.*error VG3003|error VG3003: VolumeGen could not write '[^']*volumes\.yaml'", output);
        before.AssertIntact(project.Folder);
        generated.AssertUnchanged();
        Outputs.AssertAgree(project, "compose.volumegen.yaml", "deploy/volumes.yaml");

        File.SetUnixFileMode(project.File("deploy/volumes.yaml"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        (exit, output) = project.Build();
        Assert.True(exit == 0, output);
        Assert.Contains("/app/cache2", File.ReadAllText(project.File("deploy/volumes.yaml")));
        Outputs.AssertAgree(project, "compose.volumegen.yaml", "deploy/volumes.yaml");
    }

    [Fact]
    public void Two_projects_sharing_one_dockerfile_do_not_flip_its_block()
    {
        string shared = Path.Combine(_fixture.Root, "shared-" + Guid.NewGuid().ToString("N").Substring(0, 6));
        Directory.CreateDirectory(shared);
        string dockerfile = Path.Combine(shared, "Dockerfile");
        File.WriteAllText(dockerfile, Head + Markers + Tail);
        ConsumerProject first = Project("First", dockerfile: null, extraProperties: $"<VolumeGenDockerfile>{dockerfile}</VolumeGenDockerfile>");
        ConsumerProject second = Project("Second", dockerfile: null, extraProperties: $"<VolumeGenDockerfile>{dockerfile}</VolumeGenDockerfile>",
            storage: Storage.Replace("/app/cache", "/app/other-cache"));

        (int exit, string output) = first.Build();
        Assert.True(exit == 0, output);
        byte[] afterFirst = File.ReadAllBytes(dockerfile);
        Assert.Contains("First", Encoding.UTF8.GetString(afterFirst));

        (exit, output) = second.Build();
        Assert.NotEqual(0, exit);
        Assert.Matches(@"error VG3\d\d\d: The VolumeGen block in '[^']*Dockerfile' belongs to the project 'First'", output);
        Assert.Equal(afterFirst, File.ReadAllBytes(dockerfile));

        (exit, output) = first.Build("-p:VolumeGenComposeFile=compose.volumegen.yaml");
        Assert.True(exit == 0, output);
        Assert.Equal(afterFirst, File.ReadAllBytes(dockerfile));
    }

    public static TheoryData<string, string> SwitchesOff() => new()
    {
        { "<VolumeGenDockerfile></VolumeGenDockerfile>", "" },
        { "<VolumeGenDockerfile>none</VolumeGenDockerfile>", "" },
        { "", "-p:VolumeGenDockerfile=none" },
        { "", "-p:VolumeGenDockerfile=" },
    };

    [Theory]
    [MemberData(nameof(SwitchesOff))]
    public void Switching_the_dockerfile_off_as_VG3001_advises_leaves_it_alone_without_warnings(string property, string flag)
    {
        ConsumerProject project = Project("Off", dockerfile: Head + Tail, extraProperties: property);
        UserBytes before = UserBytes.Of(project.Folder);

        (int exit, string output) = flag.Length == 0 ? project.Build() : project.Build(flag);

        Assert.True(exit == 0, output);
        Assert.DoesNotContain("VG3001", output);
        Assert.DoesNotContain("VG3006", output);
        before.AssertIntact(project.Folder);
        Assert.True(File.Exists(project.File("obj/Debug/net10.0/volumegen/manifest.json")), "the task must still run");
    }

    [Fact]
    public void VG3001_names_the_switch_that_turns_it_off()
    {
        ConsumerProject project = Project("Advice", dockerfile: Head + Tail);

        (int exit, string output) = project.Build();

        Assert.True(exit == 0, output);
        Assert.Contains("warning VG3001", output);
        Assert.Contains("VolumeGenDockerfile to none", output);
    }

    private static string Stat(string path)
        => Processes.Run("stat", new[] { "-c", "%a:%u:%g:%h", path }, Path.GetDirectoryName(path)!).Output.Trim();

    /// <summary>The sha256 of every file the user wrote (bin/, obj/ and the named VolumeGen outputs left out; for a
    /// Dockerfile, every byte outside the VolumeGen block).</summary>
    private sealed class UserBytes
    {
        private readonly Dictionary<string, string> _hashes;
        private readonly string[] _generated;

        private UserBytes(Dictionary<string, string> hashes, string[] generated)
        {
            _hashes = hashes;
            _generated = generated;
        }

        public static UserBytes Of(string folder, params string[] generated) => new(Hash(folder, generated), generated);

        public void AssertIntact(string folder)
        {
            Dictionary<string, string> now = Hash(folder, _generated);
            foreach (KeyValuePair<string, string> file in _hashes)
            {
                Assert.True(now.TryGetValue(file.Key, out string? hash), $"{file.Key} is gone");
                Assert.True(hash == file.Value, $"{file.Key} changed outside VolumeGen's block");
            }
        }

        private static Dictionary<string, string> Hash(string folder, string[] generated)
        {
            var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
                if (relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal) || generated.Contains(relative))
                {
                    continue;
                }

                byte[] bytes = File.ReadAllBytes(file);
                if (Path.GetFileName(file).StartsWith("Dockerfile", StringComparison.Ordinal))
                {
                    bytes = OutsideBlock(bytes);
                }

                hashes[relative] = Convert.ToHexString(SHA256.HashData(bytes));
            }

            return hashes;
        }

        private static byte[] OutsideBlock(byte[] bytes)
        {
            string[] lines = Encoding.UTF8.GetString(bytes).Split('\n');
            var kept = new List<string>();
            bool inside = false;
            foreach (string line in lines)
            {
                if (line.TrimStart().StartsWith("# >>> VolumeGen", StringComparison.Ordinal))
                {
                    inside = true;
                    kept.Add("<block>");
                }

                if (!inside)
                {
                    kept.Add(line);
                }

                if (line.TrimStart().StartsWith("# <<< VolumeGen", StringComparison.Ordinal))
                {
                    inside = false;
                }
            }

            return Encoding.UTF8.GetBytes(string.Join("\n", kept));
        }
    }

    /// <summary>The bytes of VolumeGen's outputs, to prove a refused build changed none of them.</summary>
    private sealed class Snapshot
    {
        private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);

        public static Snapshot Of(ConsumerProject project, params string[] relative)
        {
            var snapshot = new Snapshot();
            foreach (string file in relative.Concat(new[] { "Dockerfile" }).Concat(Directory.GetFiles(project.File("obj/Debug/net10.0/volumegen")).Select(f => Path.GetRelativePath(project.Folder, f))))
            {
                snapshot._files[project.File(file)] = File.ReadAllBytes(project.File(file));
            }

            return snapshot;
        }

        public void AssertUnchanged()
        {
            foreach (KeyValuePair<string, byte[]> file in _files)
            {
                Assert.True(file.Value.AsSpan().SequenceEqual(File.ReadAllBytes(file.Key)), $"{file.Key} was written by a build that reported errors");
            }
        }
    }

    /// <summary>Every VolumeGen output of a project, decoded, must describe the same mounts.</summary>
    private static class Outputs
    {
        public static void AssertAgree(ConsumerProject project, string? compose, string? kubernetes)
        {
            string obj = project.File("obj/Debug/net10.0/volumegen");
            using JsonDocument manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(obj, "manifest.json")));
            var declared = manifest.RootElement.GetProperty("classes").EnumerateArray()
                .SelectMany(c => c.GetProperty("mounts").EnumerateArray())
                .Select(m => (Kind: m.GetProperty("kind").GetString()!, Target: m.GetProperty("target").GetString()!))
                .ToArray();
            string[] volumes = declared.Where(m => m.Kind is "volume" or "anonymous").Select(m => m.Target).OrderBy(t => t, StringComparer.Ordinal).ToArray();
            string[] all = declared.Select(m => m.Target).OrderBy(t => t, StringComparer.Ordinal).ToArray();
            string[] podMounts = declared.Where(m => m.Kind != "bind").Select(m => m.Target).OrderBy(t => t, StringComparer.Ordinal).ToArray();

            Assert.Equal(volumes, DockerfileVolumes(File.ReadAllText(Path.Combine(obj, "Dockerfile.volumegen"))));
            if (File.Exists(project.File("Dockerfile")) && File.ReadAllText(project.File("Dockerfile")).Contains("# >>> VolumeGen", StringComparison.Ordinal))
            {
                Assert.Equal(volumes, DockerfileVolumes(File.ReadAllText(project.File("Dockerfile"))));
            }

            string objCompose = File.ReadAllText(Path.Combine(obj, "compose.volumegen.yaml"));
            Assert.Equal(all, ComposeTargets(objCompose));
            string objKubernetes = File.ReadAllText(Path.Combine(obj, "kubernetes.volumegen.yaml"));
            Assert.Equal(podMounts, KubernetesTargets(objKubernetes));
            if (compose is not null)
            {
                Assert.Equal(objCompose, File.ReadAllText(project.File(compose)));
            }

            if (kubernetes is not null)
            {
                Assert.Equal(objKubernetes, File.ReadAllText(project.File(kubernetes)));
            }
        }

        private static string[] DockerfileVolumes(string text)
        {
            string? line = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("VOLUME [", StringComparison.Ordinal));
            return line is null
                ? Array.Empty<string>()
                : JsonSerializer.Deserialize<string[]>(line.Substring("VOLUME ".Length))!.OrderBy(t => t, StringComparer.Ordinal).ToArray();
        }

        private static string[] ComposeTargets(string yaml)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            var root = (YamlMappingNode)stream.Documents[0].RootNode;
            var targets = new List<string>();
            foreach (KeyValuePair<YamlNode, YamlNode> service in (YamlMappingNode)root.Children[new YamlScalarNode("services")])
            {
                var body = (YamlMappingNode)service.Value;
                foreach (string key in new[] { "volumes", "tmpfs" })
                {
                    if (!body.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? entries))
                    {
                        continue;
                    }

                    foreach (YamlNode entry in (YamlSequenceNode)entries)
                    {
                        targets.Add(entry is YamlMappingNode map
                            ? ((YamlScalarNode)map.Children[new YamlScalarNode("target")]).Value!
                            : ShortTarget(((YamlScalarNode)entry).Value!, key));
                    }
                }
            }

            return targets.OrderBy(t => t, StringComparer.Ordinal).ToArray();
        }

        // "source:target[:options]" (volumes) or "target[:options]" (tmpfs).
        private static string ShortTarget(string value, string key)
        {
            string[] parts = value.Split(':');
            return key == "tmpfs" ? parts[0] : parts[1];
        }

        private static string[] KubernetesTargets(string yaml)
            => KubernetesYaml.LoadAllFromString(yaml).OfType<V1Deployment>().Single()
                .Spec.Template.Spec.Containers.Single().VolumeMounts?.Select(m => m.MountPath).OrderBy(t => t, StringComparer.Ordinal).ToArray()
                ?? Array.Empty<string>();
    }
}
