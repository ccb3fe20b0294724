using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace VolumeGen.SourceGenerators.Usage.PathEvaluation;

/// <summary>
/// Which configuration section each options type is bound to: <c>services.Configure&lt;T&gt;(section)</c>,
/// <c>AddOptions&lt;T&gt;().Bind(section)</c>, <c>.BindConfiguration("path")</c>. A type bound to two sections, or
/// also configured in code (<c>Configure&lt;T&gt;(o =&gt; ...)</c>, <c>PostConfigure</c>), or only as named options,
/// has no known section. Found once per compilation, on the first options value a path needs.
/// </summary>
internal sealed class OptionsBindings
{
    private const string ServiceCollectionBinding = "Microsoft.Extensions.DependencyInjection.OptionsConfigurationServiceCollectionExtensions";
    private const string ServiceCollectionCode = "Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions";
    private const string BuilderBinding = "Microsoft.Extensions.DependencyInjection.OptionsBuilderConfigurationExtensions";
    private const string Builder = "Microsoft.Extensions.Options.OptionsBuilder`1";

    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "Configure", "Bind", "BindConfiguration", "PostConfigure", "ConfigureAll", "PostConfigureAll",
    };

    private readonly Dictionary<ITypeSymbol, string?> _sections;

    private OptionsBindings(Dictionary<ITypeSymbol, string?> sections) => _sections = sections;

    /// <summary>The section <paramref name="optionsType"/> is bound to (<c>""</c> for the root), or null when unknown.</summary>
    public string? SectionOf(ITypeSymbol optionsType)
        => _sections.TryGetValue(optionsType.OriginalDefinition, out string? section) ? section : null;

    /// <summary>
    /// Scans <paramref name="compilation"/>. <paramref name="sectionPath"/> evaluates a configuration expression to its
    /// section path; <paramref name="modelOf"/> gives the semantic model of a tree.
    /// </summary>
    public static OptionsBindings Find(Compilation compilation, Func<IOperation, string?> sectionPath, Func<SyntaxTree, SemanticModel> modelOf, CancellationToken cancellationToken)
    {
        var sections = new Dictionary<ITypeSymbol, string?>(SymbolEqualityComparer.Default);
        INamedTypeSymbol? serviceCollectionBinding = compilation.GetTypeByMetadataName(ServiceCollectionBinding);
        INamedTypeSymbol? serviceCollectionCode = compilation.GetTypeByMetadataName(ServiceCollectionCode);
        INamedTypeSymbol? builderBinding = compilation.GetTypeByMetadataName(BuilderBinding);
        INamedTypeSymbol? builder = compilation.GetTypeByMetadataName(Builder);
        if (serviceCollectionBinding is null && builderBinding is null)
        {
            return new OptionsBindings(sections);
        }

        foreach (InvocationExpressionSyntax syntax in InvocationScan.Find(compilation, Names, cancellationToken))
        {
            if (modelOf(syntax.SyntaxTree).GetOperation(syntax, cancellationToken) is not IInvocationOperation invocation)
            {
                continue;
            }

            IMethodSymbol method = invocation.TargetMethod;
            INamedTypeSymbol? type = method.ContainingType?.OriginalDefinition;
            if (Is(type, serviceCollectionBinding) && method.Name == "Configure" && method.TypeArguments.Length == 1)
            {
                if (IsDefaultName(PassedArguments.Value(invocation, "name")))
                {
                    Add(sections, method.TypeArguments[0], PassedArguments.Value(invocation, "config") is { } config ? sectionPath(config) : null);
                }
            }
            else if (Is(type, builderBinding) && method.TypeArguments.Length == 1 && IsDefaultNamedBuilder(invocation))
            {
                if (method.Name == "Bind")
                {
                    Add(sections, method.TypeArguments[0], PassedArguments.Value(invocation, "config") is { } config ? sectionPath(config) : null);
                }
                else if (method.Name == "BindConfiguration")
                {
                    Add(sections, method.TypeArguments[0], PassedArguments.Value(invocation, "configSectionPath")?.ConstantValue.Value as string);
                }
            }
            else if (Is(type, serviceCollectionCode) && method.TypeArguments.Length == 1)
            {
                // Configure<T>(o => ...), PostConfigure, ConfigureAll: code changes the values after binding.
                sections[method.TypeArguments[0].OriginalDefinition] = null;
            }
            else if (Is(type, builder) && method.ContainingType is { TypeArguments.Length: 1 } builderType && method.Name is "Configure" or "PostConfigure")
            {
                sections[builderType.TypeArguments[0].OriginalDefinition] = null;
            }
        }

        return new OptionsBindings(sections);
    }

    private static void Add(Dictionary<ITypeSymbol, string?> sections, ITypeSymbol type, string? section)
    {
        ITypeSymbol key = type.OriginalDefinition;
        if (!sections.TryGetValue(key, out string? existing))
        {
            sections[key] = section;
        }
        else if (existing is null || section is null || !string.Equals(existing, section, StringComparison.OrdinalIgnoreCase))
        {
            sections[key] = null;
        }
    }

    /// <summary>True when the options builder the call extends is <c>AddOptions&lt;T&gt;()</c> without a name (or with <c>""</c>).</summary>
    private static bool IsDefaultNamedBuilder(IInvocationOperation invocation)
    {
        IOperation? receiver = invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null;
        while (receiver is IConversionOperation conversion)
        {
            receiver = conversion.Operand;
        }

        return receiver is not IInvocationOperation { TargetMethod.Name: "AddOptions" } addOptions || IsDefaultName(PassedArguments.Value(addOptions, "name"));
    }

    private static bool IsDefaultName(IOperation? name)
        => name is null || (name.ConstantValue.HasValue && (name.ConstantValue.Value is null || (name.ConstantValue.Value as string) == string.Empty));

    private static bool Is(INamedTypeSymbol? type, INamedTypeSymbol? expected)
        => expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);
}
