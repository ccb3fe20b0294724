using System;
using System.IO;
using VolumeGen.Docker.Tests.Infrastructure;

namespace VolumeGen.Docker.Tests.Templates;

/// <summary>
/// <c>mcr.microsoft.com/dotnet/sdk:10.0</c> for <c>docker build</c> without a registry: eng/docker-engine.sh
/// sdk-image makes <see cref="LocalImage"/> (the machine's whole SDK, NuGet with no source); this derives from it an
/// image whose global packages folder holds exactly the packages a host restore of the same projects fetched, and
/// tags it with the official name, so the unmodified Dockerfile's <c>dotnet restore</c> works offline.
/// <see cref="Dispose"/> puts the official name back on the local image.
/// </summary>
public sealed class OfflineSdkImage : IDisposable
{
    public const string OfficialName = "mcr.microsoft.com/dotnet/sdk:10.0";

    public const string LocalImage = "volumegen/dotnet-sdk:10.0";

    private readonly string _derived = "volumegen-test/dotnet-sdk-packages:" + Guid.NewGuid().ToString("N").Substring(0, 10);

    private OfflineSdkImage()
    {
    }

    /// <summary>Builds the derived image from <paramref name="nuGetPackages"/> (an isolated global packages folder).</summary>
    public static OfflineSdkImage Create(string nuGetPackages)
    {
        ProcessResult local = DockerEngine.Docker("image", "inspect", "--format", "{{.Id}}", LocalImage);
        if (local.ExitCode != 0)
        {
            throw new InvalidOperationException($"The local SDK image {LocalImage} is missing: run 'eng/docker-engine.sh sdk-image' (eng/docker-engine.sh up does).");
        }

        var image = new OfflineSdkImage();
        string dockerfile = Path.Combine(Path.GetDirectoryName(nuGetPackages)!, "sdk-packages-" + Guid.NewGuid().ToString("N").Substring(0, 6) + ".Dockerfile");
        File.WriteAllText(dockerfile, $"FROM {LocalImage}\nCOPY . /root/.nuget/packages/\n");
        try
        {
            DockerEngine.Run("docker", new[] { "build", "-q", "-f", dockerfile, "-t", image._derived, nuGetPackages }, workingDirectory: null).EnsureSuccess();
            DockerEngine.Docker("tag", image._derived, OfficialName).EnsureSuccess();
        }
        finally
        {
            File.Delete(dockerfile);
        }

        return image;
    }

    public void Dispose()
    {
        DockerEngine.Docker("tag", LocalImage, OfficialName);
        DockerEngine.RemoveImage(_derived);
    }
}
