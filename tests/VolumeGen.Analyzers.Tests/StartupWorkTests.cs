using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using VolumeGen.Analyzers.Tests.Infrastructure;
using VolumeGen.SourceGenerators.Analyzers;
using Xunit;

namespace VolumeGen.Analyzers.Tests;

/// <summary>
/// Start-up work only when needed (docs/performance.md): a compilation without any write reads no container file that
/// VG2008's choice of Dockerfile does not need (compose files only when one may build a Dockerfile outside the project
/// folder), and reports VG2008 exactly as a compilation with writes does.
/// </summary>
public sealed class StartupWorkTests
{
    private const string NoWrite = "namespace Shop;\npublic static class Prices\n{\n    public static decimal Net(decimal gross) => System.Math.Round(gross / 1.2m, 2);\n    public static string Read(string path) => System.IO.File.ReadAllText(path);\n}\n";

    private const string Write = "namespace Shop;\npublic static class Uploads\n{\n    public static void Save(string text) => System.IO.File.WriteAllText(\"/srv/shop/data/a.txt\", text);\n}\n";

    private static readonly Dictionary<string, string> Project = new()
    {
        ["build_property.MSBuildProjectDirectory"] = "/repo/src/Shop",
        ["build_property.MSBuildProjectName"] = "Shop",
    };

    private static TestAdditionalText OwnDockerfile() => new("/repo/src/Shop/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /srv/shop\nENTRYPOINT [\"dotnet\", \"Shop.dll\"]\n");

    private static TestAdditionalText RootDockerfile() => new("/repo/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /srv/root\nCOPY src/Shop/Shop.csproj .\n");

    private static TestAdditionalText ProductionDockerfile() => new("/repo/src/Shop/Dockerfile.prod", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /srv/prod\nENTRYPOINT [\"dotnet\", \"Shop.dll\"]\n");

    private static TestAdditionalText Compose() => new("/repo/src/Shop/compose.yaml", "services:\n  shop:\n    build: .\n    volumes:\n      - shop-data:/srv/shop/data\nvolumes:\n  shop-data:\n");

    [Fact]
    public async Task Without_a_write_the_Dockerfile_VolumeGenDockerfile_names_is_the_only_file_read()
    {
        TestAdditionalText own = OwnDockerfile(), root = RootDockerfile(), compose = Compose();
        var options = new Dictionary<string, string>(Project) { ["build_property.VolumeGenDockerfilePath"] = "/repo/src/Shop/Dockerfile" };

        ImmutableArray<Diagnostic> diagnostics = await RunAsync(NoWrite, options, own, root, compose);

        Assert.Empty(diagnostics);
        Assert.Equal(0, compose.Reads);
        Assert.Equal(0, root.Reads);
    }

    [Fact]
    public async Task Without_a_write_VG2008_reads_the_Dockerfiles_but_not_the_compose_files_when_every_Dockerfile_is_in_the_project_folder()
    {
        TestAdditionalText own = OwnDockerfile(), production = ProductionDockerfile(), compose = Compose();

        ImmutableArray<Diagnostic> withoutWrite = await RunAsync(NoWrite, Project, own, production, compose);
        ImmutableArray<Diagnostic> withWrite = await RunAsync(Write, Project, OwnDockerfile(), ProductionDockerfile(), Compose());

        Assert.Equal(0, compose.Reads);
        Diagnostic chosen = Assert.Single(withoutWrite);
        Assert.Equal("VG2008", chosen.Id);
        Assert.Equal("/repo/src/Shop/Dockerfile", chosen.Location.GetLineSpan().Path);
        Assert.Equal(chosen.ToString(), Assert.Single(withWrite, d => d.Id == "VG2008").ToString());
        // The write sees the chosen Dockerfile's WORKDIR and the compose file's volume: the full read happened there.
        Assert.Empty(withWrite.Where(d => d.Id != "VG2008"));
    }

    [Fact]
    public async Task Without_a_write_VG2008_reads_the_compose_files_when_one_may_build_a_Dockerfile_outside_the_project_folder_and_says_what_a_write_would_see()
    {
        // A compose service that builds the root Dockerfile from the project folder makes it the project's: the choice needs the compose file.
        TestAdditionalText own = OwnDockerfile(), root = RootDockerfile(), compose = Compose();

        ImmutableArray<Diagnostic> withoutWrite = await RunAsync(NoWrite, Project, own, root, compose);
        ImmutableArray<Diagnostic> withWrite = await RunAsync(Write, Project, OwnDockerfile(), RootDockerfile(), Compose());

        Assert.True(compose.Reads > 0);
        Diagnostic chosen = Assert.Single(withoutWrite);
        Assert.Equal("VG2008", chosen.Id);
        Assert.Equal(chosen.ToString(), Assert.Single(withWrite, d => d.Id == "VG2008").ToString());
    }

    private static async Task<ImmutableArray<Diagnostic>> RunAsync(string source, Dictionary<string, string> options, params TestAdditionalText[] files)
    {
        CSharpCompilation compilation = CSharpCompilation.Create("Shop",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), "/repo/src/Shop/Code.cs") },
            TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var analyzerOptions = new AnalyzerOptions(files.Cast<AdditionalText>().ToImmutableArray(), new TestOptionsProvider(options));
        CompilationWithAnalyzers withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ContainerWriteAnalyzer(), new DeclarationAnalyzer()), analyzerOptions);
        return await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
    }
}
