using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using VolumeGen.CodeFixers.Tests.Infrastructure;
using VolumeGen.CodeFixers.Usage;
using VolumeGen.SourceGenerators.Analyzers;
using VolumeGen.SourceGenerators.Usage;
using VolumeGen.TestSupport;
using Xunit;

namespace VolumeGen.CodeFixers.Tests.Usage;

/// <summary>The code fix applied by the real command-line tool: <c>dotnet format analyzers --diagnostics VG2001</c> on a small project.</summary>
public sealed class DotnetFormatTests
{
    [Fact]
    public async Task Dotnet_format_declares_the_written_folder_as_a_persistent_volume()
    {
        using var project = new FormatProject();
        project.Write("AppStorage.cs", "using VolumeGen;\n\n[PersistentVolume(\"/app/data\")]\npublic static partial class AppStorage\n{\n}\n");
        project.Write("Uploads.cs", "using System.IO;\n\npublic static class Uploads\n{\n    public static void Save(byte[] bytes) => File.WriteAllBytes(\"/srv/uploads/avatar.png\", bytes);\n}\n");

        await project.FormatAsync("VG2001");

        string storage = project.Read("AppStorage.cs");
        Assert.Contains("[PersistentVolume(\"/srv/uploads\")]", storage, StringComparison.Ordinal);
        Assert.Contains("[PersistentVolume(\"/app/data\")]", storage, StringComparison.Ordinal);
    }

    /// <summary>
    /// Regression (issue 12): in a project without a storage class, <c>dotnet format</c> applied "mark ephemeral" and
    /// silenced every warning with nested <c>[assembly: EphemeralPath]</c> lines while the data was still lost. The
    /// tool must apply the fix that persists the data: one new storage class declaring one folder per data root.
    /// </summary>
    [Fact]
    public async Task Dotnet_format_without_a_storage_class_persists_the_data_and_never_marks_it_ephemeral()
    {
        using var project = new FormatProject();
        project.Write("Store.cs", """
            using System.IO;

            public static class Store
            {
                public static void SaveDatabase(byte[] bytes) => File.WriteAllBytes("/srv/app/app.db", bytes);

                public static void SaveConfig(string json) => File.WriteAllText("/srv/app/config/settings.json", json);

                public static void SaveUpload(byte[] bytes) => File.WriteAllBytes("/srv/app/uploads/2024/avatar.png", bytes);

                public static void SaveThumbnail(byte[] bytes) => File.WriteAllBytes("/srv/app/uploads/2024/thumbs/avatar.png", bytes);
            }
            """);

        (int before, string beforeOutput) = await project.BuildAsync();
        Assert.True(before == 0, beforeOutput);
        Assert.Equal(4, FormatProject.CountWarnings(beforeOutput, "VG2001"));

        await project.FormatAsync("VG2001");

        foreach (string file in project.SourceFiles())
        {
            Assert.DoesNotContain("EphemeralPath", File.ReadAllText(file), StringComparison.Ordinal);
        }

        // One data root for the database, its config and the nested upload folders; the class lands in the file of the writes.
        string storage = project.Read("Store.cs");
        Assert.Contains("[VolumeGen.PersistentVolume(\"/srv/app\")]\npublic static partial class ContainerStorage", storage, StringComparison.Ordinal);
        Assert.Equal(1, storage.Split("PersistentVolume(").Length - 1);

        (int after, string afterOutput) = await project.BuildAsync();
        Assert.True(after == 0, afterOutput);
        Assert.Equal(0, FormatProject.CountWarnings(afterOutput, "VG2001"));
    }

    /// <summary>
    /// The fix on a configured value, applied by the real <c>dotnet format</c> (whose workspace saves edited
    /// AdditionalFiles): the diagnostic comes from a small analyzer compiled here that reports the analyzer contract's
    /// properties, so this holds whatever analysis produces them.
    /// </summary>
    [Fact]
    public async Task Dotnet_format_moves_a_configured_value_into_the_data_root_adds_the_Dockerfile_markers_and_declares_it()
    {
        string analyzer = ContractAnalyzerAssembly.Emit();
        using var project = new FormatProject(analyzer, "<AdditionalFiles Include=\"appsettings.json;Dockerfile\" />", alsoDelete: Path.GetDirectoryName(analyzer));
        project.Write("Program.cs", "public class Settings { public string GetConnectionString(string name) => name; }\n\npublic static class Program\n{\n    public static string Connect(Settings configuration) => configuration.GetConnectionString(\"DefaultConnection\");\n}\n");
        const string settings = "{\n  // The accounts live here.\n  \"ConnectionStrings\": {\n    \"DefaultConnection\": \"DataSource=app.db;Cache=Shared\"\n  },\n  \"AllowedHosts\": \"*\",\n}\n";
        project.Write("appsettings.json", settings);
        const string dockerfile = "FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS base\nUSER $APP_UID\nWORKDIR /app\n\nFROM base AS final\nCOPY --from=publish /app/publish .\nENTRYPOINT [\"dotnet\", \"Sample.dll\"]\n";
        project.Write("Dockerfile", dockerfile);

        await project.FormatAsync("VG2001");

        Assert.Equal(settings.Replace("DataSource=app.db", "DataSource=/app/data/app.db", StringComparison.Ordinal), project.Read("appsettings.json"));
        Assert.Equal(dockerfile.Replace("AS base\nUSER", "AS base\n# >>> VolumeGen\n# <<< VolumeGen\nUSER", StringComparison.Ordinal), project.Read("Dockerfile"));
        Assert.Contains("[VolumeGen.PersistentVolume(\"/app/data\")]\npublic static partial class ContainerStorage", project.Read("Program.cs"), StringComparison.Ordinal);
        Assert.DoesNotContain("Compile", project.Read("Sample.csproj"), StringComparison.Ordinal);
    }

    /// <summary>A throw-away SDK project that references the analyzer and code-fix assemblies under test.</summary>
    private sealed class FormatProject : IDisposable
    {
        private readonly string? _alsoDelete;

        public FormatProject(string? extraAnalyzer = null, string extraItems = "", string? alsoDelete = null)
        {
            _alsoDelete = alsoDelete;
            Directory = Path.Combine(Path.GetTempPath(), "volumegen-format-" + Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(Directory);
            string analyzer = typeof(ContainerWriteAnalyzer).Assembly.Location;
            string codeFixes = typeof(DeclarePersistentVolumeCodeFix).Assembly.Location;
            Write("Sample.csproj", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <UseSharedCompilation>false</UseSharedCompilation>
                    <ImplicitUsings>disable</ImplicitUsings>
                  </PropertyGroup>
                  <ItemGroup>
                    <Reference Include="VolumeGen" HintPath="{TestReferences.VolumeGenAssemblyPath}" />
                    <Analyzer Include="{analyzer}" />
                    <Analyzer Include="{codeFixes}" />
                    {(extraAnalyzer is null ? string.Empty : $"<Analyzer Include=\"{extraAnalyzer}\" />")}
                    {extraItems}
                  </ItemGroup>
                </Project>
                """);
        }

        public string Directory { get; }

        public void Write(string name, string text) => File.WriteAllText(Path.Combine(Directory, name), text);

        public string Read(string name) => File.ReadAllText(Path.Combine(Directory, name));

        public string[] SourceFiles() => System.IO.Directory.GetFiles(Directory, "*.cs", SearchOption.TopDirectoryOnly);

        public async Task FormatAsync(string diagnosticId)
        {
            (int exitCode, string output) = await RunAsync(Directory, "restore", "Sample.csproj", "-p:UseSharedCompilation=false");
            Assert.True(exitCode == 0, output);
            (exitCode, output) = await RunAsync(Directory, "format", "analyzers", "Sample.csproj", "--diagnostics", diagnosticId, "--severity", "info", "--no-restore");
            Assert.True(exitCode == 0, output);
        }

        public Task<(int ExitCode, string Output)> BuildAsync()
            => RunAsync(Directory, "build", "Sample.csproj", "-p:UseSharedCompilation=false", "--disable-build-servers", "-nologo", "-clp:NoSummary");

        /// <summary>Distinct warnings of <paramref name="id"/> in build output (MSBuild repeats each one in its summary).</summary>
        public static int CountWarnings(string output, string id)
            => output.Split('\n').Where(line => line.Contains("warning " + id + ":", StringComparison.Ordinal)).Select(static line => line.Trim()).Distinct(StringComparer.Ordinal).Count();

        public void Dispose()
        {
            foreach (string? folder in new[] { Directory, _alsoDelete })
            {
                try
                {
                    if (folder is not null)
                    {
                        System.IO.Directory.Delete(folder, recursive: true);
                    }
                }
                catch (IOException)
                {
                }
            }
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, "dotnet " + string.Join(" ", arguments) + "\n" + await stdout + await stderr);
    }
}
