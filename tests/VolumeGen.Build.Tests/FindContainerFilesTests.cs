using System;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using VolumeGen.ContainerFiles;
using Xunit;

namespace VolumeGen.Build.Tests;

/// <summary>
/// The <see cref="FindContainerFiles"/> task in-process: which files it hands the compiler, which Dockerfile the build
/// keeps (the analyzers' choice), and that a file the compiler could not read — a FIFO, a dangling or looping link, a
/// binary file — is left out and named once (VG3020).
/// </summary>
public sealed class FindContainerFilesTests : IDisposable
{
    private const string ShopDockerfile = "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nCOPY out/ .\nENTRYPOINT [\"dotnet\", \"Shop.dll\"]\n";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Repository => _folder.File("repo");

    private string ProjectFolder => _folder.File("repo/src/Shop");

    private string Write(string relative, string text)
    {
        string path = _folder.File(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private (FindContainerFiles Task, RecordingBuildEngine Engine) Task(Action<FindContainerFiles>? configure = null)
    {
        Directory.CreateDirectory(Path.Combine(Repository, ".git"));
        Directory.CreateDirectory(ProjectFolder);
        var engine = new RecordingBuildEngine();
        var task = new FindContainerFiles
        {
            BuildEngine = engine,
            ProjectDirectory = ProjectFolder,
            ProjectName = "Shop",
            AssemblyName = "Shop",
            IntermediateDirectory = _folder.File("repo/src/Shop/obj/volumegen"),
        };
        configure?.Invoke(task);
        return (task, engine);
    }

    private static string[] Paths(ITaskItem[] items) => items.Select(static i => i.ItemSpec).ToArray();

    private static BuildMessageEventArgs[] Coded(RecordingBuildEngine engine, string code) => engine.Messages.Where(m => m.Code == code).ToArray();

    [Fact]
    public void The_root_Dockerfile_that_runs_the_project_is_kept_and_only_related_files_from_elsewhere_are_handed_over()
    {
        string root = Write("repo/Dockerfile", ShopDockerfile);
        string compose = Write("repo/docker-compose/docker-compose.yml", "services:\n  shop:\n    build:\n      context: ..\n      dockerfile: Dockerfile\n");
        Write("repo/src/Admin/Dockerfile", "FROM x\nENTRYPOINT [\"dotnet\", \"Admin.dll\"]\n");
        Write("repo/tools/compose.yaml", "services:\n  admin:\n    build: ../src/Admin\n");
        (FindContainerFiles task, RecordingBuildEngine engine) = Task();

        Assert.True(task.Execute());

        Assert.Equal(root, task.Dockerfile);
        Assert.Equal("its ENTRYPOINT runs Shop.dll", task.DockerfileReason);
        Assert.Equal(new[] { root, compose }, Paths(task.Files).OrderBy(static p => p, StringComparer.Ordinal));
        Assert.Empty(Coded(engine, BuildDiagnostics.FileLeftOut));
    }

    [Fact]
    public void The_project_folders_Dockerfile_and_a_named_one_carry_no_search_reason()
    {
        string own = Write("repo/src/Shop/Dockerfile", "FROM x\n");
        string named = Write("repo/ops/shop.Dockerfile", "FROM y\n");

        (FindContainerFiles byFolder, _) = Task();
        Assert.True(byFolder.Execute());
        Assert.Equal(own, byFolder.Dockerfile);
        Assert.Equal(string.Empty, byFolder.DockerfileReason);

        (FindContainerFiles byName, _) = Task(t => t.NamedDockerfile = named);
        Assert.True(byName.Execute());
        Assert.Equal(named, byName.Dockerfile);
        Assert.Equal(string.Empty, byName.DockerfileReason);
        Assert.Contains(named, Paths(byName.Files));
    }

    [Fact]
    public void A_Dockerfile_that_only_ships_the_project_in_another_apps_image_is_handed_over_but_not_kept()
    {
        string web = Write("repo/src/Web/Dockerfile", "FROM x\nCOPY [\"src/Shop/Shop.csproj\", \"src/Shop/\"]\nENTRYPOINT [\"dotnet\", \"Web.dll\"]\n");
        (FindContainerFiles task, _) = Task();

        Assert.True(task.Execute());

        Assert.Equal(new[] { web }, Paths(task.Files));
        Assert.Equal(string.Empty, task.Dockerfile);
    }

    [SkippableFact]
    public void Files_the_compiler_could_not_read_are_left_out_and_named_once()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && Processes.OnPath("mkfifo"), "needs mkfifo and symbolic links (Linux)");
        string own = Write("repo/src/Shop/Dockerfile", ShopDockerfile);
        Assert.Equal(0, Processes.Run("mkfifo", new[] { "Dockerfile.pipe" }, ProjectFolder).ExitCode);
        File.CreateSymbolicLink(Path.Combine(ProjectFolder, "Dockerfile.old"), Path.Combine(ProjectFolder, "gone"));
        File.CreateSymbolicLink(Path.Combine(ProjectFolder, "compose.loop.yaml"), Path.Combine(ProjectFolder, "compose.loop.yaml"));
        Directory.CreateDirectory(Path.Combine(Repository, "tools"));
        Assert.Equal(0, Processes.Run("mkfifo", new[] { "Dockerfile.far" }, Path.Combine(Repository, "tools")).ExitCode);
        (FindContainerFiles task, RecordingBuildEngine engine) = Task();

        Assert.True(task.Execute()); // returns: a FIFO is never opened

        Assert.Equal(new[] { own }, Paths(task.Files));
        Assert.Equal(own, task.Dockerfile);
        BuildMessageEventArgs[] leftOut = Coded(engine, BuildDiagnostics.FileLeftOut);
        Assert.Equal(3, leftOut.Length); // the one far away is not the project's business: read at low importance only
        Assert.Contains(leftOut, m => m.Message!.Contains("'Dockerfile.pipe'", StringComparison.Ordinal) && m.Message.Contains("not a regular file", StringComparison.Ordinal));
        Assert.Contains(leftOut, m => m.Message!.Contains("'Dockerfile.old'", StringComparison.Ordinal) && m.Message.Contains("leads nowhere", StringComparison.Ordinal));
        Assert.Contains(leftOut, m => m.Message!.Contains("'compose.loop.yaml'", StringComparison.Ordinal) && m.Message.Contains("leads nowhere", StringComparison.Ordinal));
        Assert.All(leftOut, static m => Assert.Equal(MessageImportance.High, m.Importance));
        Assert.All(leftOut, static m => Assert.Equal(BuildDiagnostics.GetHelpUri("VG3020"), m.HelpKeyword));

        (FindContainerFiles quiet, RecordingBuildEngine quietEngine) = Task(t => t.Report = false); // another target framework's build
        Assert.True(quiet.Execute());
        Assert.Empty(Coded(quietEngine, BuildDiagnostics.FileLeftOut));
    }

    [Fact]
    public void A_binary_configuration_file_is_not_handed_over_and_a_text_one_is()
    {
        string text = Write("repo/src/Shop/appsettings.json", "{ \"a\": 1 }");
        string encrypted = _folder.File("repo/src/Shop/appsettings.Production.json");
        File.WriteAllBytes(encrypted, new byte[] { 0, (byte)'G', (byte)'I', (byte)'T', (byte)'C', (byte)'R', (byte)'Y', (byte)'P', (byte)'T', 0, 0x91, 0x22 });
        string utf16 = _folder.File("repo/src/Shop/appsettings.Staging.json");
        File.WriteAllBytes(utf16, new byte[] { 0xFF, 0xFE }.Concat(System.Text.Encoding.Unicode.GetBytes("{ \"b\": 2 }")).ToArray());
        (FindContainerFiles task, RecordingBuildEngine engine) = Task(t => t.ConfigurationFiles = new ITaskItem[] { new TaskItem(text), new TaskItem(encrypted), new TaskItem(utf16) });

        Assert.True(task.Execute());

        Assert.Equal(new[] { text, utf16 }, Paths(task.UsableConfigurationFiles));
        BuildMessageEventArgs message = Assert.Single(Coded(engine, BuildDiagnostics.FileLeftOut));
        Assert.Equal(encrypted, message.File);
        Assert.Contains("'appsettings.Production.json'", message.Message!, StringComparison.Ordinal);
        Assert.Contains("not text", message.Message!, StringComparison.Ordinal);
    }

    [Fact]
    public void The_SDKs_ContainerEnvironmentVariable_items_are_written_for_the_analyzers()
    {
        var first = new TaskItem("Storage__Uploads");
        first.SetMetadata("Value", "/srv/uploads");
        var second = new TaskItem("ConnectionStrings__Db");
        second.SetMetadata("Value", "Data Source=/srv/db/app.db;Cache=Shared\nnext");
        (FindContainerFiles task, _) = Task(t => t.ContainerEnvironment = new ITaskItem[] { first, second });

        Assert.True(task.Execute());

        Assert.Equal(ContainerEnvironmentFile.FileName, Path.GetFileName(task.EnvironmentFile));
        Assert.Equal(
            new[] { ("Storage__Uploads", "/srv/uploads", 1), ("ConnectionStrings__Db", "Data Source=/srv/db/app.db;Cache=Shared\nnext", 2) },
            ContainerEnvironmentFile.Parse(File.ReadAllText(task.EnvironmentFile)));
    }

    [Fact]
    public void Without_a_repository_only_the_project_folder_and_its_conventional_folders_are_searched()
    {
        string own = Write("loose/Shop/docker/Dockerfile", ShopDockerfile);
        Write("loose/Dockerfile", ShopDockerfile);
        var engine = new RecordingBuildEngine();
        var task = new FindContainerFiles { BuildEngine = engine, ProjectDirectory = _folder.File("loose/Shop"), ProjectName = "Shop" };

        Assert.True(task.Execute());

        Assert.Equal(new[] { own }, Paths(task.Files));
        Assert.Equal(own, task.Dockerfile);
    }
}
