using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using VolumeGen.SourceGenerators.Usage.Configuration;

namespace VolumeGen.SourceGenerators.Usage.PathEvaluation;

/// <summary>
/// Configuration reads: <c>configuration[key]</c>, <c>GetValue&lt;string&gt;(key[, default])</c>,
/// <c>GetConnectionString(name)</c>, <c>GetSection(a)[b]</c>, <c>GetRequiredSection(a)</c>, <c>section.Value</c>,
/// through <c>builder.Configuration</c>, an injected <c>IConfiguration</c> or any root configuration; and options
/// values (<c>IOptions&lt;T&gt;.Value.P</c>, <c>IOptionsSnapshot&lt;T&gt;.Value.P</c>,
/// <c>IOptionsMonitor&lt;T&gt;.CurrentValue.P</c>) of a type bound to a section, with the property's initializer as the
/// default. A key no configuration source sets gives the code's default where the code has one, else unknown.
/// </summary>
internal sealed partial class PathEvaluator
{
    private Func<AppConfiguration> _configuration = null!;
    private INamedTypeSymbol? _iConfiguration;
    private INamedTypeSymbol? _iConfigurationSection;
    private INamedTypeSymbol? _configurationBinder;
    private INamedTypeSymbol? _configurationExtensions;
    private INamedTypeSymbol? _iOptions;
    private INamedTypeSymbol? _iOptionsMonitor;
    private Lazy<OptionsBindings> _optionsBindings = null!;
    private Lazy<bool> _webRootSetInCode = null!;

    private AppConfiguration Configuration => _configuration();

    private void InitializeConfiguration(Compilation compilation, Func<AppConfiguration>? configuration)
    {
        _configuration = configuration ?? (static () => AppConfiguration.None);
        _iConfiguration = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfiguration");
        _iConfigurationSection = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfigurationSection");
        _configurationBinder = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.ConfigurationBinder");
        _configurationExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.ConfigurationExtensions");
        _iOptions = compilation.GetTypeByMetadataName("Microsoft.Extensions.Options.IOptions`1");
        _iOptionsMonitor = compilation.GetTypeByMetadataName("Microsoft.Extensions.Options.IOptionsMonitor`1");
        // Built on the first options value a path needs; a scan of the compilation, never cancelled half-way (a
        // cancelled Lazy would stay broken for the rest of the compilation).
        _optionsBindings = new Lazy<OptionsBindings>(
            () => OptionsBindings.Find(compilation, o => SectionPath(o, 0, CancellationToken.None), _getModel, CancellationToken.None),
            LazyThreadSafetyMode.ExecutionAndPublication);
        _webRootSetInCode = new Lazy<bool>(() => SetsWebRoot(compilation), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The layered configuration this evaluator reads.</summary>
    public AppConfiguration AppConfiguration => Configuration;

    /// <summary>The section path a configuration expression stands for (<c>""</c> for the root), or null when unknown.</summary>
    public string? ConfigurationSectionOf(IOperation? operation, CancellationToken cancellationToken) => SectionPath(operation, 0, cancellationToken);

    /// <summary>
    /// The answer of configuration for <paramref name="operation"/> when it reads configuration (or an options value),
    /// with the code's default in <paramref name="fallback"/>; null when it does not read configuration.
    /// </summary>
    private ConfigurationLookup? LookupConfiguration(IOperation operation, int depth, CancellationToken cancellationToken, out IOperation? fallback)
    {
        fallback = null;
        if (_iConfiguration is null || depth > MaxDepth)
        {
            return null;
        }

        switch (operation)
        {
            case IPropertyReferenceOperation { Property: { IsIndexer: true } indexer } reference when reference.Arguments.Length == 1 && IsConfiguration(indexer.ContainingType):
                return Find(Key(SectionPath(reference.Instance, depth + 1, cancellationToken), ConstantString(reference.Arguments[0].Value)));
            case IPropertyReferenceOperation { Property.Name: "Value" } reference when IsSection(reference.Property.ContainingType):
                return Find(SectionPath(reference.Instance, depth + 1, cancellationToken) is { Length: > 0 } section ? section : null);
            case IPropertyReferenceOperation { Property: { IsStatic: false, Type.SpecialType: SpecialType.System_String } property } reference
                when reference.Instance is not null && _iOptions is not null && OptionsKeyPath(reference.Instance, depth + 1, cancellationToken) is string optionsSection:
                fallback = PropertyInitializer(property, reference.SemanticModel, cancellationToken);
                return Find(Key(optionsSection, property.Name));
            case IInvocationOperation invocation:
                IMethodSymbol method = invocation.TargetMethod;
                if (method.Name == "GetValue" && Is(method.ContainingType, _configurationBinder))
                {
                    if (method.TypeArguments.Length != 1 || method.TypeArguments[0].SpecialType != SpecialType.System_String)
                    {
                        return ConfigurationLookup.Unknown;
                    }

                    fallback = PassedArguments.Value(invocation, "defaultValue");
                    return Find(Key(SectionPath(PassedArguments.Value(invocation, "configuration"), depth + 1, cancellationToken), ConstantString(PassedArguments.Value(invocation, "key"))));
                }

                if (method.Name == "GetConnectionString" && Is(method.ContainingType, _configurationExtensions))
                {
                    string? name = ConstantString(PassedArguments.Value(invocation, "name"));
                    return Find(Key(SectionPath(PassedArguments.Value(invocation, "configuration"), depth + 1, cancellationToken), name is null ? null : "ConnectionStrings:" + name));
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// The section path a configuration expression stands for: <c>""</c> for the root (<c>builder.Configuration</c>, an
    /// injected <c>IConfiguration</c>), <c>"Storage:Files"</c> for <c>GetSection("Storage").GetSection("Files")</c>; null when unknown.
    /// </summary>
    private string? SectionPath(IOperation? operation, int depth, CancellationToken cancellationToken)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        if (operation is null || depth > MaxDepth)
        {
            return null;
        }

        switch (operation)
        {
            case IInvocationOperation { TargetMethod.Name: "GetSection" } getSection when getSection.Instance is not null && getSection.Arguments.Length == 1 && IsConfiguration(getSection.TargetMethod.ContainingType):
                return Key(SectionPath(getSection.Instance, depth + 1, cancellationToken), ConstantString(getSection.Arguments[0].Value));
            case IInvocationOperation { TargetMethod.Name: "GetSection" or "GetRequiredSection" } extension when Is(extension.TargetMethod.ContainingType, _configurationExtensions):
                return Key(SectionPath(PassedArguments.Value(extension, "configuration"), depth + 1, cancellationToken), ConstantString(PassedArguments.Value(extension, "key")));
            case ILocalReferenceOperation local:
                return SectionPath(SingleAssignment(local.Local, operation.SemanticModel, cancellationToken), depth + 1, cancellationToken);
            case IFieldReferenceOperation field:
                return SectionPath(FieldValue(field.Field, operation.SemanticModel, cancellationToken), depth + 1, cancellationToken);
            case IPropertyReferenceOperation property:
                // A source property with one value is followed; any other property of a root type (builder.Configuration,
                // HostBuilderContext.Configuration) is the app's configuration.
                IOperation? value = PropertyValue(property.Property, operation.SemanticModel, cancellationToken);
                return value is not null ? SectionPath(value, depth + 1, cancellationToken) : IsRootConfiguration(property.Type) ? string.Empty : null;
            case IParameterReferenceOperation parameter:
                // Dependency injection hands out the root configuration; a parameter typed as a section could be any section.
                return IsRootConfiguration(parameter.Type) ? string.Empty : null;
            default:
                return null;
        }
    }

    /// <summary>The configuration section an options value is bound to (<c>IOptions&lt;T&gt;.Value</c> and nested objects of it), or null.</summary>
    private string? OptionsKeyPath(IOperation? operation, int depth, CancellationToken cancellationToken)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        if (operation is null || depth > MaxDepth)
        {
            return null;
        }

        switch (operation)
        {
            case IPropertyReferenceOperation { Property: { } property } reference:
                if ((property.Name == "Value" && Is(property.ContainingType?.OriginalDefinition, _iOptions))
                    || (property.Name == "CurrentValue" && Is(property.ContainingType?.OriginalDefinition, _iOptionsMonitor)))
                {
                    return property.ContainingType is { TypeArguments.Length: 1 } options ? _optionsBindings.Value.SectionOf(options.TypeArguments[0]) : null;
                }

                if (!property.IsStatic && reference.Instance is not null && property.Type is { TypeKind: TypeKind.Class, SpecialType: SpecialType.None }
                    && OptionsKeyPath(reference.Instance, depth + 1, cancellationToken) is string parent)
                {
                    return Key(parent, property.Name);
                }

                return OptionsKeyPath(PropertyValue(property, operation.SemanticModel, cancellationToken), depth + 1, cancellationToken);
            case ILocalReferenceOperation local:
                return OptionsKeyPath(SingleAssignment(local.Local, operation.SemanticModel, cancellationToken), depth + 1, cancellationToken);
            case IFieldReferenceOperation field:
                return OptionsKeyPath(FieldValue(field.Field, operation.SemanticModel, cancellationToken), depth + 1, cancellationToken);
            default:
                return null;
        }
    }

    /// <summary>
    /// <c>IWebHostEnvironment.WebRootPath</c>: <c>ASPNETCORE_WEBROOT</c> when the container sets it, else the working
    /// directory's <c>wwwroot</c>; unknown when the code chooses another web root (<c>UseWebRoot</c>, <c>WebRootPath = ...</c>).
    /// </summary>
    private string? EvaluateWebRoot(EvaluationTrace? trace)
    {
        if (Configuration.FindVariable("ASPNETCORE_WEBROOT") is ConfigurationEntry variable)
        {
            return Read(variable, trace);
        }

        return _webRootSetInCode.Value ? null : PathValue.WorkingDirectoryRoot + "/wwwroot";
    }

    private static bool SetsWebRoot(Compilation compilation)
    {
        string[] mentioned = { "UseWebRoot", "WebRootPath" };
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            if (!InvocationScan.Mentions(tree, mentioned, default))
            {
                continue;
            }

            foreach (SyntaxNode node in tree.GetRoot().DescendantNodes())
            {
                if (node is IdentifierNameSyntax { Identifier.ValueText: "UseWebRoot" }
                    || node is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "WebRootPath" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "WebRootPath" } })
                {
                    return true;
                }
            }
        }

        return false;
    }

    private ConfigurationLookup Find(string? key) => key is null ? ConfigurationLookup.Unknown : Configuration.Find(key);

    /// <summary>Joins a section path and a key; null when either is unknown.</summary>
    private static string? Key(string? section, string? key)
    {
        if (section is null || key is null)
        {
            return null;
        }

        return section.Length == 0 ? key : key.Length == 0 ? section : section + ":" + key;
    }

    private static string? ConstantString(IOperation? operation)
        => operation is not null && operation.ConstantValue.HasValue ? operation.ConstantValue.Value as string : null;

    private bool IsConfiguration(ITypeSymbol? type) => Is(type, _iConfiguration) || Implements(type, _iConfiguration);

    private bool IsSection(ITypeSymbol? type) => Is(type, _iConfigurationSection) || Implements(type, _iConfigurationSection);

    private bool IsRootConfiguration(ITypeSymbol? type) => IsConfiguration(type) && !IsSection(type);

    private static bool Implements(ITypeSymbol? type, INamedTypeSymbol? expected)
    {
        if (type is null || expected is null)
        {
            return false;
        }

        foreach (INamedTypeSymbol implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, expected))
            {
                return true;
            }
        }

        return false;
    }
}
