using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;
using System.Threading;

namespace VolumeGen.Docker.Tests.Infrastructure;

/// <summary>
/// The VolumeGen package, packed once per test run into a private feed for the projects these tests build the way
/// a user does (the ProfileService copy, <see cref="PackageConsumer"/>). Each consumer restores into its own
/// NUGET_PACKAGES: the version (0.1.0) never changes, so a shared or global cache would serve a stale package.
/// </summary>
internal static class PackedVolumeGen
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "volumegen-docker-tests", "package-" + Guid.NewGuid().ToString("N").Substring(0, 12));

    // One pack for every collection that needs it; a failure is kept and reported to each of them.
    private static readonly Lazy<string> PackedFeed = new(Pack, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>No build servers, so the analyzers and the build task are loaded fresh from the package.</summary>
    public static IReadOnlyList<string> QuietBuildArguments { get; } = new[] { "--disable-build-servers", "-p:UseSharedCompilation=false", "-nologo", "-v:q" };

    /// <summary>The folder holding the packed VolumeGen.0.1.0.nupkg; packs on first use.</summary>
    public static string Feed => PackedFeed.Value;

    /// <summary>A nuget.config adding <see cref="Feed"/> to the machine's sources.</summary>
    public static string NuGetConfig()
        => "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <add key=\"volumegen-docker-tests\" value=\""
            + SecurityElement.Escape(Feed) + "\" />\n  </packageSources>\n</configuration>\n";

    public static Dictionary<string, string> Environment(string nuGetPackages) => new()
    {
        ["NUGET_PACKAGES"] = nuGetPackages,
        ["MSBUILDDISABLENODEREUSE"] = "1",
    };

    private static string Pack()
    {
        string repo = ProfileServiceImage.RepoRoot();
        string feed = Path.Combine(Root, "feed");
        Directory.CreateDirectory(feed);
        AppDomain.CurrentDomain.ProcessExit += static (_, _) => DeleteRoot();

        // Own configuration name and no restore (the solution build restored it): other test projects pack src/VolumeGen concurrently.
        // The machine's packages folder, not a temporary one: where VolumeGen.Build has no assets yet, the pack restores
        // it, and assets pointing into a folder deleted after the run would break every later pack of this checkout.
        DockerEngine.Run("dotnet", new[] { "pack", Path.Combine(repo, "src", "VolumeGen", "VolumeGen.csproj"), "-c", "DockerTests", "--no-restore", "-p:PackageOutputPath=" + feed }.Concat(QuietBuildArguments),
            repo, new Dictionary<string, string> { ["MSBUILDDISABLENODEREUSE"] = "1" }).EnsureSuccess();
        return feed;
    }

    private static void DeleteRoot()
    {
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
}
