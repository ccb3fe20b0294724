using System;
using System.Collections.Generic;
using System.IO;
using Xunit;

namespace VolumeGen.Tests;

public sealed class HostFoldersTests
{
    private static readonly string Project = Path.Combine(Path.GetTempPath(), "volumegen-hostfolders", "ProfileService");

    private static readonly MountSet Mounts = new(
        Mount.NamedVolume("/app/data", "profiles"),
        Mount.AnonymousVolume("/app/cache"),
        Mount.Bind("./config", "/app/config", readOnly: true),
        Mount.Bind("/srv/shared", "/app/shared"),
        Mount.Tmpfs("/app/scratch", 1024 * 1024));

    private static readonly IReadOnlyCollection<string> NoMounts = Array.Empty<string>();

    private static Func<string, string?> Settings(params (string Key, string Value)[] pairs)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach ((string key, string value) in pairs)
        {
            values[key] = value;
        }

        return key => values.TryGetValue(key, out string? value) ? value : null;
    }

    [Fact]
    public void A_development_build_outside_a_container_uses_a_folder_under_the_project()
    {
        Assert.Equal(Path.Combine(Project, ".volumegen", "app", "data"), HostFolders.Resolve(Mounts, "/app/data", null, NoMounts, Project));
        Assert.Equal(Path.Combine(Project, ".volumegen", "app", "cache"), HostFolders.Resolve(Mounts, "/app/cache", null, NoMounts, Project));
        Assert.Equal(Path.Combine(Project, ".volumegen", "app", "scratch"), HostFolders.Resolve(Mounts, "/app/scratch", null, NoMounts, Project));
    }

    [Fact]
    public void A_path_below_a_declared_one_keeps_its_remainder()
    {
        Assert.Equal(Path.Combine(Project, ".volumegen", "app", "data", "avatars", "u1.img"), HostFolders.Resolve(Mounts, "/app/data/avatars/u1.img", null, NoMounts, Project));
        Assert.Equal("/app/data/avatars", HostFolders.Resolve(Mounts, "/app/data/avatars/", null, new[] { "/app/data" }, Project));
    }

    [Fact]
    public void Inside_the_container_that_has_the_declared_mount_the_container_path_wins_over_every_setting()
    {
        Func<string, string?> settings = Settings((HostFolders.HostRootKey, "/somewhere"), ("VolumeGen:Paths:app:data", "/elsewhere"));

        Assert.Equal("/app/data", HostFolders.Resolve(Mounts, "/app/data", settings, new[] { "/", "/proc", "/app/data" }, Project));
        Assert.Equal("/app/data/x/y", HostFolders.Resolve(Mounts, "/app/data/./x/../x/y", settings, new[] { "/app/data" }, Project));
    }

    [Fact]
    public void A_published_app_outside_a_container_with_nothing_configured_keeps_the_container_path()
    {
        Assert.Equal("/app/data", HostFolders.Resolve(Mounts, "/app/data", null, NoMounts, projectDirectory: null));
        Assert.Equal("/app/config", HostFolders.Resolve(Mounts, "/app/config", null, NoMounts, projectDirectory: null));
    }

    [Fact]
    public void Outside_a_container_a_bind_mount_is_its_own_host_source()
    {
        Assert.Equal(Path.Combine(Project, "config"), HostFolders.Resolve(Mounts, "/app/config", null, NoMounts, Project));
        Assert.Equal(Path.Combine(Project, "config", "profileservice.json"), HostFolders.Resolve(Mounts, "/app/config/profileservice.json", null, NoMounts, Project));
        Assert.Equal(Path.GetFullPath("/srv/shared"), HostFolders.Resolve(Mounts, "/app/shared", null, NoMounts, Project));
    }

    [Fact]
    public void A_per_path_setting_names_the_folder_and_a_relative_one_is_relative_to_the_project()
    {
        string absolute = Path.Combine(Path.GetTempPath(), "profiles-here");

        Assert.Equal(absolute, HostFolders.Resolve(Mounts, "/app/data", Settings(("VolumeGen:Paths:app:data", absolute)), NoMounts, Project));
        Assert.Equal(Path.Combine(absolute, "avatars"), HostFolders.Resolve(Mounts, "/app/data/avatars", Settings(("VolumeGen:Paths:app:data", absolute)), NoMounts, null));
        Assert.Equal(Path.Combine(Project, "local-data"), HostFolders.Resolve(Mounts, "/app/data", Settings(("VolumeGen:Paths:app:data", "local-data")), NoMounts, Project));
        // Another path's setting does not apply.
        Assert.Equal(Path.Combine(Project, ".volumegen", "app", "cache"), HostFolders.Resolve(Mounts, "/app/cache", Settings(("VolumeGen:Paths:app:data", absolute)), NoMounts, Project));
    }

    [Fact]
    public void The_host_root_setting_moves_every_declared_path_and_works_for_a_published_app_too()
    {
        string root = Path.Combine(Path.GetTempPath(), "volumegen-root");
        Func<string, string?> settings = Settings((HostFolders.HostRootKey, root));

        Assert.Equal(Path.Combine(root, "app", "data"), HostFolders.Resolve(Mounts, "/app/data", settings, NoMounts, Project));
        Assert.Equal(Path.Combine(root, "app", "cache"), HostFolders.Resolve(Mounts, "/app/cache", settings, NoMounts, projectDirectory: null));
        Assert.Equal(Path.Combine(root, "app", "undeclared"), HostFolders.Resolve(Mounts, "/app/undeclared", settings, NoMounts, null));
    }

    [Fact]
    public void The_environment_answers_what_the_settings_do_not_with_configuration_names_case_insensitively()
    {
        string target = "/srv/vg-" + Guid.NewGuid().ToString("N");
        var mounts = new MountSet(Mount.NamedVolume(target, "data"));
        string variable = HostFolders.EnvironmentVariable(HostFolders.PathKey(target)).ToUpperInvariant();
        string folder = Path.Combine(Path.GetTempPath(), "from-environment");
        Environment.SetEnvironmentVariable(variable, folder);
        try
        {
            Assert.Equal(folder, HostFolders.Resolve(mounts, target, null, NoMounts, Project));
            Assert.Equal(Path.Combine(Path.GetTempPath(), "from-settings"), HostFolders.Resolve(mounts, target, Settings((HostFolders.PathKey(target), Path.Combine(Path.GetTempPath(), "from-settings"))), NoMounts, Project));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void Keys_follow_dotnet_configuration_names()
    {
        Assert.Equal("VolumeGen:Paths:app:data", HostFolders.PathKey("/app/data/"));
        Assert.Equal("VolumeGen:Paths:var:lib:my-app", HostFolders.PathKey("/var/lib/my-app"));
        Assert.Equal("VolumeGen__Paths__app__data", HostFolders.EnvironmentVariable(HostFolders.PathKey("/app/data")));
        Assert.Equal("VolumeGen__HostRoot", HostFolders.EnvironmentVariable(HostFolders.HostRootKey));
    }

    [Theory]
    [InlineData("app/data")]
    [InlineData("")]
    [InlineData("C:\\app\\data")]
    public void A_path_that_is_not_an_absolute_container_path_is_refused_by_name(string path)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => HostFolders.Resolve(Mounts, path, null, NoMounts, Project));

        Assert.Contains("'" + path + "'", error.Message);
    }

    [Fact]
    public void Read_from_this_process_which_has_no_project_folder_property_a_declared_path_stays_the_container_path()
    {
        // The test project references VolumeGen as a project, not the package: its runtimeconfig has no project folder.
        Assert.Null(AppContext.GetData(HostFolders.ProjectDirectoryProperty));
        Assert.Equal("/app/data", HostFolders.Resolve(Mounts, "/app/data"));
    }
}
