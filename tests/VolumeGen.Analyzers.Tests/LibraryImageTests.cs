using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using VolumeGen.Analyzers.Tests.Infrastructure;
using VolumeGen.SourceGenerators.Diagnostics;
using VolumeGen.TestSupport;
using Xunit;

namespace VolumeGen.Analyzers.Tests;

/// <summary>
/// Several projects, one image (docs/analyzers.md): a class library built into an app's image — found through the
/// Dockerfile that copies the library's project file and runs the app — is judged against the app's declarations, as
/// the app's committed storage lock records them, and against that Dockerfile and the app's configuration. Unknown is
/// silent: a missing, old or broken lock, or several apps, give no write verdict and VG2009 says why.
/// </summary>
public sealed class LibraryImageTests
{
    private const string Library = "build_property.MSBuildProjectDirectory = /repo/Infrastructure\nbuild_property.MSBuildProjectName = Infrastructure";

    private static readonly string Dockerfile = VisualStudioContainerFiles.Dockerfile("Web", "Application", "Infrastructure");

    // Web declares a named volume, an anonymous volume, a read-only and a writable bind mount, a tmpfs and an ephemeral path.
    private static readonly string WebLock = StorageLock.FromDeclarations(
        new[]
        {
            Mount.NamedVolume("/app/data", "app-data"),
            Mount.AnonymousVolume("/app/cache"),
            Mount.Bind("./config", "/app/config", readOnly: true),
            Mount.Bind("./logs", "/app/logs"),
            Mount.Tmpfs("/app/scratch"),
        },
        new[] { "/app/previews" },
        "Web").ToJson();

    private static UsageTest Test(string body, params DiagnosticResult[] expected)
        => new UsageTest(Sources.WithAttributes(body), expected).WithSource(Sources.Stubs).WithGlobalConfig(Library);

    [Fact]
    public async Task Writes_into_the_apps_declared_paths_are_judged_by_their_kind_and_the_rest_warn_naming_the_apps_storage_class()
    {
        // The library's own [PersistentVolume("/app/data")] etc. (Sources.WithAttributes) do not count: only the app's do.
        const string body = """
            File.WriteAllText("/app/data/a.txt", "x");
            File.WriteAllText("/app/logs/b.txt", "x");
            File.WriteAllText("/app/previews/c.png", "x");
            File.WriteAllText({|#0:"/app/cache/d.txt"|}, "x");
            File.WriteAllText({|#1:"/app/config/e.json"|}, "x");
            File.WriteAllText({|#2:"/app/scratch/f.tmp"|}, "x");
            File.WriteAllText({|#3:"/app/db/app.db"|}, "x");
            File.WriteAllText({|#4:"/srv/files/g.bin"|}, "x");
            """;
        await Test(
                body,
                new DiagnosticResult(DiagnosticDescriptors.WriteIntoAnonymousVolume).WithLocation(0).WithArguments("File.WriteAllText", "/app/cache/d.txt", "/app/cache/d.txt", "/app/cache"),
                new DiagnosticResult(DiagnosticDescriptors.WriteIntoReadOnlyMount).WithLocation(1).WithArguments("File.WriteAllText", "/app/config/e.json", "/app/config/e.json", "bind mount of './config' at /app/config (declared in Web)"),
                new DiagnosticResult(DiagnosticDescriptors.WriteIntoTmpfs).WithLocation(2).WithArguments("File.WriteAllText", "/app/scratch/f.tmp", "/app/scratch/f.tmp", "/app/scratch"),
                new DiagnosticResult(DiagnosticDescriptors.WriteOutsidePersistedPath).WithLocation(3).WithArguments("File.WriteAllText", "/app/db/app.db", "/app/db/app.db",
                    "keep the app's data in one folder: move it into '/app/data', which a volume already persists, or [assembly: EphemeralPath(\"/app/db\")] if losing it is intended"),
                new DiagnosticResult(DiagnosticDescriptors.WriteOutsidePersistedPath).WithLocation(4).WithArguments("File.WriteAllText", "/srv/files/g.bin", "/srv/files/g.bin",
                    "declare [PersistentVolume(\"/srv/files\")] on Web's storage class, or [assembly: EphemeralPath(\"/srv/files\")] if losing it is intended"))
            .WithFileAt("/repo/Dockerfile", Dockerfile)
            .WithFileAt("/repo/Web/volumegen.lock.json", WebLock)
            .RunAsync();
    }

    [Fact]
    public async Task Without_the_apps_lock_the_library_says_it_cannot_tell_instead_of_reporting_the_apps_declared_path_as_lost()
    {
        // Before VolumeGen knew about libraries this library read the root Dockerfile (it names Infrastructure.csproj), skipped
        // the generated block and reported the app's declared /app/data as lost. Without the app's lock it now says why it cannot tell.
        DiagnosticResult cannotTell = new DiagnosticResult(DiagnosticDescriptors.LibraryImageUnknown).WithLocation(1).WithArguments(
            "Infrastructure is built into the image of Web ('../Dockerfile'), but Web's declarations are not known: its storage lock '../Web/volumegen.lock.json' does not exist: build Web (its build writes the lock when Web declares storage) and commit the file; until then Infrastructure's writes are not judged");
        await new UsageTest(Sources.Plain("File.WriteAllText(\"/app/data/a.txt\", \"x\"); File.WriteAllText(\"/app/db/app.db\", \"x\");"), cannotTell)
            .WithSource(Sources.Stubs).WithGlobalConfig(Library)
            .WithFileAt("/repo/Dockerfile", "{|#1:" + Dockerfile.Substring(0, Dockerfile.IndexOf('\n')) + "|}" + Dockerfile.Substring(Dockerfile.IndexOf('\n')))
            .RunAsync();
    }

    [Fact]
    public async Task The_apps_configuration_is_read_for_the_library_not_its_own_and_its_fix_names_the_apps_file()
    {
        // The library Db's own appsettings.json would win on its own (the nearest, shortest path): only the app's counts.
        const string program = Sources.Usings + """
            public static class DependencyInjection
            {
                public static void AddInfrastructure(Microsoft.Extensions.Configuration.IConfiguration configuration)
                {
                    using var c = new Microsoft.Data.Sqlite.SqliteConnection({|#0:configuration.GetConnectionString("Notes")|});
                }
            }
            """;
        DiagnosticResult expected = new DiagnosticResult(DiagnosticDescriptors.WriteOutsidePersistedPath).WithLocation(0).WithLocation(1).WithArguments(
            "new SqliteConnection",
            "appsettings.json: ConnectionStrings:Notes = \"Data Source=/app/db/app.db\"",
            "/app/db/app.db",
            "set ConnectionStrings:Notes in appsettings.json to \"Data Source=/app/data/app.db\" (inside the volume at '/app/data'), or [assembly: EphemeralPath(\"/app/db\")] if losing it is intended");
        await new UsageTest(program, expected).WithAspNetCore().WithSource(Sources.Stubs)
            .WithGlobalConfig("build_property.MSBuildProjectDirectory = /repo/Db\nbuild_property.MSBuildProjectName = Db")
            .WithFileAt("/repo/Dockerfile", VisualStudioContainerFiles.Dockerfile("Web", "Db"))
            .WithFileAt("/repo/Web/volumegen.lock.json", WebLock)
            .WithFileAt("/repo/Web/appsettings.json", "{ \"ConnectionStrings\": { \"Notes\": {|#1:\"Data Source=/app/db/app.db\"|} } }")
            .WithFileAt("/repo/Db/appsettings.json", "{ \"ConnectionStrings\": { \"Notes\": \"Data Source=/app/data/app.db\" } }")
            .RunAsync();
    }

    [Fact]
    public async Task The_apps_Dockerfile_gives_the_working_directory_and_user_home_and_a_hand_written_VOLUME()
    {
        string dockerfile = Dockerfile.Replace("WORKDIR /app\nEXPOSE 8080", "WORKDIR /srv/web\nVOLUME /srv/web/uploads\nEXPOSE 8080").Replace("FROM base AS final\nWORKDIR /app", "FROM base AS final");
        const string body = "File.WriteAllText(\"uploads/a.png\", \"x\"); File.WriteAllText({|#0:\"exports/b.csv\"|}, \"x\"); services.{|#1:AddDataProtection()|};";
        await new UsageTest(Sources.Plain(body),
                new DiagnosticResult(DiagnosticDescriptors.WriteOutsidePersistedPath).WithLocation(0).WithArguments("File.WriteAllText", "exports/b.csv", "/srv/web/exports/b.csv",
                    "keep the app's data in one folder: move it into '/srv/web/uploads', which a volume already persists, or [assembly: EphemeralPath(\"/srv/web/exports\")] if losing it is intended"),
                new DiagnosticResult(DiagnosticDescriptors.DataProtectionKeysNotPersisted).WithLocation(1).WithArguments("~/.aspnet/DataProtection-Keys", "/home/app/.aspnet/DataProtection-Keys"))
            .WithSource(Sources.Stubs).WithGlobalConfig(Library)
            .WithFileAt("/repo/Dockerfile", dockerfile)
            .WithFileAt("/repo/Web/volumegen.lock.json", StorageLock.FromDeclarations(Array.Empty<Mount>(), new[] { "/tmp/web" }, "Web").ToJson())
            .RunAsync();
    }

    [Fact]
    public async Task A_lock_shared_with_other_projects_is_read_by_the_apps_entries_only()
    {
        // Worker (another project in Web's folder) declares /app/db and /app/files; Infrastructure ships in Web's image, so only Web's /app/data counts.
        var shared = new StorageLock(
            new[] { new LockedVolume("app-data", "/app/data", "Web"), new LockedVolume("worker-db", "/app/db", "Worker") },
            new[]
            {
                new ProjectDeclarations("Web", new[] { Mount.NamedVolume("/app/data", "app-data") }, null),
                new ProjectDeclarations("Worker", new[] { Mount.NamedVolume("/app/db", "worker-db") }, new[] { "/app/files" }),
            });
        await Test("File.WriteAllText(\"/app/data/a.txt\", \"x\"); File.WriteAllText({|#0:\"/app/db/app.db\"|}, \"x\"); File.WriteAllText({|#1:\"/app/files/b.bin\"|}, \"x\");",
                Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 0), Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 1))
            .WithFileAt("/repo/Dockerfile", Dockerfile)
            .WithFileAt("/repo/Web/volumegen.lock.json", shared.ToJson())
            .RunAsync();
    }

    [Fact]
    public async Task Visual_Studios_layout_with_the_Dockerfile_in_the_app_folder_and_the_solution_as_context_links_the_same_way()
        => await Test("File.WriteAllText(\"/app/data/a.txt\", \"x\"); File.WriteAllText({|#0:\"/app/db/app.db\"|}, \"x\");", Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 0))
            .WithGlobalConfig("build_property.MSBuildProjectDirectory = /repo/src/Infrastructure\nbuild_property.MSBuildProjectName = Infrastructure")
            .WithFileAt("/repo/src/Web/Dockerfile", Dockerfile.Replace("COPY [\"Web/Web.csproj\", \"Web/\"]", "COPY [\"src/Web/Web.csproj\", \"src/Web/\"]").Replace("COPY [\"Infrastructure/Infrastructure.csproj\", \"Infrastructure/\"]", "COPY [\"src/Infrastructure/Infrastructure.csproj\", \"src/Infrastructure/\"]"))
            .WithFileAt("/repo/src/Web/volumegen.lock.json", WebLock)
            .RunAsync();

    [Theory]
    [InlineData("{\"volumeGenLock\": 1, \"volumes\": [{ \"name\": \"app-data\", \"target\": \"/app/data\", \"kind\": \"volume\" }]}", "its storage lock '../Web/volumegen.lock.json' was written by an older VolumeGen and records only Web's named volumes: build Web once and commit the file")]
    [InlineData("{\"volumeGenLock\": 2, \"volumes\": [{ \"project\": \"Web\", \"name\": \"app-data\", \"target\": \"/app/data\", \"kind\": \"volume\" }]}", "its storage lock '../Web/volumegen.lock.json' was written by an older VolumeGen and records only Web's named volumes: build Web once and commit the file")]
    [InlineData("{\"volumeGenLock\": 2, \"volumes\": [], \"mounts\": [{\"project\":\"Worker\",\"kind\":\"volume\",\"target\":\"/app/data\",\"name\":\"jobs\"}]}", "its storage lock '../Web/volumegen.lock.json' records nothing of the project Web: build Web (its build records its declarations there) and commit the file")]
    [InlineData("{\"volumeGenLock\": 7}", "its storage lock '../Web/volumegen.lock.json' cannot be used: it has version 7, newer than this VolumeGen understands (2); update the VolumeGen package")]
    public async Task An_old_or_unusable_app_lock_is_unknown_so_nothing_is_judged_and_VG2009_says_why(string lockText, string problem)
    {
        DiagnosticResult cannotTell = new DiagnosticResult(DiagnosticDescriptors.LibraryImageUnknown).WithLocation(1).WithArguments(
            "Infrastructure is built into the image of Web ('../Dockerfile'), but Web's declarations are not known: " + problem + "; until then Infrastructure's writes are not judged");
        await new UsageTest(Sources.Plain("File.WriteAllText(\"/app/db/app.db\", \"x\"); services.AddDataProtection();"), cannotTell)
            .WithSource(Sources.Stubs).WithGlobalConfig(Library)
            .WithFileAt("/repo/Dockerfile", "{|#1:" + Dockerfile.Substring(0, Dockerfile.IndexOf('\n')) + "|}" + Dockerfile.Substring(Dockerfile.IndexOf('\n')))
            .WithFileAt("/repo/Web/volumegen.lock.json", lockText)
            .RunAsync();
    }

    [Fact]
    public async Task A_library_built_into_two_apps_images_cannot_tell_and_names_both()
    {
        DiagnosticResult cannotTell = new DiagnosticResult(DiagnosticDescriptors.LibraryImageUnknown).WithLocation(1).WithArguments(
            "Infrastructure is built into the images of Web ('../Web/Dockerfile') and Worker ('../Worker/Dockerfile'): VolumeGen cannot tell which image's declarations its writes land in, so they are not judged");
        string web = VisualStudioContainerFiles.Dockerfile("Web", "Infrastructure");
        await new UsageTest(Sources.Plain("File.WriteAllText(\"/app/db/app.db\", \"x\");"), cannotTell)
            .WithSource(Sources.Stubs).WithGlobalConfig(Library)
            .WithFileAt("/repo/Web/Dockerfile", "{|#1:" + web.Substring(0, web.IndexOf('\n')) + "|}" + web.Substring(web.IndexOf('\n')))
            .WithFileAt("/repo/Worker/Dockerfile", VisualStudioContainerFiles.Dockerfile("Worker", "Infrastructure"))
            .WithFileAt("/repo/Web/volumegen.lock.json", WebLock)
            .WithFileAt("/repo/Worker/volumegen.lock.json", WebLock)
            .RunAsync();
    }

    [Fact]
    public async Task The_app_itself_reading_the_same_Dockerfile_is_judged_by_its_own_declarations()
    {
        // Web's lock would say /app/db is nothing special; Web is the image's app, so its own attributes decide (a bind at /app/logs, not a volume).
        await new UsageTest(Sources.WithAttributes("File.WriteAllText(\"/app/logs/a.txt\", \"x\"); File.WriteAllText({|#0:\"/app/db/app.db\"|}, \"x\");"), Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 0))
            .WithSource(Sources.Stubs).WithGlobalConfig("build_property.MSBuildProjectDirectory = /repo/Web\nbuild_property.MSBuildProjectName = Web")
            .WithFileAt("/repo/Dockerfile", Dockerfile)
            .WithFileAt("/repo/Web/volumegen.lock.json", StorageLock.Empty.ToJson())
            .RunAsync();
    }

    [Fact]
    public async Task A_library_no_Dockerfile_copies_is_judged_as_today()
    {
        // Its own declarations count and VG2008 says that no Dockerfile found builds it, as before.
        string dockerfile = VisualStudioContainerFiles.Dockerfile("Web", "Application");
        await Test("File.WriteAllText(\"/app/data/a.txt\", \"x\"); File.WriteAllText({|#0:\"/app/db/app.db\"|}, \"x\");",
                Expect.Diagnostic(DiagnosticDescriptors.WriteOutsidePersistedPath, 0), Expect.Diagnostic(DiagnosticDescriptors.ContainerFilesChosen, 1))
            .WithFileAt("/repo/Dockerfile", "{|#1:" + dockerfile.Substring(0, dockerfile.IndexOf('\n')) + "|}" + dockerfile.Substring(dockerfile.IndexOf('\n')))
            .WithFileAt("/repo/Web/volumegen.lock.json", StorageLock.Empty.ToJson())
            .RunAsync();
    }

    [Fact]
    public async Task A_Dockerfile_whose_app_cannot_be_told_leaves_the_library_as_today()
    {
        // No ENTRYPOINT dll and no 'dotnet publish x.csproj': the Dockerfile names the library (it is read, WORKDIR /srv) but no app.
        const string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /srv\nCOPY [\"Infrastructure/Infrastructure.csproj\", \"Infrastructure/\"]\nRUN make\nCMD [\"/srv/run.sh\"]\n";
        await Test("File.WriteAllText(\"/app/data/a.txt\", \"x\"); File.WriteAllText({|#0:\"db/app.db\"|}, \"x\");",
                new DiagnosticResult(DiagnosticDescriptors.WriteOutsidePersistedPath).WithLocation(0).WithArguments("File.WriteAllText", "db/app.db", "/srv/db/app.db",
                    "keep the app's data in one folder: move it into '/srv/data' and declare [PersistentVolume(\"/srv/data\")] on the storage class, or [assembly: EphemeralPath(\"/srv/db\")] if losing it is intended"))
            .WithFileAt("/repo/Dockerfile", dockerfile)
            .RunAsync();
    }
}
