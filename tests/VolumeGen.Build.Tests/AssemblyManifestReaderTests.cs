using System.IO;
using Xunit;

namespace VolumeGen.Build.Tests;

/// <summary>
/// The reader of a built assembly's manifest (src/Common, compiled into the build task and the CLI): tested here, with the
/// other shared file the build task is the first user of (<see cref="ArtifactFileTests"/>).
/// </summary>
public sealed class AssemblyManifestReaderTests
{
    [Fact]
    public void Reads_the_manifest_json_of_a_built_assembly()
    {
        using var temp = new TempFolder();
        VolumeManifest manifest = ManifestAssembly.Of("App.Storage", Mount.NamedVolume("/app/data", "profiles"), Mount.AnonymousVolume("/app/cache"));
        string path = ManifestAssembly.Write(temp.Path, manifest, "WithManifest");

        AssemblyManifestResult result = AssemblyManifestReader.Read(path);

        Assert.Equal(AssemblyManifestStatus.Found, result.Status);
        Assert.Equal(manifest, VolumeManifest.Parse(result.Json!));
    }

    [Fact]
    public void An_assembly_without_the_attribute_is_no_manifest_with_a_message_naming_the_file()
    {
        using var temp = new TempFolder();
        string path = ManifestAssembly.Write(temp.Path, manifest: null, "Plain");

        AssemblyManifestResult result = AssemblyManifestReader.Read(path);

        Assert.Equal(AssemblyManifestStatus.NoManifest, result.Status);
        Assert.Contains(path, result.Message);
        Assert.Contains("[PersistentVolume]", result.Message);
    }

    [Fact]
    public void A_missing_file_and_a_non_assembly_are_told_apart()
    {
        using var temp = new TempFolder();
        string text = Path.Combine(temp.Path, "notes.dll");
        File.WriteAllText(text, "not a PE file");

        Assert.Equal(AssemblyManifestStatus.FileNotFound, AssemblyManifestReader.Read(Path.Combine(temp.Path, "gone.dll")).Status);
        AssemblyManifestResult notAssembly = AssemblyManifestReader.Read(text);
        Assert.Equal(AssemblyManifestStatus.NotAnAssembly, notAssembly.Status);
        Assert.Contains(text, notAssembly.Message);
    }
}
