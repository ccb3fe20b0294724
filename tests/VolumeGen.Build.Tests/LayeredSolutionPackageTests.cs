using System.Collections.Generic;
using System.IO;
using VolumeGen.TestSupport;
using Xunit;

namespace VolumeGen.Build.Tests;

/// <summary>
/// Several projects, one image (issue 22), with real builds of the packed package: the layered solution of
/// <see cref="LayeredSolution"/> gets exactly the warnings it should — the class library's database and file store are
/// lost, Application's write into Web's volume is not — and, fixed as the docs say, builds clean with the root
/// Dockerfile's block written. The engine run of the same solution is VolumeGen.Docker.Tests' LayeredSolutionEndToEndTests.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class LayeredSolutionPackageTests
{
    private readonly PackageFixture _fixture;

    public LayeredSolutionPackageTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void A_layered_solution_gets_every_warning_in_its_libraries_and_none_on_the_apps_declared_path_then_builds_clean_after_the_documented_fixes()
    {
        LayeredSolution solution = LayeredSolution.Create(_fixture.Root);

        // A fresh clone before Web was ever built has no Web/volumegen.lock.json: the libraries cannot know Web's
        // declarations, so they judge nothing (VG2009, an info); Web writes its lock and reports its Dockerfile.
        (int exit, string output) = Build(solution);
        Assert.True(exit == 0, output);
        string? first = solution.Mismatch(LayeredSolution.VolumeGenWarnings(output), LayeredSolution.AppWarningsBeforeFixes);
        Assert.True(first is null, first);
        StorageLock webLock = StorageLock.Parse(solution.Read("Web/volumegen.lock.json"));
        Assert.Equal(new[] { Mount.NamedVolume("/app/data", solution.VolumeName) }, webLock.DeclarationsOf("Web")!.Mounts);

        // With the lock (as committed after that build), every library warning; Web's task is up to date and says nothing new.
        (exit, output) = Build(solution);
        Assert.True(exit == 0, output);
        string? before = solution.Mismatch(LayeredSolution.VolumeGenWarnings(output), LayeredSolution.LibraryWarningsBeforeFixes);
        Assert.True(before is null, before);

        solution.ApplyDocumentedFixes();
        (exit, output) = Build(solution);
        Assert.True(exit == 0, output);
        string? after = solution.Mismatch(LayeredSolution.VolumeGenWarnings(output), new List<(string, string)>());
        Assert.True(after is null, after);
        string dockerfile = solution.Read("Dockerfile");
        Assert.Contains("# >>> VolumeGen: Web (generated from AppStorage;", dockerfile);
        Assert.Contains("VOLUME [\"/app/data\"]", dockerfile);
        Assert.Contains("&& chown -R $APP_UID /app/data", dockerfile);
    }

    private (int ExitCode, string Output) Build(LayeredSolution solution)
        => Processes.Run("dotnet", new[] { "build", solution.WebProject, "--disable-build-servers", "-p:UseSharedCompilation=false", "-nologo", "-clp:NoSummary" }, solution.Folder, _fixture.Environment());
}
