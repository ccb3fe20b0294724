using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using VolumeGen.Analyzers.Tests.Infrastructure;
using VolumeGen.SourceGenerators.Analyzers;
using VolumeGen.SourceGenerators.Usage;
using VolumeGen.SourceGenerators.Usage.Configuration;
using VolumeGen.SourceGenerators.Usage.Sinks;
using Xunit;

namespace VolumeGen.Analyzers.Tests;

/// <summary>
/// The new inputs never make the analyzers or readers throw: broken and hostile configuration files (control and
/// path-marker characters, deep nesting, huge values), mutated configuration, options, framework-sink and
/// key-ring code. Deterministic seeds.
/// </summary>
public sealed class ConfigurationRobustnessTests
{
    private static readonly string[] Seeds =
    {
        "File.WriteAllText(Path.Combine(configuration[\"Storage:Uploads\"]!, \"a\"), \"x\");",
        "File.WriteAllText(configuration.GetValue<string>(\"Storage:Uploads\", \"d\"), \"x\");",
        "File.WriteAllText(configuration.GetSection(\"Storage\").GetSection(\"Uploads\").Value!, \"x\");",
        "File.WriteAllText(configuration.GetRequiredSection(\"Storage\")[\"Uploads\"] ?? \"u\", \"x\");",
        "using var c = new Microsoft.Data.Sqlite.SqliteConnection(configuration.GetConnectionString(\"Db\"));",
        "new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder().UseSqlite(configuration.GetConnectionString(\"Db\"));",
        "File.WriteAllText(options.Value.Uploads, \"x\");",
        "File.WriteAllText(Path.Combine(env.WebRootPath, _field, Prop), \"x\");",
        "services.AddDefaultIdentity<Microsoft.AspNetCore.Identity.IdentityUser>(); services.AddSession();",
        "services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(configuration[\"Keys\"]!));",
        "new Serilog.LoggerConfiguration().ReadFrom.Configuration(configuration).WriteTo.File(configuration[\"Log\"]!);",
        "using var db = new LiteDB.LiteDatabase(configuration[\"Lite\"]!);",
        "File.WriteAllText(Environment.GetEnvironmentVariable(\"X\") ?? AppDomain.CurrentDomain.BaseDirectory, \"x\");",
        "services.Configure<StorageOptions>(configuration.GetSection(\"Storage\")); services.AddOptions<StorageOptions>().BindConfiguration(\"Storage\");",
    };

    private static readonly string[] Fragments = { "(", ")", "\"", "[", "]", "!", "?", "??", ".Value", "GetSection(", ":", ",", ";", "null", "=>", "\u0001", "{", "}" };

    [Fact]
    public void Ten_thousand_broken_and_hostile_configuration_texts_never_throw_from_the_readers()
    {
        var random = new Random(12);
        for (int i = 0; i < 10_000; i++)
        {
            string json = RandomJson(random);
            _ = ConfigurationJsonReader.Read(SourceText.From(json), "/0/appsettings.json", "appsettings.json");
            string text = RandomText(random, 60);
            _ = SqliteConnectionString.WrittenFile(text);
            _ = SqliteConnectionString.ReplaceDataSource(text, "/app/data/x.db");
            _ = LiteDbConnectionString.WrittenFile(text);
            _ = LiteDbConnectionString.ReplaceFile(text, "/app/data/x.db");
            _ = AppConfiguration.ConfigurationKey(text);
        }
    }

    [Fact]
    public void Two_thousand_hostile_repository_layouts_never_throw_from_the_container_file_choice()
    {
        var random = new Random(5);
        string[] paths = { "/repo/Dockerfile", "/repo/src/Shop/Dockerfile", "C:\\repo\\docker\\api.Dockerfile", "/repo/../Dockerfile", "Dockerfile", "/compose.yaml", "/repo/docker-compose.yml", "/a/b/c/compose.override.yaml", "", "/" };
        string[] values = { "/repo/src/Shop", "C:\\repo\\src\\Shop\\", "Shop", "", "..", "../../ops/Dockerfile;;/x/compose.yaml", "\u0000", "/" };
        string[] texts = { "FROM base\nCOPY Shop.csproj .\nENTRYPOINT [\"dotnet\", \"Shop.dll\"]\n", "services:\n  shop:\n    build:\n      context: ../src/Shop\n      dockerfile: ../../Dockerfile\n    environment:\n      A: b\n", "services: [", "FROM", string.Empty };
        for (int i = 0; i < 2_000; i++)
        {
            var files = new List<AdditionalText>();
            for (int f = random.Next(5); f > 0; f--)
            {
                files.Add(new TestAdditionalText(paths[random.Next(paths.Length)] + (random.Next(4) == 0 ? RandomText(random, 8) : string.Empty), texts[random.Next(texts.Length)] + RandomText(random, 20)));
            }

            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string key in new[] { "build_property.MSBuildProjectDirectory", "build_property.ProjectDir", "build_property.MSBuildProjectName", "build_property.VolumeGenDockerfilePath", "build_property.VolumeGenContainerFiles", "build_property.VolumeGenDockerfileTarget" })
            {
                if (random.Next(2) == 0)
                {
                    options[key] = values[random.Next(values.Length)];
                }
            }

            var read = VolumeGen.SourceGenerators.Usage.Persisted.ProjectContainerFiles.Read(files, new TestOptionsProvider(options).GlobalOptions, random.Next(3) == 0 ? null : "Shop", CancellationToken.None);
            Assert.NotNull(read.Selection);
        }
    }

    [Fact]
    public async Task Mutated_configuration_code_with_hostile_configuration_files_never_throws()
    {
        var random = new Random(2026);
        var exceptions = new List<string>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        for (int round = 0; round < 40; round++)
        {
            var methods = new StringBuilder();
            for (int i = 0; i < 50; i++)
            {
                methods.Append("    public void M").Append(i).Append("(IConfiguration configuration, IWebHostEnvironment env, IServiceCollection services, Microsoft.Extensions.Options.IOptions<StorageOptions> options)\n    {\n        ")
                    .Append(Mutate(random)).Append("\n    }\n");
            }

            string source = "using VolumeGen;\n[PersistentVolume(\"/app\")]\n[AnonymousVolume(\"/\")]\npublic static partial class AppStorage { }\n"
                + "public class StorageOptions { public string Uploads { get; set; } = \"u\"; }\n"
                + "public class C\n{\n    private readonly string _field = \"f\";\n    private string Prop => _field + \"/p\";\n" + methods + "}\n";
            var files = new[]
            {
                ("/0/appsettings.json", RandomJson(random)),
                ("/0/appsettings.Production.json", RandomJson(random)),
                ("/0/Dockerfile", random.Next(2) == 0 ? "FROM base\nUSER app\nWORKDIR /\n" : "FROM base\nWORKDIR " + RandomText(random, 12) + "\n"),
            };
            reported.UnionWith(await RunAsync(source, files, exceptions));
        }

        Assert.True(exceptions.Count == 0, string.Join("\n----\n", exceptions.Distinct().Take(3)));
        // The fuzzing reached the verdicts, not only the parsers: configured writes and the app folder were judged.
        Assert.Contains("VG2001", reported);
        Assert.Contains("VG1013", reported);
    }

    private static string Mutate(Random random)
    {
        string text = Seeds[random.Next(Seeds.Length)];
        for (int m = random.Next(4); m > 0 && text.Length > 0; m--)
        {
            int at = random.Next(text.Length);
            text = random.Next(3) switch
            {
                0 => text.Remove(at, Math.Min(text.Length - at, 1 + random.Next(5))),
                1 => text.Insert(at, Fragments[random.Next(Fragments.Length)]),
                _ => text.Insert(at, Seeds[random.Next(Seeds.Length)]),
            };
        }

        return text;
    }

    /// <summary>Mostly well-formed configuration with hostile values, sometimes broken or absurdly deep.</summary>
    private static string RandomJson(Random random)
    {
        string[] values =
        {
            "\"uploads\"", "\"/app/data/x\"", "\"\\u0001/srv\"", "\"\\u0000\"", "\"..\\/..\\/etc\"", "\"Data Source=app.db;Cache=Shared\"", "\"Data Source=\"",
            "\":memory:\"", "\"Filename=;;==;\"", "\"|DataDirectory|\"", "\"" + new string('a', 5000) + "\"", "\"\\n\\r\\t\"", "12", "true", "null", "[]", "{}", "\"\\ud800\"",
        };
        string[] keys = { "Storage", "Uploads", "ConnectionStrings", "Db", "Keys", "Log", "Lite", "Serilog", "WriteTo", "Name", "Args", "path", "" };
        if (random.Next(10) == 0)
        {
            return RandomText(random, 80);
        }

        if (random.Next(20) == 0)
        {
            return string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200);
        }

        var json = new StringBuilder("{ \"Storage\": { \"Uploads\": ").Append(values[random.Next(values.Length)]).Append(" }, \"ConnectionStrings\": { \"Db\": ")
            .Append(values[random.Next(values.Length)]).Append(" }, \"Serilog\": { \"WriteTo\": [ { \"Name\": \"File\", \"Args\": { \"path\": ").Append(values[random.Next(values.Length)]).Append(" } } ] }");
        for (int i = random.Next(6); i > 0; i--)
        {
            json.Append(", \"").Append(keys[random.Next(keys.Length)]).Append("\": ").Append(values[random.Next(values.Length)]);
        }

        return json.Append(random.Next(4) == 0 ? ", }" : " }").ToString();
    }

    private static string RandomText(Random random, int maxLength)
    {
        const string alphabet = "ab/:.-_ \t\n\"'[]{}$\\#=;,|\u0000\u0001\u0003\u00e9";
        var text = new StringBuilder();
        for (int i = random.Next(maxLength); i > 0; i--)
        {
            text.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return text.ToString();
    }

    private static async Task<IEnumerable<string>> RunAsync(string source, (string Path, string Text)[] files, List<string> exceptions)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Fuzz",
            new[] { CSharpSyntaxTree.ParseText(source, parse, "/0/Test0.cs"), CSharpSyntaxTree.ParseText(TestReferences.WebGlobalUsings, parse, "/0/GlobalUsings.g.cs") },
            TestReferences.All.Concat(TestReferences.AspNetCore),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var additional = files.Select(static f => (AdditionalText)new TestAdditionalText(f.Path, f.Text)).ToImmutableArray();
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new ContainerWriteAnalyzer(), new DeclarationAnalyzer()),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(additional), (exception, analyzer, diagnostic) => { lock (exceptions) { exceptions.Add(exception.ToString()); } }, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        foreach (Diagnostic diagnostic in diagnostics)
        {
            if (diagnostic.Id == "AD0001")
            {
                lock (exceptions)
                {
                    exceptions.Add(diagnostic.ToString());
                }
            }
        }

        return diagnostics.Select(static d => d.Id);
    }
}
