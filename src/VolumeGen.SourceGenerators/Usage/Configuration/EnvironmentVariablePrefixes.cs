using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using VolumeGen.SourceGenerators.Usage.Sinks;

namespace VolumeGen.SourceGenerators.Usage.Configuration;

/// <summary>
/// The prefixes the app reads environment variables with, <c>builder.Configuration.AddEnvironmentVariables("Remotely_")</c>:
/// each adds a configuration source after the host's own, so a variable with the prefix wins over every file and over
/// the unprefixed variables, its prefix stripped (<c>Remotely_ConnectionStrings__X</c> is <c>ConnectionStrings:X</c>).
/// Only constant prefixes; found once per compilation, by name first (<see cref="InvocationScan"/>), then bound.
/// </summary>
internal static class EnvironmentVariablePrefixes
{
    private const string ExtensionsType = "Microsoft.Extensions.Configuration.EnvironmentVariablesExtensions";

    private static readonly HashSet<string> Names = new(StringComparer.Ordinal) { "AddEnvironmentVariables" };

    /// <summary>The constant prefixes, in source order, each once.</summary>
    public static IReadOnlyList<string> Find(Compilation compilation, CancellationToken cancellationToken)
    {
        var prefixes = new List<string>();
        foreach (InvocationExpressionSyntax syntax in InvocationScan.Find(compilation, Names, cancellationToken))
        {
            if (syntax.ArgumentList.Arguments.Count == 0
                || compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax, cancellationToken) is not IInvocationOperation invocation
                || !MetadataNames.Is(invocation.TargetMethod.ContainingType, ExtensionsType))
            {
                continue;
            }

            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == "prefix" && argument.ArgumentKind != ArgumentKind.DefaultValue
                    && argument.Value.ConstantValue is { HasValue: true, Value: string prefix } && prefix.Length > 0 && !prefixes.Contains(prefix))
                {
                    prefixes.Add(prefix);
                }
            }
        }

        return prefixes;
    }
}
