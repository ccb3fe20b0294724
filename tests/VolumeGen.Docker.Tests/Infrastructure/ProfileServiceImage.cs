using System;
using System.IO;
using System.Linq;

namespace VolumeGen.Docker.Tests.Infrastructure;

/// <summary>
/// The samples/ProfileService image, built the way a user builds it: publish a copy of the sample against the
/// PACKED package (<see cref="PackedVolumeGen"/>: a private feed, isolated NUGET_PACKAGES, since the version never
/// changes), and <c>docker build</c> its VolumeGen-maintained Dockerfile. The copy lives in a temp folder, so the
/// repository's sample (bin/, obj/, Dockerfile) is never touched and other test projects' packs do not race with it.
/// Shared (linked) by every test project that runs the sample's image.
/// </summary>
public sealed class ProfileServiceImage : IDisposable
{
    private bool _built;

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "volumegen-docker-tests", Guid.NewGuid().ToString("N").Substring(0, 12));

    public string SampleFolder => Path.Combine(Root, "samples", "ProfileService");

    public string Assembly => Path.Combine(SampleFolder, "bin", "publish", "ProfileService.dll");

    public string Image { get; } = "volumegen-test/profileservice:" + Guid.NewGuid().ToString("N").Substring(0, 10);

    /// <summary>The declared mounts, read back from the published assembly's manifest.</summary>
    public MountSet Mounts { get; private set; } = MountSet.Empty;

    /// <summary>Publishes the copy and builds the image; throws with the failing command's output.</summary>
    public void Build()
    {
        CopySample(Root);
        DockerEngine.Run("dotnet", new[] { "publish", "ProfileService.csproj", "-c", "Release", "-o", Path.Combine("bin", "publish") }.Concat(PackedVolumeGen.QuietBuildArguments),
            SampleFolder, PackedVolumeGen.Environment(Path.Combine(Root, "nuget-packages"))).EnsureSuccess();
        _built = true;
        DockerEngine.Docker("build", "--network", "host", "-q", "-t", Image, SampleFolder).EnsureSuccess();

        AssemblyManifestResult manifest = AssemblyManifestReader.Read(Assembly);
        if (manifest.Status != AssemblyManifestStatus.Found)
        {
            throw new InvalidOperationException(manifest.Message);
        }

        Mounts = VolumeManifest.Parse(manifest.Json!).AllMounts;
    }

    public void Dispose()
    {
        if (_built)
        {
            DockerEngine.RemoveImage(Image);
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// Copies samples/ProfileService (without bin/, obj/, .volumegen/) to <paramref name="root"/>/samples/ProfileService,
    /// with the repository's build settings and a nuget.config naming the packed feed. Returns the sample folder.
    /// </summary>
    public static string CopySample(string root)
    {
        string repo = RepoRoot();
        Directory.CreateDirectory(root);
        foreach (string file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" })
        {
            File.Copy(Path.Combine(repo, file), Path.Combine(root, file));
        }

        string sample = Path.Combine(root, "samples", "ProfileService");
        CopyFolder(Path.Combine(repo, "samples", "ProfileService"), sample);
        File.WriteAllText(Path.Combine(root, "nuget.config"), PackedVolumeGen.NuGetConfig());
        return sample;
    }

    public static string RepoRoot()
    {
        string? folder = AppContext.BaseDirectory;
        while (folder is not null && !File.Exists(Path.Combine(folder, "VolumeGen.sln")))
        {
            folder = Path.GetDirectoryName(folder);
        }

        return folder ?? throw new InvalidOperationException("VolumeGen.sln not found above " + AppContext.BaseDirectory);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (string folder in Directory.GetDirectories(from))
        {
            string name = Path.GetFileName(folder);
            if (name is "bin" or "obj" or ".volumegen")
            {
                continue;
            }

            CopyFolder(folder, Path.Combine(to, name));
        }
    }
}
