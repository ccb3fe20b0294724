using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace VolumeGen.TestSupport;

/// <summary>
/// A layered solution written the way real apps are (issue 22): Web → Application → Infrastructure, the volume declared
/// in Web, EF Core's SQLite database (its connection string in Web's appsettings.json) and a file store (a known folder
/// plus a file name chosen at run time) in Infrastructure, an activity log written by Application, and Visual Studio's
/// multi-project Dockerfile at the solution root (a repository: it holds <c>.git</c>). Every project references the
/// packed VolumeGen package, as docs/analyzers.md ("Several projects, one image") says. Files only: the tests run the
/// builds.
/// </summary>
public sealed class LayeredSolution
{
    private const string EfCoreVersion = "10.0.12";

    private LayeredSolution(string folder, string volumeName)
    {
        Folder = folder;
        VolumeName = volumeName;
    }

    /// <summary>The named volume Web declares (unique per solution, so an engine never holds it already); the engine tests remove it.</summary>
    public string VolumeName { get; }

    /// <summary>The solution folder: the repository root and the Docker build context.</summary>
    public string Folder { get; }

    public string Dockerfile => File("Dockerfile");

    public string WebProject => File("Web/Web.csproj");

    /// <summary>The generated <c>docker run</c> mount arguments (POSIX shell) Web's build writes under obj/.</summary>
    public string RunArguments => System.IO.File.ReadAllText(File("Web/obj/Debug/net10.0/volumegen/run-arguments.sh.txt")).Trim();

    /// <summary>
    /// What Web's build reports before the fixes: the root Dockerfile has no VolumeGen block (the build task reports it
    /// when it runs, i.e. when Web's assembly or Dockerfile changed). Each entry: the file it is reported in and a
    /// regular expression its line matches.
    /// </summary>
    public static IReadOnlyList<(string File, string Pattern)> AppWarningsBeforeFixes { get; } = new[]
    {
        ("Dockerfile", @"warning VG3001: The Dockerfile '.*' has no VolumeGen block"),
    };

    /// <summary>
    /// What the class libraries report before the fixes, once Web's storage lock exists: the database and both writes
    /// of the file store are lost (Infrastructure). Application's activity log in Web's /app/data is kept, so it gets
    /// none. The file store's write (a known folder plus a file name made at run time) is judged by issue 22 item 1.
    /// </summary>
    public static IReadOnlyList<(string File, string Pattern)> LibraryWarningsBeforeFixes { get; } = new[]
    {
        ("Infrastructure/DependencyInjection.cs",
            @"warning VG2001: UseSqlite writes to 'appsettings\.json: ConnectionStrings:Notes = ""Data Source=/app/db/app\.db""' \(container path '/app/db/app\.db'\).*set ConnectionStrings:Notes in appsettings\.json to ""Data Source=/app/data/app\.db"" \(inside the volume at '/app/data'\)"),
        ("Infrastructure/FileStore.cs",
            @"warning VG2001: Directory\.CreateDirectory writes to '/app/files'.*move it into '/app/data', which a volume already persists"),
        ("Infrastructure/FileStore.cs",
            @"warning VG2001: File\.WriteAllTextAsync writes to .*/app/files.*"),
    };

    /// <summary>Writes the solution into a new folder under <paramref name="parent"/>.</summary>
    /// <param name="webProperties">MSBuild properties added to Web's project (the user's own settings).</param>
    public static LayeredSolution Create(string parent, string webProperties = "")
    {
        string id = Guid.NewGuid().ToString("N").Substring(0, 6);
        var solution = new LayeredSolution(Path.Combine(parent, "layered-" + id), "layered-notes-" + id);
        Directory.CreateDirectory(Path.Combine(solution.Folder, ".git"));
        solution.Write("Dockerfile", VisualStudioContainerFiles.Dockerfile("Web", "Application", "Infrastructure"));
        solution.Write(".dockerignore", VisualStudioContainerFiles.DockerIgnore);

        solution.Write("Web/Web.csproj", $$"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                {{webProperties}}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="VolumeGen" Version="0.1.0" />
              </ItemGroup>
              <ItemGroup>
                <ProjectReference Include="../Application/Application.csproj" />
              </ItemGroup>
            </Project>
            """);
        solution.Write("Web/AppStorage.cs", $$"""
            using VolumeGen;

            namespace Web;

            /// <summary>The app's data: everything the notes service keeps lives below /app/data.</summary>
            [PersistentVolume("/app/data", Name = "{{solution.VolumeName}}")]
            public static partial class AppStorage
            {
            }
            """);
        solution.Write("Web/Program.cs", """
            using Application;
            using Infrastructure;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddApplication(builder.Configuration);

            var app = builder.Build();
            app.Services.InitializeStorage();

            app.MapPost("/notes/{title}", async (string title, HttpRequest request, NotesService notes) =>
            {
                using var reader = new StreamReader(request.Body);
                return Results.Ok(await notes.AddAsync(title, await reader.ReadToEndAsync()));
            });
            app.MapGet("/notes", async (NotesService notes) => string.Join("\n", await notes.ListAsync()));
            app.MapGet("/health", () => "ok");

            app.Run();
            """);
        solution.Write("Web/appsettings.json", """
            {
              "Logging": {
                "LogLevel": {
                  "Default": "Information",
                  "Microsoft.AspNetCore": "Warning"
                }
              },
              "AllowedHosts": "*",
              "ConnectionStrings": {
                "Notes": "Data Source=/app/db/app.db"
              }
            }
            """);

        solution.Write("Application/Application.csproj", Library(projectReference: "../Infrastructure/Infrastructure.csproj", packages: string.Empty));
        solution.Write("Application/NotesService.cs", """
            using Infrastructure;
            using Microsoft.EntityFrameworkCore;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;

            namespace Application;

            /// <summary>The use cases: add a note with an attachment, list them; every change is logged to the app's data folder.</summary>
            public sealed class NotesService(NotesDb db, FileStore files)
            {
                private const string ActivityLog = "/app/data/activity.log";

                public async Task<int> AddAsync(string title, string attachment)
                {
                    string file = await files.SaveAsync(attachment);
                    var note = new Note { Title = title, Attachment = file };
                    db.Notes.Add(note);
                    await db.SaveChangesAsync();
                    await File.AppendAllTextAsync(ActivityLog, "added " + note.Id + "\n");
                    return note.Id;
                }

                public async Task<IReadOnlyList<string>> ListAsync()
                {
                    var lines = new List<string>();
                    foreach (Note note in await db.Notes.OrderBy(n => n.Id).ToListAsync())
                    {
                        lines.Add(note.Title + ": " + await files.ReadAsync(note.Attachment));
                    }

                    return lines;
                }
            }

            public static class ApplicationServices
            {
                public static IServiceCollection AddApplication(this IServiceCollection services, IConfiguration configuration)
                    => services.AddInfrastructure(configuration).AddScoped<NotesService>();
            }
            """);

        solution.Write("Infrastructure/Infrastructure.csproj", Library(projectReference: null, packages: $"""<PackageReference Include="Microsoft.EntityFrameworkCore.Sqlite" Version="{EfCoreVersion}" />"""));
        solution.Write("Infrastructure/NotesDb.cs", """
            using Microsoft.EntityFrameworkCore;

            namespace Infrastructure;

            public sealed class Note
            {
                public int Id { get; set; }

                public string Title { get; set; } = "";

                public string Attachment { get; set; } = "";
            }

            public sealed class NotesDb(DbContextOptions<NotesDb> options) : DbContext(options)
            {
                public DbSet<Note> Notes => Set<Note>();
            }
            """);
        solution.Write("Infrastructure/FileStore.cs", """
            namespace Infrastructure;

            /// <summary>Attachments, one file each, named when they are saved.</summary>
            public sealed class FileStore
            {
                public const string Root = "/app/files";

                public static void CreateRoot() => Directory.CreateDirectory(Root);

                public async Task<string> SaveAsync(string content)
                {
                    string name = Guid.NewGuid().ToString("N") + ".txt";
                    await File.WriteAllTextAsync(Path.Combine(Root, name), content);
                    return name;
                }

                public Task<string> ReadAsync(string name) => File.ReadAllTextAsync(Path.Combine(Root, name));
            }
            """);
        solution.Write("Infrastructure/DependencyInjection.cs", """
            using Microsoft.EntityFrameworkCore;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;

            namespace Infrastructure;

            public static class DependencyInjection
            {
                public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
                    => services
                        .AddDbContext<NotesDb>(options => options.UseSqlite(configuration.GetConnectionString("Notes")))
                        .AddSingleton<FileStore>();

                /// <summary>A new volume is empty: the attachment folder and the schema are made at start-up.</summary>
                public static void InitializeStorage(this IServiceProvider services)
                {
                    FileStore.CreateRoot();
                    using IServiceScope scope = services.CreateScope();
                    scope.ServiceProvider.GetRequiredService<NotesDb>().Database.EnsureCreated();
                }
            }
            """);
        return solution;
    }

    /// <summary>
    /// The fixes as the warnings and docs say: the connection string moved into the folder Web persists (the value the
    /// warning proposes), the file store's folder moved there too (a literal path moves in code), and the VolumeGen
    /// markers added to the Dockerfile where the final image is still built as root (before the base stage's USER).
    /// </summary>
    public void ApplyDocumentedFixes()
    {
        Replace("Web/appsettings.json", "Data Source=/app/db/app.db", "Data Source=/app/data/app.db");
        Replace("Infrastructure/FileStore.cs", "public const string Root = \"/app/files\";", "public const string Root = \"/app/data/files\";");
        Replace("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS base\nUSER $APP_UID", "FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS base\n# >>> VolumeGen\n# <<< VolumeGen\nUSER $APP_UID");
    }

    public string File(string relative) => Path.Combine(Folder, relative);

    public string Read(string relative) => System.IO.File.ReadAllText(File(relative));

    /// <summary>The distinct VolumeGen warnings of a build's output (MSBuild prints some twice).</summary>
    public static IReadOnlyList<string> VolumeGenWarnings(string output)
        => output.Split('\n')
            .Where(static line => Regex.IsMatch(line, @"warning VG\d{4}:", RegexOptions.None, TimeSpan.FromSeconds(5)))
            .Select(static line => Regex.Replace(line.Trim(), @"\s+\[[^\]]*\.csproj[^\]]*\]$", string.Empty, RegexOptions.None, TimeSpan.FromSeconds(5)))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Null when <paramref name="warnings"/> are exactly <paramref name="expected"/> (each matched once, in any order);
    /// else what is missing and what is extra.
    /// </summary>
    public string? Mismatch(IReadOnlyList<string> warnings, IReadOnlyList<(string File, string Pattern)> expected)
    {
        var left = warnings.ToList();
        var missing = new List<string>();
        foreach ((string file, string pattern) in expected)
        {
            string path = File(file);
            // Analyzer warnings carry "(line,column)", the build task's "(line)" or " : " when it has no line.
            int index = left.FindIndex(w => Regex.IsMatch(w, "^" + Regex.Escape(path) + @"(\(|\s*:)", RegexOptions.None, TimeSpan.FromSeconds(5))
                && Regex.IsMatch(w, pattern, RegexOptions.None, TimeSpan.FromSeconds(5)));
            if (index < 0)
            {
                missing.Add(file + ": " + pattern);
            }
            else
            {
                left.RemoveAt(index);
            }
        }

        return missing.Count == 0 && left.Count == 0
            ? null
            : "missing:\n  " + string.Join("\n  ", missing) + "\nunexpected:\n  " + string.Join("\n  ", left) + "\nall:\n  " + string.Join("\n  ", warnings);
    }

    private static string Library(string? projectReference, string packages) => $$"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
            <FrameworkReference Include="Microsoft.AspNetCore.App" />
            <PackageReference Include="VolumeGen" Version="0.1.0" />
            {{packages}}
          </ItemGroup>
          <ItemGroup>
            {{(projectReference is null ? string.Empty : $"<ProjectReference Include=\"{projectReference}\" />")}}
          </ItemGroup>
        </Project>
        """;

    private void Write(string relative, string text)
    {
        string path = File(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text.EndsWith('\n') ? text : text + "\n");
    }

    private void Replace(string relative, string old, string replacement)
    {
        string text = Read(relative);
        if (!text.Contains(old, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"'{relative}' does not hold '{old}'.");
        }

        System.IO.File.WriteAllText(File(relative), text.Replace(old, replacement, StringComparison.Ordinal));
    }
}
