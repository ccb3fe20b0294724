using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using VolumeGen.SourceGenerators.Diagnostics;

namespace VolumeGen.CodeFixers.Tests.Infrastructure;

/// <summary>
/// Hand-made usage diagnostics with the properties of the analyzer contract (issue 12), for fix tests that must not
/// depend on which analysis produces them. The AdditionalFile <c>diagnostics.contract</c> holds one line per
/// diagnostic: <c>ID|code text to report at|key=value|key=value…</c>. Like the real analyzer, it is silent once the
/// data is persisted: the file declares a <c>PersistentVolume("…")</c> that holds the diagnostic's folder, and a
/// configured value (if any) no longer holds what it held.
/// </summary>
// A test double that only ever runs inside the analyzer test harness, never in a compiler.
#pragma warning disable RS1036, RS1038, RS1041
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ContractAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1036, RS1038, RS1041
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.WriteOutsidePersistedPath, DiagnosticDescriptors.DataProtectionKeysNotPersisted);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxTreeAction(static tree =>
        {
            AdditionalText? contract = tree.Options.AdditionalFiles.FirstOrDefault(static f => f.Path.EndsWith("diagnostics.contract", StringComparison.Ordinal));
            string text = tree.Tree.GetText(tree.CancellationToken).ToString();
            foreach (string line in contract?.GetText(tree.CancellationToken)?.ToString().Split('\n') ?? Array.Empty<string>())
            {
                string[] parts = line.TrimEnd('\r').Split('|');
                int at = parts.Length >= 2 ? text.IndexOf(parts[1], StringComparison.Ordinal) : -1;
                if (at < 0)
                {
                    continue;
                }

                ImmutableDictionary<string, string?> properties = parts.Skip(2)
                    .Select(static p => p.Split(new[] { '=' }, 2))
                    .ToImmutableDictionary(static p => p[0], static p => (string?)p[1]);
                string folder = properties[DiagnosticDescriptors.FolderProperty]!;
                bool persisted = System.Text.RegularExpressions.Regex.Matches(text, "PersistentVolume\\(\"([^\"]+)\"\\)").Cast<System.Text.RegularExpressions.Match>()
                    .Any(m => ContainerPath.IsUnder(folder, m.Groups[1].Value));
                bool moved = !properties.TryGetValue("VolumeGen.ConfigFile", out string? file)
                    || tree.Options.AdditionalFiles.FirstOrDefault(f => f.Path == file)?.GetText(tree.CancellationToken)?.ToString().Contains("\"" + properties["VolumeGen.ConfigValue"] + "\"") != true;
                if (persisted && moved)
                {
                    continue;
                }

                DiagnosticDescriptor descriptor = parts[0] == "VG2005" ? DiagnosticDescriptors.DataProtectionKeysNotPersisted : DiagnosticDescriptors.WriteOutsidePersistedPath;
                object[] arguments = descriptor == DiagnosticDescriptors.DataProtectionKeysNotPersisted ? new object[] { "keys", folder } : new object[] { "sink", "path", "resolved", "fix" };
                tree.ReportDiagnostic(Diagnostic.Create(descriptor, Location.Create(tree.Tree, new Microsoft.CodeAnalysis.Text.TextSpan(at, parts[1].Length)), properties, arguments));
            }
        });
    }
}
