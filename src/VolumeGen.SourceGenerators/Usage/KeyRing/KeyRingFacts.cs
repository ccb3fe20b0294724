using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace VolumeGen.SourceGenerators.Usage.KeyRing;

/// <summary>
/// What the whole compilation does with the Data Protection key ring, so that one registration reports it, once:
/// whether any code chooses where keys go (<c>PersistKeysTo*</c>, <c>XmlRepository</c>), whether the app calls
/// <c>AddDataProtection()</c> itself (then VG2005 reports there), and the first registration that uses the key ring
/// implicitly — the first of those that lose the most (sign-in, then session, then forms) — (VG2006 reports there).
/// Found once per compilation, on the first such registration the analyzer meets.
/// </summary>
internal sealed class KeyRingFacts
{
    private KeyRingFacts(bool configuresStorage, bool callsAddDataProtection, SyntaxTree? siteTree, Microsoft.CodeAnalysis.Text.TextSpan siteSpan)
    {
        ConfiguresStorage = configuresStorage;
        CallsAddDataProtection = callsAddDataProtection;
        _siteTree = siteTree;
        _siteSpan = siteSpan;
    }

    private readonly SyntaxTree? _siteTree;
    private readonly Microsoft.CodeAnalysis.Text.TextSpan _siteSpan;

    /// <summary>
    /// True when code chooses where keys go: a <c>PersistKeysTo*</c> call or a <c>KeyManagementOptions.XmlRepository</c>
    /// assignment, in any file (names used in expressions: a declaration of a wrapper does not count). The folder of
    /// <c>PersistKeysToFileSystem</c> is judged where it is called (VG2007).
    /// </summary>
    public bool ConfiguresStorage { get; }

    /// <summary>True when the app calls <c>AddDataProtection()</c> (VG2005's place).</summary>
    public bool CallsAddDataProtection { get; }

    /// <summary>True when <paramref name="invocation"/> is the registration that reports the implicit key ring.</summary>
    public bool IsReportSite(SyntaxNode invocation) => _siteTree == invocation.SyntaxTree && _siteSpan == invocation.Span;

    // Any of these in a file's text is worth walking its syntax for (PersistKeysTo* and XmlRepository by prefix).
    private static readonly string[] Mentioned = new[] { "PersistKeysTo", "XmlRepository", "AddDataProtection" }.Concat(KeyRingUser.Names).ToArray();

    private const int MaxWeight = 3;

    /// <summary>Scans the compilation; <paramref name="modelOf"/> gives the semantic model of a tree.</summary>
    public static KeyRingFacts Find(Compilation compilation, Func<SyntaxTree, SemanticModel> modelOf, CancellationToken cancellationToken)
    {
        bool configures = false;
        bool explicitCall = false;
        SyntaxNode? site = null;
        int siteWeight = 0;
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            if (!InvocationScan.Mentions(tree, Mentioned, cancellationToken))
            {
                continue;
            }

            foreach (SyntaxNode node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (node is SimpleNameSyntax name)
                {
                    string text = name.Identifier.ValueText;
                    configures |= text.StartsWith("PersistKeysTo", StringComparison.Ordinal) || text == "XmlRepository";
                    continue;
                }

                if (node is not InvocationExpressionSyntax invocation || InvocationScan.CalledName(invocation) is not string called)
                {
                    continue;
                }

                bool isAddDataProtection = called == "AddDataProtection";
                if ((!isAddDataProtection || explicitCall) && (!KeyRingUser.IsCandidateName(called) || siteWeight == MaxWeight))
                {
                    continue;
                }

                if (modelOf(tree).GetOperation(invocation, cancellationToken) is not IInvocationOperation operation)
                {
                    continue;
                }

                if (isAddDataProtection)
                {
                    explicitCall |= KeyRingUser.IsAddDataProtection(operation.TargetMethod);
                }
                else if (KeyRingUser.EffectOf(operation.TargetMethod) is string effect && KeyRingUser.Weight(effect) > siteWeight)
                {
                    // The first registration of the most the user loses: Identity after AddRazorPages speaks at Identity.
                    site = invocation;
                    siteWeight = KeyRingUser.Weight(effect);
                }
            }
        }

        return new KeyRingFacts(configures, explicitCall, site?.SyntaxTree, site?.Span ?? default);
    }
}
