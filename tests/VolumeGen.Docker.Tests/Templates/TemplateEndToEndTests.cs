using System;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using VolumeGen.Docker.Tests.Infrastructure;
using Xunit;

namespace VolumeGen.Docker.Tests.Templates;

/// <summary>
/// Issue 12, end to end, as a new user meets VolumeGen: an unmodified <c>dotnet new … --auth Individual</c> app with
/// the packed package and the Dockerfile Visual Studio writes gets exactly the database and key-ring warnings;
/// <c>dotnet format</c> applies the fixes; the build is clean; the image built from that Dockerfile and run with the
/// generated arguments keeps accounts and logins when the container is replaced.
/// </summary>
[Collection(TemplateAppsCollection.Name)]
public sealed class TemplateEndToEndTests
{
    private const string Password = "Vg-Passw0rd!";

    // No VolumeGen setting at all (issue 15): the Visual Studio Dockerfile's base stage says USER $APP_UID, so the block
    // gives the volume folders to $APP_UID by default (docs/build.md, "Ownership for non-root images").
    private const string UserSettings = "";

    private readonly TemplateAppsFixture _fixture;

    public TemplateEndToEndTests(TemplateAppsFixture fixture) => _fixture = fixture;

    [SkippableTheory]
    [InlineData("webapp")]
    [InlineData("mvc")]
    [InlineData("blazor")]
    public async Task Template_app_keeps_accounts_and_logins_across_a_replaced_container_after_the_fixes(string templateName)
    {
        DockerEngine.SkipUnlessAvailable();
        AspNetTemplate template = AspNetTemplate.Named(templateName);
        TemplateSolution solution = _fixture.Create(template, visualStudioDockerfile: true, UserSettings);
        string originalSettings = solution.Read("appsettings.json");

        ProcessResult build = solution.Build();
        Assert.True(build.ExitCode == 0, build.Output + build.Error);
        TemplateWarnings.AssertDatabaseAndKeyRing(TemplateSolution.VolumeGenWarnings(build), build.Output);

        ProcessResult format = solution.Format();
        Assert.True(format.ExitCode == 0, format.Output + format.Error);
        Assert.DoesNotContain(solution.SourceFiles(), static file => File.ReadAllText(file).Contains("EphemeralPath", StringComparison.Ordinal));
        Assert.NotEqual(originalSettings, solution.Read("appsettings.json"));

        solution.ApplyMigrationsAtStartup();
        ProcessResult clean = solution.Build();
        Assert.True(clean.ExitCode == 0, clean.Output + clean.Error);
        Assert.True(TemplateSolution.VolumeGenWarnings(clean).Count == 0, "The fixed app still gets VolumeGen warnings:\n" + string.Join("\n", TemplateSolution.VolumeGenWarnings(clean)) + "\n--- dotnet format ---\n" + format.Output);
        Assert.Contains("VOLUME [", File.ReadAllText(solution.Dockerfile), StringComparison.Ordinal);
        Assert.Contains("&& chown -R $APP_UID ", File.ReadAllText(solution.Dockerfile), StringComparison.Ordinal);

        string image = _fixture.NewImage(template);
        using (OfflineSdkImage.Create(_fixture.NuGetPackages))
        {
            ProcessResult dockerBuild = _fixture.BuildImage(image, solution.Dockerfile, solution.Folder, solution.Folder, timeoutSeconds: 1200);
            Assert.True(dockerBuild.ExitCode == 0, "docker build of the Visual Studio Dockerfile failed:\n" + dockerBuild.Output + dockerBuild.Error);
        }

        string arguments = solution.RunArguments;
        foreach (Match volume in Regex.Matches(arguments, "source=([A-Za-z0-9][A-Za-z0-9_.-]*)", RegexOptions.None, TimeSpan.FromSeconds(5)))
        {
            string name = volume.Groups[1].Value;
            Assert.False(DockerEngine.VolumeNames().Contains(name), $"The generated arguments name the volume '{name}', which already exists on this shared engine; the test will not touch it.");
            _fixture.Owns(name);
        }

        try
        {
            int port = DockerEngine.FreeLoopbackPort();
            var site = new Uri($"http://127.0.0.1:{port}");
            string first = await StartAsync(template, image, arguments, site);
            string email = "user-" + Guid.NewGuid().ToString("N").Substring(0, 8) + "@example.test";
            using var browser = new IdentityBrowser(template, site);
            await browser.RegisterAsync(email, Password);
            Assert.True(await browser.SignInAsync(email, Password), "Signing in right after registering failed.\n" + Logs(first));
            Assert.True(await browser.IsSignedInAsync(), "The fresh login cookie is not accepted.\n" + Logs(first));

            // Replace the container: remove it, start a new one with the same generated arguments.
            DockerEngine.RemoveContainers(first).EnsureSuccess();
            string second = await StartAsync(template, image, arguments, site);

            Assert.True(await browser.IsSignedInAsync(), "After the container was replaced the login cookie is rejected: the Data Protection key ring was lost.\n" + Logs(second));
            using var again = new IdentityBrowser(template, site);
            Assert.True(await again.SignInAsync(email, Password), "After the container was replaced the account cannot sign in: the database was lost.\n" + Logs(second));
        }
        finally
        {
            _fixture.RemoveContainersAndVolumes();
        }
    }

    /// <summary>Starts the image with the generated arguments, on the host's loopback only, and waits until it answers.</summary>
    private async Task<string> StartAsync(AspNetTemplate template, string image, string arguments, Uri site)
    {
        string container = _fixture.NewContainer(template);
        // The generated line is quoted for a POSIX shell; the rest are plain words.
        string command = $"exec docker run -d --name {container} --network host -e ASPNETCORE_URLS={site.GetLeftPart(UriPartial.Authority)} {arguments} {image}";
        DockerEngine.Run("sh", new[] { "-c", command }, workingDirectory: null).EnsureSuccess();
        Assert.True(await DockerEngine.WaitForHttpAsync(new Uri(site, template.LoginPath).ToString(), container), "The app did not answer.\n" + Logs(container));
        return container;
    }

    private static string Logs(string container)
    {
        ProcessResult logs = DockerEngine.Docker("logs", "--tail", "60", container);
        return "--- docker logs " + container + " ---\n" + logs.Output + logs.Error;
    }
}
