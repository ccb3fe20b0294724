using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace VolumeGen.SourceGenerators.Usage;

/// <summary>
/// Finds calls by name across the whole compilation, syntax only (the caller binds the few it gets). Used for the
/// rare facts that live in another method or file: options bindings, Data Protection registrations. Run lazily, at
/// most once per compilation and question.
/// </summary>
internal static class InvocationScan
{
    /// <summary>The invocations whose called name is in <paramref name="names"/>, in compilation order (tree, then position).</summary>
    public static List<InvocationExpressionSyntax> Find(Compilation compilation, ISet<string> names, CancellationToken cancellationToken)
    {
        var found = new List<InvocationExpressionSyntax>();
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            if (!Mentions(tree, names, cancellationToken))
            {
                continue;
            }

            foreach (SyntaxNode node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (node is InvocationExpressionSyntax invocation && CalledName(invocation) is string name && names.Contains(name))
                {
                    found.Add(invocation);
                }
            }
        }

        return found;
    }

    /// <summary>
    /// True when the text of <paramref name="tree"/> contains one of <paramref name="names"/>: a search of the text is far
    /// cheaper than walking the syntax (EF Core migrations alone are thousands of nodes), so most trees are never walked.
    /// </summary>
    public static bool Mentions(SyntaxTree tree, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        string text = tree.GetText(cancellationToken).ToString();
        foreach (string name in names)
        {
            if (text.IndexOf(name, System.StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The simple name an invocation calls (<c>AddCookie</c> for <c>services.AddAuthentication().AddCookie(...)</c>).</summary>
    public static string? CalledName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };
}
