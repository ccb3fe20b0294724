using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace VolumeGen.SourceGenerators.Usage.KeyRing;

/// <summary>
/// Where each <c>DbContext</c> of the app keeps its data, for <c>PersistKeysToDbContext&lt;TContext&gt;()</c>: the
/// <c>UseSqlite</c>/<c>AddSqlite</c> calls that configure it — in <c>AddDbContext&lt;T&gt;</c> (also <c>Pool</c>,
/// <c>Factory</c>, <c>AddPooledDbContextFactory</c>), <c>AddSqlite&lt;T&gt;</c>, the generic <c>UseSqlite</c> of
/// <c>DbContextOptionsBuilder&lt;T&gt;</c>, or the context's own <c>OnConfiguring</c>. A context also configured with
/// another provider (SQL Server, PostgreSQL, …) keeps its data elsewhere: it has no SQLite database here. Found once
/// per compilation, on the first <c>PersistKeysToDbContext</c>.
/// </summary>
internal sealed class KeyDatabases
{
    private static readonly HashSet<string> Registrations = new(StringComparer.Ordinal)
    {
        "AddDbContext", "AddDbContextPool", "AddDbContextFactory", "AddPooledDbContextFactory",
    };

    // The other providers' configuration calls: a context that uses one is not (only) an SQLite file.
    private static readonly HashSet<string> Providers = new(StringComparer.Ordinal)
    {
        "UseSqlite", "AddSqlite", "UseSqlServer", "AddSqlServer", "UseNpgsql", "AddNpgsql", "UseMySql", "UseMySQL", "AddMySql",
        "UseInMemoryDatabase", "UseCosmos", "AddCosmos", "UseOracle", "AddOracle", "UseAzureSql", "UseFirebird", "UseJet",
    };

    private readonly Dictionary<ITypeSymbol, List<IInvocationOperation>> _sqlite = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ITypeSymbol> _otherProvider = new(SymbolEqualityComparer.Default);

    private KeyDatabases()
    {
    }

    /// <summary>The <c>UseSqlite</c>/<c>AddSqlite</c> calls that configure <paramref name="context"/>; empty when it has none, or another provider too.</summary>
    public IReadOnlyList<IInvocationOperation> For(ITypeSymbol context)
        => !_otherProvider.Contains(context) && _sqlite.TryGetValue(context, out List<IInvocationOperation>? calls) ? calls : Array.Empty<IInvocationOperation>();

    /// <summary>Scans the compilation; <paramref name="modelOf"/> gives the semantic model of a tree.</summary>
    public static KeyDatabases Find(Compilation compilation, Func<SyntaxTree, SemanticModel> modelOf, CancellationToken cancellationToken)
    {
        var databases = new KeyDatabases();
        foreach (InvocationExpressionSyntax call in InvocationScan.Find(compilation, Providers, cancellationToken))
        {
            if (modelOf(call.SyntaxTree).GetOperation(call, cancellationToken) is not IInvocationOperation operation)
            {
                continue;
            }

            bool isSqlite = operation.TargetMethod.Name is "UseSqlite" or "AddSqlite";
            foreach (ITypeSymbol context in ContextsOf(operation, modelOf, cancellationToken))
            {
                if (!isSqlite)
                {
                    databases._otherProvider.Add(context);
                }
                else if (databases._sqlite.TryGetValue(context, out List<IInvocationOperation>? calls))
                {
                    calls.Add(operation);
                }
                else
                {
                    databases._sqlite.Add(context, new List<IInvocationOperation> { operation });
                }
            }
        }

        return databases;
    }

    /// <summary>The context types a provider call configures.</summary>
    private static IEnumerable<ITypeSymbol> ContextsOf(IInvocationOperation operation, Func<SyntaxTree, SemanticModel> modelOf, CancellationToken cancellationToken)
    {
        // AddSqlite<TContext>(...) and UseSqlite<TContext>(this DbContextOptionsBuilder<TContext> ...).
        if (operation.TargetMethod.TypeArguments.Length == 1)
        {
            return operation.TargetMethod.TypeArguments;
        }

        for (SyntaxNode? node = operation.Syntax.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax registration }
                    when InvocationScan.CalledName(registration) is string name && Registrations.Contains(name):
                    return modelOf(registration.SyntaxTree).GetOperation(registration, cancellationToken) is IInvocationOperation { TargetMethod.TypeArguments: { Length: > 0 } contexts }
                        ? contexts
                        : Array.Empty<ITypeSymbol>();
                case MethodDeclarationSyntax { Identifier.ValueText: "OnConfiguring" } method:
                    return modelOf(method.SyntaxTree).GetDeclaredSymbol(method, cancellationToken)?.ContainingType is INamedTypeSymbol type
                        ? new ITypeSymbol[] { type }
                        : Array.Empty<ITypeSymbol>();
                case MemberDeclarationSyntax:
                    return Array.Empty<ITypeSymbol>();
            }
        }

        return Array.Empty<ITypeSymbol>();
    }
}
