using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace VolumeGen.CodeFixers.Usage;

/// <summary>
/// VG2005 whose folder is not the default key folder: the key ring must be told to live there, with
/// <c>PersistKeysToFileSystem(new DirectoryInfo(folder))</c> — appended to an explicit <c>AddDataProtection()</c>, or as
/// a new statement <c>services.AddDataProtection().PersistKeysToFileSystem(...)</c> after the registration that uses the
/// key ring implicitly (Identity, cookies, session, antiforgery).
/// </summary>
internal static class KeyRingRedirect
{
    private const string DataProtectionNamespace = "Microsoft.AspNetCore.DataProtection";
    private const string DependencyInjectionNamespace = "Microsoft.Extensions.DependencyInjection";
    private const string ServiceCollection = "Microsoft.Extensions.DependencyInjection.IServiceCollection";

    /// <summary>True when <paramref name="folder"/> is where ASP.NET Core keeps keys by default (<c>~/.aspnet/DataProtection-Keys</c>): a volume there is enough.</summary>
    public static bool IsDefaultKeyFolder(string folder)
        => folder.EndsWith("/.aspnet/DataProtection-Keys", StringComparison.Ordinal);

    /// <summary>The document with the key ring persisted to <paramref name="folder"/>, or null when the registration cannot be found or rewritten.</summary>
    public static async Task<Document?> ApplyAsync(Document document, TextSpan span, string folder, CancellationToken cancellationToken)
    {
        if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax root
            || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not SemanticModel model
            || root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not InvocationExpressionSyntax invocation)
        {
            return null;
        }

        ExpressionSyntax directory = SyntaxFactory.ParseExpression("new System.IO.DirectoryInfo(" + SyntaxFactory.Literal(folder).ToString() + ")");
        CompilationUnitSyntax updated;
        if (invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AddDataProtection" })
        {
            InvocationExpressionSyntax persisted = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, invocation.WithoutTrivia(), SyntaxFactory.IdentifierName("PersistKeysToFileSystem")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(directory))));
            updated = root.ReplaceNode(invocation, persisted.WithTriviaFrom(invocation));
        }
        else
        {
            if (Services(invocation, model, cancellationToken) is not ExpressionSyntax services
                || invocation.FirstAncestorOrSelf<StatementSyntax>() is not StatementSyntax statement)
            {
                return null;
            }

            string code = services.WithoutTrivia().ToString() + ".AddDataProtection().PersistKeysToFileSystem(" + directory.ToFullString() + ");";
            SyntaxTriviaList indentation = Indentation(statement.GetLeadingTrivia());
            SyntaxTrivia newLine = EndOfLine(root);
            StatementSyntax added = SyntaxFactory.ParseStatement(code).WithLeadingTrivia(indentation).WithTrailingTrivia(newLine);
            switch (statement.Parent)
            {
                case GlobalStatementSyntax global when global.Parent is CompilationUnitSyntax unit:
                    updated = unit.InsertNodesAfter(global, new[] { SyntaxFactory.GlobalStatement(added) });
                    break;
                case BlockSyntax block:
                    updated = root.ReplaceNode(block, block.WithStatements(block.Statements.Insert(block.Statements.IndexOf(statement) + 1, added)));
                    break;
                default:
                    return null;
            }
        }

        Compilation? compilation = await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        updated = WithUsing(updated, compilation, DataProtectionNamespace);
        updated = WithUsing(updated, compilation, DependencyInjectionNamespace);
        return document.WithSyntaxRoot(updated);
    }

    /// <summary>The <c>IServiceCollection</c> the registration chain starts from (e.g. <c>builder.Services</c>).</summary>
    private static ExpressionSyntax? Services(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        ExpressionSyntax current = invocation;
        while (current is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member })
        {
            ITypeSymbol? type = model.GetTypeInfo(member.Expression, cancellationToken).Type;
            if (type is not null && (IsServiceCollection(type) || type.AllInterfaces.Any(IsServiceCollection)))
            {
                return member.Expression;
            }

            current = member.Expression;
        }

        return null;

        static bool IsServiceCollection(ITypeSymbol type) => type.ToDisplayString() == ServiceCollection;
    }

    /// <summary>Adds <c>using ns;</c> unless the file or a global using already imports it.</summary>
    private static CompilationUnitSyntax WithUsing(CompilationUnitSyntax root, Compilation? compilation, string ns)
    {
        if (root.Usings.Any(u => u.Alias is null && u.Name?.ToString() == ns))
        {
            return root;
        }

        if (compilation is not null && compilation.SyntaxTrees.Any(tree => tree.GetRoot() is CompilationUnitSyntax unit
            && unit.Usings.Any(u => u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword) && u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None)
                && (u.Name?.ToString() == ns || u.Name?.ToString() == "global::" + ns))))
        {
            return root;
        }

        UsingDirectiveSyntax directive = SyntaxFactory.ParseCompilationUnit("using " + ns + ";").Usings[0].WithTrailingTrivia(EndOfLine(root));
        if (root.Usings.Count == 0)
        {
            // The first line of the file keeps its comments above the new using.
            SyntaxTriviaList leading = root.GetLeadingTrivia();
            return root.WithoutLeadingTrivia().WithUsings(SyntaxFactory.SingletonList(directive.WithLeadingTrivia(leading).WithTrailingTrivia(EndOfLine(root), EndOfLine(root))));
        }

        return root.WithUsings(root.Usings.Add(directive));
    }

    private static SyntaxTriviaList Indentation(SyntaxTriviaList leading)
    {
        SyntaxTrivia last = leading.LastOrDefault();
        return last.IsKind(SyntaxKind.WhitespaceTrivia) ? SyntaxFactory.TriviaList(last) : SyntaxFactory.TriviaList();
    }

    private static SyntaxTrivia EndOfLine(SyntaxNode root)
    {
        foreach (SyntaxTrivia trivia in root.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia;
            }
        }

        return SyntaxFactory.LineFeed;
    }
}
