using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Text;
using VolumeGen.SourceGenerators.Declarations;

namespace VolumeGen.CodeFixers.Usage;

/// <summary>The project's storage classes (source classes with a VolumeGen mount attribute) and the edits the usage fixes make.</summary>
internal static class StorageClasses
{
    /// <summary>The name of the class the fix creates when the project has none.</summary>
    public const string NewClassName = "ContainerStorage";

    /// <summary>Storage classes of <paramref name="project"/>, by full name (ordinal).</summary>
    public static async Task<IReadOnlyList<INamedTypeSymbol>> FindAsync(Project project, CancellationToken cancellationToken)
    {
        Compilation? compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        var found = new List<INamedTypeSymbol>();
        if (compilation is null)
        {
            return found;
        }

        VolumeGenAttributes attributes = VolumeGenAttributes.Create(compilation);
        Collect(compilation.Assembly.GlobalNamespace, attributes, found, cancellationToken);
        return found.OrderBy(static t => t.ToDisplayString(), StringComparer.Ordinal).ToList();
    }

    private static void Collect(INamespaceOrTypeSymbol container, VolumeGenAttributes attributes, List<INamedTypeSymbol> found, CancellationToken cancellationToken)
    {
        foreach (ISymbol member in container.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member is INamespaceSymbol ns)
            {
                Collect(ns, attributes, found, cancellationToken);
            }
            else if (member is INamedTypeSymbol { TypeKind: TypeKind.Class } type && type.Locations.Any(static l => l.IsInSource))
            {
                if (type.GetAttributes().Any(a => attributes.Classify(a.AttributeClass) is not VolumeGenAttributeKind.None and not VolumeGenAttributeKind.EphemeralPath))
                {
                    found.Add(type);
                }

                Collect(type, attributes, found, cancellationToken);
            }
        }
    }

    /// <summary>The targets of every <c>[PersistentVolume("target")]</c> the classes declare (normalised).</summary>
    public static IReadOnlyList<string> PersistentVolumeTargets(IEnumerable<INamedTypeSymbol> classes)
    {
        var targets = new List<string>();
        foreach (INamedTypeSymbol storageClass in classes)
        {
            foreach (AttributeData attribute in storageClass.GetAttributes())
            {
                if (attribute.AttributeClass?.Name == "PersistentVolumeAttribute" && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string target && ContainerPath.IsAbsolute(target))
                {
                    targets.Add(ContainerPath.Normalize(target));
                }
            }
        }

        return targets;
    }

    /// <summary>Adds <c>[PersistentVolume("folder")]</c> for each folder the class does not declare yet.</summary>
    public static async Task<Solution> AddVolumesAsync(Solution solution, INamedTypeSymbol storageClass, IReadOnlyList<string> folders, CancellationToken cancellationToken)
    {
        SyntaxReference? reference = storageClass.DeclaringSyntaxReferences.OrderBy(static r => r.SyntaxTree.FilePath, StringComparer.Ordinal).FirstOrDefault();
        Document? document = reference is null ? null : solution.GetDocument(reference.SyntaxTree);
        if (document is null || await reference!.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is not ClassDeclarationSyntax declaration)
        {
            return solution;
        }

        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (AttributeData attribute in storageClass.GetAttributes())
        {
            if (attribute.AttributeClass?.Name == "PersistentVolumeAttribute" && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string target)
            {
                declared.Add(ContainerPath.Normalize(target));
            }
        }

        SyntaxNode root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) ?? declaration.SyntaxTree.GetRoot(cancellationToken);
        bool shortName = HasVolumeGenUsing(declaration);
        var lists = new List<AttributeListSyntax>();
        foreach (string folder in folders)
        {
            if (declared.Add(folder))
            {
                lists.Add(AttributeList(shortName ? "PersistentVolume" : "VolumeGen.PersistentVolume", folder, target: null));
            }
        }

        if (lists.Count == 0)
        {
            return solution;
        }

        ClassDeclarationSyntax updated = AddAttributeLists(declaration, lists);
        return solution.WithDocumentSyntaxRoot(document.Id, root.ReplaceNode(declaration, updated));
    }

    /// <summary>
    /// Appends a <c>ContainerStorage</c> class declaring the folders to <paramref name="document"/> (the file of the
    /// first write). An existing file, not a new one: <c>dotnet format</c> keeps a fix only when it changes an existing
    /// document, and adding a file to an SDK project through the workspace would also write a <c>Compile</c> item.
    /// </summary>
    public static async Task<Solution> CreateStorageClassAsync(Document document, IReadOnlyList<string> folders, CancellationToken cancellationToken)
    {
        if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax root)
        {
            return document.Project.Solution;
        }

        Compilation? compilation = await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        string name = NewClassName;
        for (int i = 2; compilation?.GetTypeByMetadataName(name) is not null; i++)
        {
            name = NewClassName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        string eol = EndOfLine(root).ToFullString();
        bool shortName = root.Usings.Any(static u => u.Name?.ToString() == "VolumeGen" && u.Alias is null);
        var text = new System.Text.StringBuilder();
        SourceText source = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        string existing = source.ToString();
        if (existing.Length > 0 && !existing.EndsWith("\n", StringComparison.Ordinal))
        {
            text.Append(eol);
        }

        text.Append(eol).Append("// Container folders whose data must outlive the container: VolumeGen declares them as named volumes.").Append(eol);
        foreach (string folder in folders.Distinct(StringComparer.Ordinal))
        {
            text.Append('[').Append(shortName ? "PersistentVolume(" : "VolumeGen.PersistentVolume(").Append(Literal(folder)).Append(")]").Append(eol);
        }

        text.Append("public static partial class ").Append(name).Append(eol).Append('{').Append(eol).Append('}').Append(eol);
        SourceText updated = source.WithChanges(new TextChange(new TextSpan(source.Length, 0), text.ToString()));
        return document.WithText(updated).Project.Solution;
    }

    /// <summary>Adds <c>[assembly: EphemeralPath("folder")]</c> lines to <paramref name="document"/>, after its usings.</summary>
    public static async Task<Document> AddEphemeralPathsAsync(Document document, IReadOnlyList<string> folders, CancellationToken cancellationToken)
    {
        if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax root)
        {
            return document;
        }

        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (AttributeListSyntax list in root.AttributeLists)
        {
            foreach (AttributeSyntax attribute in list.Attributes)
            {
                if (attribute.Name.ToString().EndsWith("EphemeralPath", StringComparison.Ordinal) && attribute.ArgumentList?.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax literal)
                {
                    existing.Add(literal.Token.ValueText);
                }
            }
        }

        bool shortName = root.Usings.Any(static u => u.Name?.ToString() == "VolumeGen");
        var lists = new List<AttributeListSyntax>();
        foreach (string folder in folders)
        {
            if (existing.Add(folder))
            {
                lists.Add(AttributeList(shortName ? "EphemeralPath" : "VolumeGen.EphemeralPath", folder, SyntaxFactory.AttributeTargetSpecifier(SyntaxFactory.Token(SyntaxKind.AssemblyKeyword))));
            }
        }

        return lists.Count == 0 ? document : document.WithSyntaxRoot(root.AddAttributeLists(lists.ToArray()));
    }

    private static AttributeListSyntax AttributeList(string name, string folder, AttributeTargetSpecifierSyntax? target)
    {
        AttributeSyntax attribute = SyntaxFactory.Attribute(
            SyntaxFactory.ParseName(name),
            SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(
                SyntaxFactory.AttributeArgument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(folder))))));
        return SyntaxFactory.AttributeList(target, SyntaxFactory.SingletonSeparatedList(attribute)).WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static ClassDeclarationSyntax AddAttributeLists(ClassDeclarationSyntax declaration, List<AttributeListSyntax> lists)
    {
        if (declaration.AttributeLists.Count > 0)
        {
            SyntaxTriviaList indentation = IndentationOf(declaration.AttributeLists.Last().GetLeadingTrivia());
            SyntaxTrivia newLine = EndOfLine(declaration);
            var added = lists.Select(l => l.WithLeadingTrivia(indentation).WithTrailingTrivia(newLine)).ToList();
            return declaration.WithAttributeLists(declaration.AttributeLists.AddRange(added));
        }

        // No attribute yet: the class's leading trivia (comments, indentation) moves in front of the first attribute.
        SyntaxTriviaList leading = declaration.GetLeadingTrivia();
        SyntaxTriviaList indent = IndentationOf(leading);
        SyntaxTrivia eol = EndOfLine(declaration);
        var first = lists.Select((l, i) => (i == 0 ? l.WithLeadingTrivia(leading) : l.WithLeadingTrivia(indent)).WithTrailingTrivia(eol)).ToList();
        ClassDeclarationSyntax stripped = declaration.WithoutLeadingTrivia();
        return stripped.WithAttributeLists(SyntaxFactory.List(first)).WithLeadingTrivia(indent);
    }

    /// <summary>The line ending the file already uses (LF when it has none).</summary>
    private static SyntaxTrivia EndOfLine(SyntaxNode node)
    {
        foreach (SyntaxTrivia trivia in node.SyntaxTree.GetRoot().DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia;
            }
        }

        return SyntaxFactory.LineFeed;
    }

    private static SyntaxTriviaList IndentationOf(SyntaxTriviaList leading)
    {
        SyntaxTrivia last = leading.LastOrDefault();
        return last.IsKind(SyntaxKind.WhitespaceTrivia) ? SyntaxFactory.TriviaList(last) : SyntaxFactory.TriviaList();
    }

    private static bool HasVolumeGenUsing(SyntaxNode node)
    {
        for (SyntaxNode? current = node; current is not null; current = current.Parent)
        {
            SyntaxList<UsingDirectiveSyntax> usings = current switch
            {
                CompilationUnitSyntax unit => unit.Usings,
                BaseNamespaceDeclarationSyntax ns => ns.Usings,
                _ => default,
            };
            if (usings.Any(static u => u.Name?.ToString() == "VolumeGen" && u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None)))
            {
                return true;
            }

            if (current is BaseNamespaceDeclarationSyntax { Name: var name } && (name.ToString() == "VolumeGen" || name.ToString().StartsWith("VolumeGen.", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static string Literal(string text) => SyntaxFactory.Literal(text).ToString();
}
