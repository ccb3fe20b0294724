using System;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using VolumeGen.Docker.Tests.Infrastructure;
using VolumeGen.TestSupport;
using Xunit;

namespace VolumeGen.Docker.Tests.Templates;

/// <summary>
/// Issue 22, several projects, one image, end to end: the layered solution (Web → Application → Infrastructure, EF Core
/// and a file store in Infrastructure, the volume declared in Web, Visual Studio's multi-project Dockerfile at the root)
/// built from the packed package gets exactly the expected warnings, in the library and in the app; fixed as the docs say
/// it builds clean; its root Dockerfile, built by <c>docker build</c> and run with the generated arguments, keeps the data
/// the library wrote — the database rows and the attachment files — when the container is replaced.
/// </summary>
[Collection(TemplateAppsCollection.Name)]
public sealed class LayeredSolutionEndToEndTests
{
    private readonly TemplateAppsFixture _fixture;

    public LayeredSolutionEndToEndTests(TemplateAppsFixture fixture) => _fixture = fixture;

    [SkippableFact]
    public async Task The_data_a_class_library_writes_survives_a_replaced_container_after_the_documented_fixes()
    {
        DockerEngine.SkipUnlessAvailable();
        LayeredSolution solution = LayeredSolution.Create(_fixture.PreparedRoot());

        // First build: Web writes its storage lock and reports its Dockerfile; the libraries cannot know Web's declarations yet.
        ProcessResult build = Build(solution);
        Assert.True(build.ExitCode == 0, build.Output + build.Error);
        string? firstBuild = solution.Mismatch(LayeredSolution.VolumeGenWarnings(build.Output + build.Error), LayeredSolution.AppWarningsBeforeFixes);
        Assert.True(firstBuild is null, firstBuild);

        // With the lock: the library's database and file store warn, Application's write into Web's /app/data does not.
        build = Build(solution);
        Assert.True(build.ExitCode == 0, build.Output + build.Error);
        string? before = solution.Mismatch(LayeredSolution.VolumeGenWarnings(build.Output + build.Error), LayeredSolution.LibraryWarningsBeforeFixes);
        Assert.True(before is null, before);

        solution.ApplyDocumentedFixes();
        build = Build(solution);
        Assert.True(build.ExitCode == 0, build.Output + build.Error);
        string? clean = solution.Mismatch(LayeredSolution.VolumeGenWarnings(build.Output + build.Error), Array.Empty<(string, string)>());
        Assert.True(clean is null, clean);
        Assert.Contains("VOLUME [\"/app/data\"]", solution.Read("Dockerfile"), StringComparison.Ordinal);

        string image = _fixture.NewImage("layered-web");
        using (OfflineSdkImage.Create(_fixture.NuGetPackages))
        {
            ProcessResult dockerBuild = _fixture.BuildImage(image, solution.Dockerfile, solution.Folder, solution.Folder, timeoutSeconds: 1200);
            Assert.True(dockerBuild.ExitCode == 0, "docker build of the root Dockerfile failed:\n" + dockerBuild.Output + dockerBuild.Error);
        }

        string arguments = solution.RunArguments;
        Assert.Contains("source=" + solution.VolumeName + ",", arguments, StringComparison.Ordinal);
        Assert.False(DockerEngine.VolumeNames().Contains(solution.VolumeName), $"The volume '{solution.VolumeName}' already exists on this engine; the test will not touch it.");
        _fixture.Owns(solution.VolumeName);

        try
        {
            int port = DockerEngine.FreeLoopbackPort();
            var site = new Uri($"http://127.0.0.1:{port}");
            using var http = new HttpClient { BaseAddress = site, Timeout = TimeSpan.FromSeconds(30) };
            string first = await StartAsync(image, arguments, site);
            using (HttpResponseMessage added = await http.PostAsync("/notes/first", new StringContent("the attachment the library stored", Encoding.UTF8)))
            {
                Assert.True(added.IsSuccessStatusCode, "POST /notes failed: " + added.StatusCode + "\n" + await added.Content.ReadAsStringAsync() + Logs(first));
            }

            Assert.Equal("first: the attachment the library stored", await http.GetStringAsync("/notes"));

            // Replace the container: remove it, start a new one from the same image with the same generated arguments.
            DockerEngine.RemoveContainers(first).EnsureSuccess();
            string second = await StartAsync(image, arguments, site);
            string notes = await http.GetStringAsync("/notes");
            Assert.True(notes == "first: the attachment the library stored",
                "After the container was replaced the note (SQLite, written by Infrastructure) or its attachment (the file store) is gone: '" + notes + "'\n" + Logs(second));
        }
        finally
        {
            _fixture.RemoveContainersAndVolumes();
        }
    }

    private ProcessResult Build(LayeredSolution solution)
        => DockerEngine.Run("dotnet", new[] { "build", solution.WebProject, "--disable-build-servers", "-p:UseSharedCompilation=false", "-nologo", "-clp:NoSummary" }, solution.Folder, PackedVolumeGen.Environment(_fixture.NuGetPackages));

    /// <summary>Starts the image with the generated arguments, on the host's loopback only, and waits until it answers.</summary>
    private async Task<string> StartAsync(string image, string arguments, Uri site)
    {
        string container = _fixture.NewContainer("layered-web");
        // The generated line is quoted for a POSIX shell; the rest are plain words.
        string command = $"exec docker run -d --name {container} --network host -e ASPNETCORE_URLS={site.GetLeftPart(UriPartial.Authority)} {arguments} {image}";
        DockerEngine.Run("sh", new[] { "-c", command }, workingDirectory: null).EnsureSuccess();
        Assert.True(await DockerEngine.WaitForHttpAsync(new Uri(site, "/health").ToString(), container), "The app did not answer.\n" + Logs(container));
        return container;
    }

    private static string Logs(string container)
    {
        ProcessResult logs = DockerEngine.Docker("logs", "--tail", "60", container);
        return "\n--- docker logs " + container + " ---\n" + logs.Output + logs.Error;
    }
}
