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
using VolumeGen.ContainerFiles;
using VolumeGen.SourceGenerators.Analyzers;
using VolumeGen.SourceGenerators.Usage;
using VolumeGen.SourceGenerators.Usage.Persisted;
using VolumeGen.SourceGenerators.Usage.Sinks;
using Xunit;

namespace VolumeGen.Analyzers.Tests;

/// <summary>
/// Random and mutated input never makes the usage analyzer throw (no AD0001) and never makes the file readers throw.
/// Deterministic seeds, so a failure reproduces.
/// </summary>
public sealed class RobustnessTests
{
    private const int MethodBodies = 10_000;
    private const int BodiesPerCompilation = 250;

    private static readonly string[] Seeds =
    {
        "File.WriteAllText(\"/srv/uploads/a.txt\", \"x\");",
        "File.WriteAllText(Path.Combine(AppContext.BaseDirectory, \"data\", \"a\"), \"x\");",
        "var p = \"/srv/a\"; p += \"b\"; File.AppendAllText(p, \"x\");",
        "using var s = new FileStream($\"/srv/{1}\", FileMode.Create, FileAccess.Write);",
        "using var c = new Microsoft.Data.Sqlite.SqliteConnection(\"Data Source=app.db;Mode=\");",
        "new FileInfo(\"/srv/a\").CopyTo(Path.Join(\"/srv\", \"b\"));",
        "Directory.CreateDirectory(Path.GetFullPath(\"x\", \"/srv\"));",
        "ZipFile.ExtractToDirectory(\"a.zip\", Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));",
        "services.AddDataProtection();",
        "var b = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = Dir + \"/x.db\" };",
        "File.Open(\"/srv/a\", (FileMode)4, FileAccess.ReadWrite).Dispose();",
        "new DirectoryInfo(Path.GetTempPath()).CreateSubdirectory(\"../../srv\");",
        "File.WriteAllText(env.ContentRootPath + Directory.GetCurrentDirectory(), \"x\");",
        "string q = $\"{Path.Combine(\"/a\", unknown)}/{Environment.CurrentDirectory}\"; File.Move(q, q);",
    };

    private static readonly string[] Fragments =
    {
        "(", ")", "{", "}", "\"", "$\"{", "+", ",", ";", "\"/srv\"", "Path.Combine(", "File.", "new ", "=>", "..", "/", "\\", "\u0001", "null", "default", "ref ", "out var x", "await ", "?.", "!", "[", "]",
    };

    [Fact]
    public async Task Ten_thousand_random_and_mutated_method_bodies_never_throw()
    {
        var random = new Random(20261128);
        var exceptions = new List<string>();
        int bodies = 0;
        while (bodies < MethodBodies)
        {
            var methods = new StringBuilder();
            for (int i = 0; i < BodiesPerCompilation; i++, bodies++)
            {
                methods.Append("    async Task M").Append(i).Append("(string unknown, Microsoft.Extensions.Hosting.IHostEnvironment env, IServiceCollection services)\n    {\n        await Task.Yield();\n        ")
                    .Append(Mutate(random)).Append("\n    }\n");
            }

            string source = Sources.Usings + Mutate(random, Sources.StorageAttributes) + "public static partial class AppStorage { }\n\nclass C\n{\n    const string Dir = \"/srv\";\n" + methods + "}\n";
            await RunAnalyzerAsync(source, RandomDockerfile(random), RandomCompose(random), RandomOptions(random), exceptions);
        }

        Assert.True(bodies >= MethodBodies);
        Assert.True(exceptions.Count == 0, string.Join("\n----\n", exceptions.Distinct().Take(3)));
    }

    [Fact]
    public void Ten_thousand_broken_Dockerfile_and_compose_texts_never_throw_from_the_readers()
    {
        var random = new Random(7);
        for (int i = 0; i < 10_000; i++)
        {
            string dockerfile = RandomDockerfile(random);
            string compose = RandomCompose(random);
            Dockerfile facts = Dockerfile.Parse(dockerfile);
            foreach (DockerfileStage stage in facts.Stages)
            {
                Assert.All(stage.Volumes, static v => Assert.True(v.ContainerPath is null || v.ContainerPath.StartsWith("/", StringComparison.Ordinal)));
            }

            Assert.All(ComposeMounts.Of(ComposeFile.Parse(compose)), static m => Assert.StartsWith("/", m.Path, StringComparison.Ordinal));
            _ = YamlReader.Read(RandomText(random, 200));
            _ = Dockerfile.Parse(RandomText(random, 200));
            _ = SinkTable.ParseAdditional(RandomText(random, 40));
            _ = SqliteConnectionString.WrittenFile(RandomText(random, 40));
        }
    }

    private static string Mutate(Random random, string? seed = null)
    {
        string text = seed ?? Seeds[random.Next(Seeds.Length)];
        int mutations = random.Next(4);
        for (int m = 0; m < mutations && text.Length > 0; m++)
        {
            int at = random.Next(text.Length);
            switch (random.Next(4))
            {
                case 0:
                    text = text.Remove(at, Math.Min(text.Length - at, 1 + random.Next(6)));
                    break;
                case 1:
                    text = text.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 2:
                    text = text.Insert(at, Seeds[random.Next(Seeds.Length)]);
                    break;
                default:
                    text = text.Substring(0, at);
                    break;
            }
        }

        return text;
    }

    private static string RandomDockerfile(Random random)
    {
        string[] lines =
        {
            "FROM base", "FROM base AS final", "FROM final", "FROM", "WORKDIR /srv", "WORKDIR", "WORKDIR relative", "WORKDIR $NOPE",
            "VOLUME /srv/uploads", "VOLUME [\"/srv/a\", 3, null]", "VOLUME [", "VOLUME [\"unterminated", "VOLUME", "VOLUME \\", "VOLUME ${A", "VOLUME $",
            "ENV A=/srv B", "ENV A", "ARG X=", "USER", "USER root:root", "# escape=`", "# >>> VolumeGen", "# <<< VolumeGen", "\\", "`", "\t", "\r", "\u0000", "RUN echo \\",
        };
        var text = new StringBuilder();
        int count = random.Next(12);
        for (int i = 0; i < count; i++)
        {
            text.Append(random.Next(8) == 0 ? RandomText(random, 30) : lines[random.Next(lines.Length)]).Append(random.Next(5) == 0 ? "\r\n" : "\n");
        }

        return text.ToString();
    }

    private static string RandomCompose(Random random)
    {
        string[] lines =
        {
            "services:", "  app:", "    build: .", "    volumes:", "      - data:/srv", "      - /srv/anon", "      - ./x:/srv/x:ro", "      - :", "      -", "      - type: tmpfs",
            "        target: /srv/t", "        read_only: true", "      - type: bind", "    tmpfs: /srv/run", "    tmpfs:", "      - /srv/r:size=1", "  - x", "volumes: [a, b", "    volumes: [\"/srv/a\"]",
            "  \"quoted: key\": 'v''", "x: |", "   block", "&anchor", "*alias", "---", "...", "# c", "::::", "- - - -",
        };
        var text = new StringBuilder();
        int count = random.Next(14);
        for (int i = 0; i < count; i++)
        {
            text.Append(new string(' ', random.Next(3) == 0 ? random.Next(9) : 0))
                .Append(random.Next(8) == 0 ? RandomText(random, 30) : lines[random.Next(lines.Length)]).Append('\n');
        }

        return text.ToString();
    }

    private static Dictionary<string, string> RandomOptions(Random random)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        string[] values = { "/srv", "final", "relative", "", " , ;", "/srv/uploads /tmp", RandomText(random, 10), "C.Foo:path, bad, X..ctor:, ..ctor:y, A.B:c/" };
        foreach (string key in new[] { UsageOptions.WorkingDirectoryKey, UsageOptions.PersistedPathsKey, UsageOptions.EphemeralPathsKey, UsageOptions.AdditionalSinksKey, UsageOptions.HomeDirectoryKey, UsageOptions.ContainerUserProperty, UsageOptions.ContainerWorkingDirectoryProperty, UsageOptions.DockerfileTargetProperty })
        {
            if (random.Next(3) == 0)
            {
                options[key] = values[random.Next(values.Length)];
            }
        }

        return options;
    }

    private static string RandomText(Random random, int maxLength)
    {
        const string alphabet = "abc/:.-_ \t\n\r\"'[]{}$\\#=;,|>&*!\u0000\u00e9";
        var text = new StringBuilder();
        int length = random.Next(maxLength);
        for (int i = 0; i < length; i++)
        {
            text.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return text.ToString();
    }

    private static async Task RunAnalyzerAsync(string source, string dockerfile, string compose, Dictionary<string, string> options, List<string> exceptions)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Fuzz",
            new[] { CSharpSyntaxTree.ParseText(source, parse, "/0/Test0.cs"), CSharpSyntaxTree.ParseText(Sources.Stubs, parse, "/0/Stubs.cs") },
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var additional = ImmutableArray.Create<AdditionalText>(new TestAdditionalText("/0/Dockerfile", dockerfile), new TestAdditionalText("/0/compose.yaml", compose));
        var analyzerOptions = new AnalyzerOptions(additional, new TestOptionsProvider(options));
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new ContainerWriteAnalyzer()),
            new CompilationWithAnalyzersOptions(analyzerOptions, (exception, analyzer, diagnostic) => { lock (exceptions) { exceptions.Add(exception.ToString()); } }, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
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
    }
}
