using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System;
using VolumeGen.Docker.Tests.Infrastructure;
using VolumeGen.TestSupport;
using Xunit;

namespace VolumeGen.Docker.Tests.Templates;

/// <summary>
/// A solution folder holding one project made by <c>dotnet new &lt;template&gt; --auth Individual</c> (the template
/// unmodified) plus the packed VolumeGen package, and, for a Dockerfile build, the files Visual Studio adds. Builds
/// restore into the fixture's isolated NUGET_PACKAGES.
/// </summary>
public sealed class TemplateSolution
{
    private readonly string _nuGetPackages;

    private TemplateSolution(AspNetTemplate template, string folder, string nuGetPackages)
    {
        Template = template;
        Folder = folder;
        _nuGetPackages = nuGetPackages;
    }

    public AspNetTemplate Template { get; }

    /// <summary>The solution folder: the Docker build context.</summary>
    public string Folder { get; }

    public string ProjectFolder => Path.Combine(Folder, Template.ProjectName);

    public string ProjectFile => Path.Combine(ProjectFolder, Template.ProjectName + ".csproj");

    public string Dockerfile => Path.Combine(ProjectFolder, "Dockerfile");

    /// <summary>The generated run arguments (POSIX shell) the build writes under obj/.</summary>
    public string RunArguments => File.ReadAllText(Path.Combine(ProjectFolder, "obj", "Debug", "net10.0", "volumegen", "run-arguments.sh.txt")).Trim();

    /// <param name="projectProperties">MSBuild properties added to the project (the user's own settings).</param>
    public static TemplateSolution Create(string root, AspNetTemplate template, string nuGetPackages, bool visualStudioDockerfile, string projectProperties)
    {
        string folder = Path.Combine(root, template.ShortName + "-" + Guid.NewGuid().ToString("N").Substring(0, 6));
        Directory.CreateDirectory(folder);
        var solution = new TemplateSolution(template, folder, nuGetPackages);
        DockerEngine.Run("dotnet", new[] { "new", template.ShortName, "--auth", "Individual", "-o", solution.ProjectFolder, "-n", template.ProjectName, "--no-update-check" }, folder).EnsureSuccess();

        // The package as a user adds it (next to the template's own references), with the user's settings.
        string project = File.ReadAllText(solution.ProjectFile);
        project = new Regex("(\\s*)<PackageReference ", RegexOptions.None, TimeSpan.FromSeconds(5))
            .Replace(project, "$1<PackageReference Include=\"VolumeGen\" Version=\"0.1.0\" />$1<PackageReference ", 1);
        project = project.Replace("</TargetFramework>", "</TargetFramework>" + projectProperties, StringComparison.Ordinal);
        File.WriteAllText(solution.ProjectFile, project);

        if (visualStudioDockerfile)
        {
            File.WriteAllText(solution.Dockerfile, VisualStudioContainerFiles.Dockerfile(template.ProjectName));
            File.WriteAllText(Path.Combine(folder, ".dockerignore"), VisualStudioContainerFiles.DockerIgnore);
        }

        return solution;
    }

    public string Read(string relative) => File.ReadAllText(Path.Combine(ProjectFolder, relative));

    /// <summary><c>dotnet build</c>: restores, compiles with VolumeGen's analyzers and runs its build task.</summary>
    public ProcessResult Build()
        => DockerEngine.Run("dotnet", new[] { "build", ProjectFile, "--disable-build-servers", "-p:UseSharedCompilation=false", "-nologo", "-clp:NoSummary" }, Folder, PackedVolumeGen.Environment(_nuGetPackages));

    /// <summary>Applies the code fixes the way a command line does: <c>dotnet format analyzers</c> for the usage rules.</summary>
    public ProcessResult Format()
        => DockerEngine.Run("dotnet", new[] { "format", "analyzers", ProjectFile, "--diagnostics", "VG2001", "VG2005", "VG2006", "VG2007", "--severity", "warn", "--no-restore", "-v", "detailed" }, Folder, PackedVolumeGen.Environment(_nuGetPackages));

    /// <summary>The one line the test may add: apply the EF Core migrations at start-up, so a new, empty volume gets the schema.</summary>
    public void ApplyMigrationsAtStartup()
    {
        string program = Path.Combine(ProjectFolder, "Program.cs");
        string text = File.ReadAllText(program);
        const string build = "var app = builder.Build();";
        Assert.Contains(build, text, StringComparison.Ordinal);
        File.WriteAllText(program, text.Replace(build, build + "\nusing (var scope = app.Services.CreateScope()) scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Database.Migrate();", StringComparison.Ordinal));
    }

    /// <summary>The distinct VolumeGen warnings of a build (MSBuild may print one twice).</summary>
    public static IReadOnlyList<string> VolumeGenWarnings(ProcessResult build)
        => (build.Output + "\n" + build.Error).Split('\n')
            .Where(static line => Regex.IsMatch(line, @"warning VG\d{4}:", RegexOptions.None, TimeSpan.FromSeconds(5)))
            .Select(static line => line.Trim())
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>Every C# file of the project (not obj/ or bin/).</summary>
    public IEnumerable<string> SourceFiles()
        => Directory.EnumerateFiles(ProjectFolder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !path.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal));
}
