using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using VolumeGen.SourceGenerators.Diagnostics;

namespace VolumeGen.CodeFixers.Usage;

/// <summary>
/// VG2001 (data written outside every persisted path), VG2005/VG2006/VG2007 (the Data Protection key ring), in this order: first the actions that persist the data — declare the folder as
/// <c>[PersistentVolume("folder")]</c> on each storage class of the project, or on a new <c>ContainerStorage</c> class
/// when there is none (moving a configured value into the folder, or pointing the key ring at it, when the diagnostic
/// says so) — and last "mark ephemeral" (<c>[assembly: EphemeralPath]</c>) for a plain write.
/// </summary>
/// <remarks>
/// One provider on purpose: <c>dotnet format</c> applies, per provider, the Fix All of the first action the provider
/// registers for the first diagnostic, and the light bulb lists a provider's actions in registration order. So the
/// fix that keeps the data is what tools apply and what the user sees first; marking data ephemeral only happens when
/// asked for by its equivalence key. Fix All collects every folder in scope and declares one volume per data root.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DeclarePersistentVolumeCodeFix)), Shared]
public sealed class DeclarePersistentVolumeCodeFix : CodeFixProvider
{
    /// <summary>Prefix of the persisting actions' equivalence keys; the storage class's full name (or <c>new</c>) follows.</summary>
    public const string EquivalenceKeyPrefix = "VolumeGen.DeclarePersistentVolume:";

    /// <summary>The key of the "new ContainerStorage class" action.</summary>
    public const string NewClassKey = EquivalenceKeyPrefix + "new";

    /// <summary>The key of the "mark ephemeral" action.</summary>
    public const string MarkEphemeralKey = "VolumeGen.MarkEphemeralPath";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.WriteOutsidePersistedPath.Id,
        DiagnosticDescriptors.DataProtectionKeysNotPersisted.Id,
        DiagnosticDescriptors.ImplicitKeyRingNotPersisted.Id,
        DiagnosticDescriptors.KeyRingFolderNotPersisted.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => FixAll.Instance;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (FixRequest.From(diagnostic) is not FixRequest request)
            {
                continue;
            }

            // A class library's folder is declared in the app that ships it; without that project in the solution, only
            // the explicit "mark ephemeral" is offered (a declaration in the library would reach no image).
            if (request.DeclaringProject(context.Document.Project) is not Project project)
            {
                RegisterEphemeral(context, diagnostic, request);
                continue;
            }

            IReadOnlyList<INamedTypeSymbol> classes = await StorageClasses.FindAsync(project, context.CancellationToken).ConfigureAwait(false);
            FixRequest[] requests = { request };
            if (request.Move is ConfigurationMove move && classes.Count > 0
                && DataRoots.Collapse(new[] { request.Folder }, StorageClasses.PersistentVolumeTargets(classes)).Count == 0)
            {
                // The folder is persisted already: only the value has to move there; one action, whatever the classes.
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Move '{move.Key}' into '{request.Folder}' (persisted) in {move.FileName}",
                        cancellationToken => PersistData.ApplyAsync(project.Solution, project.Id, null, requests, cancellationToken),
                        EquivalenceKeyPrefix + classes[0].ToDisplayString()),
                    diagnostic);
            }
            else if (classes.Count == 0)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        Title(request, "a new " + StorageClasses.NewClassName + " class"),
                        cancellationToken => PersistData.ApplyAsync(project.Solution, project.Id, null, requests, cancellationToken),
                        NewClassKey),
                    diagnostic);
            }

            else
            {
                foreach (INamedTypeSymbol storageClass in classes)
                {
                    string name = storageClass.ToDisplayString();
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            Title(request, storageClass.Name),
                            cancellationToken => PersistData.ApplyAsync(project.Solution, project.Id, name, requests, cancellationToken),
                            EquivalenceKeyPrefix + name),
                        diagnostic);
                }
            }

            RegisterEphemeral(context, diagnostic, request);
        }
    }

    /// <summary>The "mark ephemeral" action, always after the persisting ones; it marks in the written code's own assembly.</summary>
    private static void RegisterEphemeral(CodeFixContext context, Diagnostic diagnostic, FixRequest request)
    {
        if (request.EphemeralPath is string ephemeral)
        {
            string[] folders = { ephemeral };
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Mark '{ephemeral}' as ephemeral ([assembly: EphemeralPath]): its data is lost with the container",
                    cancellationToken => StorageClasses.AddEphemeralPathsAsync(context.Document, folders, cancellationToken),
                    MarkEphemeralKey),
                diagnostic);
        }
    }

    private static string Title(FixRequest request, string target)
    {
        string declare = $"declare [PersistentVolume(\"{request.Folder}\")] on {target}";
        if (request.Move is ConfigurationMove move)
        {
            return $"Move '{move.Key}' into '{request.Folder}' in {move.FileName} and {declare}";
        }

        return request.RedirectKeys
            ? $"Keep the Data Protection keys in '{request.Folder}' (PersistKeysToFileSystem) and {declare}"
            : char.ToUpperInvariant(declare[0]) + declare.Substring(1);
    }

    /// <summary>Fix All: the persisting action with every request in scope in one edit, or every folder marked ephemeral.</summary>
    private sealed class FixAll : FixAllProvider
    {
        public static FixAll Instance { get; } = new();

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            string? key = fixAllContext.CodeActionEquivalenceKey;
            ImmutableArray<Diagnostic> diagnostics = await FixAllDiagnostics.DiagnosticsAsync(fixAllContext).ConfigureAwait(false);
            Solution solution = fixAllContext.Solution;
            var requests = FixAllDiagnostics.InSourceOrder(diagnostics)
                .Select(FixRequest.From).OfType<FixRequest>()
                .Select(r => (Request: r, Document: solution.GetDocument(r.Diagnostic.Location.SourceTree)))
                .Where(static x => x.Document is not null)
                .ToList();
            if (requests.Count == 0)
            {
                return null;
            }

            if (key == MarkEphemeralKey)
            {
                // Marked where the data is written: each document's own assembly.
                var byProject = requests.GroupBy(static x => x.Document!.Project.Id, static x => x).ToList();
                return CodeAction.Create(
                    "Mark the folders as ephemeral",
                    async cancellationToken =>
                    {
                        Solution current = solution;
                        foreach (var project in byProject)
                        {
                            var ephemeral = project.Where(static x => x.Request.CanBeEphemeral).ToList();
                            IReadOnlyList<string> folders = DataRoots.Collapse(ephemeral.Select(static x => x.Request.EphemeralPath!), Array.Empty<string>());
                            if (folders.Count > 0 && current.GetDocument(ephemeral[0].Document!.Id) is Document target)
                            {
                                current = (await StorageClasses.AddEphemeralPathsAsync(target, folders, cancellationToken).ConfigureAwait(false)).Project.Solution;
                            }
                        }

                        return current;
                    },
                    key);
            }

            if (key is null || !key.StartsWith(EquivalenceKeyPrefix, StringComparison.Ordinal))
            {
                return null;
            }

            // Declared where the image's declarations are: a class library's requests go to the app that ships it.
            var byDeclaringProject = requests
                .Select(x => (x.Request, Project: x.Request.DeclaringProject(x.Document!.Project)))
                .Where(static x => x.Project is not null)
                .GroupBy(static x => x.Project!.Id, static x => x)
                .ToList();
            string? storageClass = key == NewClassKey ? null : key.Substring(EquivalenceKeyPrefix.Length);
            return CodeAction.Create(
                "Persist the data: declare the folders as persistent volumes",
                async cancellationToken =>
                {
                    Solution current = solution;
                    foreach (var project in byDeclaringProject)
                    {
                        current = await PersistData.ApplyAsync(current, project.Key, storageClass, project.Select(static x => x.Request).ToList(), cancellationToken).ConfigureAwait(false);
                    }

                    return current;
                },
                key);
        }
    }
}
