using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using VolumeGen.SourceGenerators.Diagnostics;

namespace VolumeGen.CodeFixers.Declarations;

/// <summary>VG1020: adds <c>partial</c> to the storage class and to every containing type that lacks it, in every file that declares them.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeStorageClassPartialCodeFix)), Shared]
public sealed class MakeStorageClassPartialCodeFix : CodeFixProvider
{
    private const string EquivalenceKey = "VolumeGen.MakeStorageClassPartial";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.StorageClassNotPartialId);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } declaration)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Make '" + declaration.Identifier.ValueText + "' partial",
                    cancellationToken => AddPartialAsync(context.Document, declaration, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Solution> AddPartialAsync(Document document, TypeDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        Solution solution = document.Project.Solution;
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model?.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type)
        {
            return solution;
        }

        // Every declaration of the class and of its containing types that lacks 'partial', grouped by file.
        var byTree = new Dictionary<SyntaxTree, List<TypeDeclarationSyntax>>();
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            foreach (SyntaxReference reference in current.DeclaringSyntaxReferences)
            {
                if (await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is TypeDeclarationSyntax typeDeclaration
                    && !typeDeclaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    if (!byTree.TryGetValue(reference.SyntaxTree, out List<TypeDeclarationSyntax>? list))
                    {
                        list = new List<TypeDeclarationSyntax>();
                        byTree.Add(reference.SyntaxTree, list);
                    }

                    list.Add(typeDeclaration);
                }
            }
        }

        foreach (KeyValuePair<SyntaxTree, List<TypeDeclarationSyntax>> entry in byTree)
        {
            DocumentId? id = solution.GetDocumentId(entry.Key);
            if (id is null)
            {
                continue;
            }

            SyntaxNode root = await entry.Key.GetRootAsync(cancellationToken).ConfigureAwait(false);
            SyntaxNode newRoot = root.ReplaceNodes(entry.Value, static (original, rewritten) => WithPartial((TypeDeclarationSyntax)rewritten));
            solution = solution.WithDocumentSyntaxRoot(id, newRoot);
        }

        return solution;
    }

    // 'partial' goes right before the keyword; with no modifiers it takes over the keyword's leading trivia (indentation, doc comments).
    private static TypeDeclarationSyntax WithPartial(TypeDeclarationSyntax declaration)
    {
        if (declaration.Modifiers.Count == 0)
        {
            SyntaxToken keyword = declaration.Keyword;
            SyntaxToken partial = SyntaxFactory.Token(keyword.LeadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            return declaration
                .WithKeyword(keyword.WithLeadingTrivia(SyntaxFactory.TriviaList()))
                .WithModifiers(SyntaxFactory.TokenList(partial));
        }

        return declaration.AddModifiers(SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space));
    }
}
