using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using VolumeGen.Docker.Tests.Infrastructure;
using VolumeGen.TestSupport;
using Xunit;

namespace VolumeGen.Docker.Tests.Engine;

/// <summary>
/// Issue 15 on the engine: an app whose image runs as <c>USER $APP_UID</c>, built with VolumeGen's defaults (no
/// ownership setting), writes its named volume on the first start and finds the data again after the container is
/// replaced — with the run form (an image with a shell) and the copy form (an image without one). It works because the
/// image's folder belongs to the user and Docker copies that owner into a new named volume on its first mount.
/// </summary>
public sealed class NonRootVolumeTests : IDisposable
{
    private const string BaseImage = "mcr.microsoft.com/dotnet/aspnet:10.0";

    private readonly TempFolder _temp = new();
    private readonly List<string> _images = new();
    private readonly List<string> _containers = new();
    private readonly List<string> _volumes = new();

    public void Dispose()
    {
        if (DockerEngine.Unavailable is null)
        {
            _containers.ForEach(c => DockerEngine.RemoveContainers(c));
            _volumes.ForEach(v => DockerEngine.RemoveVolume(v));
            _images.ForEach(i => DockerEngine.RemoveImage(i));
        }

        _temp.Dispose();
    }

    /// <summary>A console app that appends a line to its volume and prints what the volume holds.</summary>
    internal static Dictionary<string, string> AppFiles(string volume, string? dockerfile) => new()
    {
        ["AppStorage.cs"] = $$"""
            using VolumeGen;

            namespace NonRootApp;

            [PersistentVolume("/app/data", Name = "{{volume}}")]
            public static partial class AppStorage { }
            """,
        ["Program.cs"] = """
            string file = "/app/data/visits.txt";
            File.AppendAllText(file, "visit by " + Environment.UserName + " at " + DateTime.UtcNow.ToString("O") + "\n");
            Console.Write(File.ReadAllText(file));
            """,
        ["Dockerfile"] = dockerfile ?? string.Empty,
    };

    [SkippableFact]
    public void Run_form_by_default_the_app_user_writes_its_named_volume_and_keeps_it_across_a_replaced_container()
    {
        DockerEngine.SkipUnlessAvailable();
        string dockerfile = $"FROM {BaseImage}\nWORKDIR /app\nCOPY bin/Debug/net10.0/ .\n# >>> VolumeGen\n# <<< VolumeGen\nUSER $APP_UID\nENTRYPOINT [\"dotnet\", \"NonRootApp.dll\"]\n";

        (PackageConsumer app, string block) = BuildApp(dockerfile);

        Assert.Contains("RUN mkdir -p /app/data && chown -R $APP_UID /app/data\n", block, StringComparison.Ordinal);
        AssertWritesAndKeeps(app);
    }

    [SkippableFact]
    public void Copy_form_by_default_on_an_image_without_a_shell_the_app_user_writes_its_named_volume_and_keeps_it()
    {
        DockerEngine.SkipUnlessAvailable();

        // A stand-in for a chiseled image: the .NET base image with every shell removed, tagged like one.
        string shellless = Image("volumegen-test/aspnet:" + Guid.NewGuid().ToString("N").Substring(0, 8) + "-noble-chiseled");
        string baseDockerfile = Path.Combine(_temp.Path, "shellless.Dockerfile");
        File.WriteAllText(baseDockerfile, $"FROM {BaseImage}\nRUN rm -f /bin/sh /bin/bash /bin/dash /usr/bin/sh /usr/bin/bash /usr/bin/dash\n");
        DockerEngine.Docker("build", "-q", "-f", baseDockerfile, "-t", shellless, _temp.Path).EnsureSuccess();
        Assert.NotEqual(0, DockerEngine.Docker("run", "--rm", "--network", "none", "--entrypoint", "/bin/sh", shellless, "-c", "true").ExitCode);

        string dockerfile = $"FROM {shellless}\nWORKDIR /app\nCOPY bin/Debug/net10.0/ .\n# >>> VolumeGen\n# <<< VolumeGen\nUSER $APP_UID\nENTRYPOINT [\"dotnet\", \"NonRootApp.dll\"]\n";

        (PackageConsumer app, string block) = BuildApp(dockerfile);

        Assert.Contains("COPY --chown=$APP_UID [\".volumegen-empty/\", \"/app/data/\"]\n", block, StringComparison.Ordinal);
        Assert.DoesNotContain("RUN ", block, StringComparison.Ordinal);
        Assert.True(Directory.Exists(app.File(".volumegen-empty")), "the build creates the empty folder the COPY needs in the build context");
        AssertWritesAndKeeps(app);
    }

    /// <summary>Builds the packed-package app (which writes the Dockerfile block), then its image; returns the block.</summary>
    private (PackageConsumer App, string Block) BuildApp(string dockerfile)
    {
        string volume = Volume();
        PackageConsumer app = PackageConsumer.Create(_temp.Path, "NonRootApp", AppFiles(volume, dockerfile));
        ProcessResult build = app.Build();
        Assert.True(build.ExitCode == 0, build.Output + build.Error);
        Assert.DoesNotContain("VG3030", build.Output, StringComparison.Ordinal);
        string written = File.ReadAllText(app.File("Dockerfile"));
        int begin = written.IndexOf("# >>> VolumeGen", StringComparison.Ordinal);
        string block = written.Substring(begin, written.IndexOf("# <<< VolumeGen", StringComparison.Ordinal) - begin);
        string image = Image("volumegen-test/non-root:" + Guid.NewGuid().ToString("N").Substring(0, 10));
        ProcessResult dockerBuild = DockerEngine.Docker("build", "-q", "-t", image, app.Folder);
        Assert.True(dockerBuild.ExitCode == 0, "docker build failed:\n" + dockerBuild.Output + dockerBuild.Error + "\n" + written);
        _images.Add(image);
        return (app, block);
    }

    /// <summary>Runs the image twice with the generated arguments (a new container each time): both visits are in the volume.</summary>
    private void AssertWritesAndKeeps(PackageConsumer app)
    {
        string arguments = File.ReadAllText(Directory.GetFiles(app.File("obj"), "run-arguments.sh.txt", SearchOption.AllDirectories).Single()).Trim();
        string image = _images[^1];
        string first = RunOnce(arguments, image);
        Assert.Single(first.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("visit by app", first, StringComparison.Ordinal);

        string second = RunOnce(arguments, image);
        string[] visits = second.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, visits.Length);
        Assert.Equal(first.Trim(), visits[0]);
    }

    private string RunOnce(string arguments, string image)
        => DockerEngine.RunToCompletion(arguments, image, "vg-non-root", _temp.Path, _containers, "the app could not write its volume as the non-root user");

    private string Volume()
    {
        string name = DockerEngine.UniqueName("vg-non-root");
        _volumes.Add(name);
        return name;
    }

    private string Image(string name)
    {
        _images.Add(name);
        return name;
    }
}
