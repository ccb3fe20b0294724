using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using VolumeGen.TestSupport;

namespace VolumeGen.CodeFixers.Tests.Infrastructure;

/// <summary>
/// An analyzer assembly for command-line tools (dotnet format), compiled here: it reports VG2001 at
/// <c>GetConnectionString(</c> with the analyzer contract's properties for <c>appsettings.json</c>'s
/// <c>ConnectionStrings:DefaultConnection</c>, and is silent once <c>PersistentVolume("/app/data")</c> is declared.
/// </summary>
internal static class ContractAnalyzerAssembly
{
    private const string Source = """
        using System.Collections.Immutable;
        using Microsoft.CodeAnalysis;
        using Microsoft.CodeAnalysis.Diagnostics;

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        public sealed class ConfiguredDatabaseAnalyzer : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor("VG2001", "Data is written outside every persisted path", "The database is written outside every persisted path", "VolumeGen.Usage", DiagnosticSeverity.Warning, true);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterSyntaxTreeAction(tree =>
                {
                    string text = tree.Tree.GetText().ToString();
                    int at = text.IndexOf("GetConnectionString(");
                    if (at < 0 || text.Contains("PersistentVolume(\"/app/data\")"))
                    {
                        return;
                    }

                    foreach (AdditionalText file in tree.Options.AdditionalFiles)
                    {
                        if (file.Path.EndsWith("appsettings.json"))
                        {
                            ImmutableDictionary<string, string> properties = ImmutableDictionary<string, string>.Empty
                                .Add("VolumeGen.Folder", "/app/data")
                                .Add("VolumeGen.ConfigFile", file.Path)
                                .Add("VolumeGen.ConfigKey", "ConnectionStrings:DefaultConnection")
                                .Add("VolumeGen.ConfigValue", "DataSource=app.db;Cache=Shared")
                                .Add("VolumeGen.ConfigSuggestedValue", "DataSource=/app/data/app.db;Cache=Shared");
                            tree.ReportDiagnostic(Diagnostic.Create(Rule, Location.Create(tree.Tree, new Microsoft.CodeAnalysis.Text.TextSpan(at, "GetConnectionString".Length)), properties));
                        }
                    }
                });
            }
        }
        """;

    /// <summary>Compiles the analyzer into a new temporary file and returns its path.</summary>
    public static string Emit()
    {
        string folder = Path.Combine(Path.GetTempPath(), "volumegen-contract-analyzer-" + Guid.NewGuid().ToString("N").Substring(0, 10));
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, "ConfiguredDatabaseAnalyzer.dll");
        CSharpCompilation compilation = CSharpCompilation.Create(
            "ConfiguredDatabaseAnalyzer",
            new[] { CSharpSyntaxTree.ParseText(Source) },
            TestReferences.All.Add(MetadataReference.CreateFromFile(typeof(DiagnosticDescriptor).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(path);
        if (!result.Success)
        {
            throw new InvalidOperationException("The contract analyzer does not compile:\n" + string.Join("\n", result.Diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error)));
        }

        return path;
    }
}
