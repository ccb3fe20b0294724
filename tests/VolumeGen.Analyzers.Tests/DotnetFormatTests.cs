using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using VolumeGen.Analyzers.Tests.Infrastructure;
using VolumeGen.CodeFixers.Usage;
using VolumeGen.SourceGenerators.Usage;
using Xunit;

namespace VolumeGen.Analyzers.Tests;

/// <summary>The code fix applied by the real command-line tool: <c>dotnet format analyzers --diagnostics VG2001</c> on a small project.</summary>
public sealed class DotnetFormatTests
{
    [Fact]
    public async Task Dotnet_format_declares_the_written_folder_as_a_persistent_volume()
    {
        string directory = Path.Combine(Path.GetTempPath(), "volumegen-format-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            string analyzer = typeof(ContainerWriteAnalyzer).Assembly.Location;
            string codeFixes = typeof(DeclarePersistentVolumeCodeFix).Assembly.Location;
            File.WriteAllText(Path.Combine(directory, "Sample.csproj"), $"""
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
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(directory, "AppStorage.cs"), "using VolumeGen;\n\n[PersistentVolume(\"/app/data\")]\npublic static partial class AppStorage\n{\n}\n");
            File.WriteAllText(Path.Combine(directory, "Uploads.cs"), "using System.IO;\n\npublic static class Uploads\n{\n    public static void Save(byte[] bytes) => File.WriteAllBytes(\"/srv/uploads/avatar.png\", bytes);\n}\n");

            (int exitCode, string output) = await RunAsync(directory, "restore", "Sample.csproj", "-p:UseSharedCompilation=false");
            Assert.True(exitCode == 0, output);
            (exitCode, output) = await RunAsync(directory, "format", "analyzers", "Sample.csproj", "--diagnostics", "VG2001", "--severity", "info", "--no-restore");
            Assert.True(exitCode == 0, output);

            string storage = File.ReadAllText(Path.Combine(directory, "AppStorage.cs"));
            Assert.Contains("[PersistentVolume(\"/srv/uploads\")]", storage, StringComparison.Ordinal);
            Assert.Contains("[PersistentVolume(\"/app/data\")]", storage, StringComparison.Ordinal);
        }
        finally
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
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
