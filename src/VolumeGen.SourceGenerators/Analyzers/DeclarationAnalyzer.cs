using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using VolumeGen.SourceGenerators.Declarations;
using VolumeGen.SourceGenerators.Diagnostics;
using VolumeGen.SourceGenerators.Usage.Persisted;

namespace VolumeGen.SourceGenerators.Analyzers;

/// <summary>
/// Reports what is wrong with VolumeGen declarations (VG1xxx) on the attribute argument that is wrong. The
/// generator skips these declarations silently; reporting here keeps the generator cacheable and the
/// diagnostics suppressible with <c>#pragma</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.TargetNotAbsolute,
        DiagnosticDescriptors.DotDotSegment,
        DiagnosticDescriptors.ControlCharacter,
        DiagnosticDescriptors.ColonInPath,
        DiagnosticDescriptors.InvalidVolumeName,
        DiagnosticDescriptors.DuplicateTarget,
        DiagnosticDescriptors.NestedTarget,
        DiagnosticDescriptors.SystemDirectoryTarget,
        DiagnosticDescriptors.SensitiveBindSource,
        DiagnosticDescriptors.InvalidTmpfsSize,
        DiagnosticDescriptors.InvalidTmpfsMode,
        DiagnosticDescriptors.EmptyBindSource,
        DiagnosticDescriptors.StorageClassNotPartial,
        DiagnosticDescriptors.ArgumentHasNoValue,
        DiagnosticDescriptors.StorageClassShapeNotSupported,
        DiagnosticDescriptors.GeneratedMemberNameTaken,
        DiagnosticDescriptors.VolumeOverAppFolder);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var attributes = VolumeGenAttributes.Create(start.Compilation);
            if (!attributes.AnyResolved)
            {
                return;
            }

            // The working directory needs the Dockerfile: read once, on the first storage class with a volume.
            AnalyzerOptions options = start.Options;
            CancellationToken cancellationToken = start.CancellationToken;
            var files = new Lazy<ProjectContainerFiles>(() => ProjectContainerFiles.Read(options.AdditionalFiles, options.AnalyzerConfigOptionsProvider.GlobalOptions, start.Compilation.AssemblyName, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
            start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, attributes, files), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, VolumeGenAttributes attributes, Lazy<ProjectContainerFiles> files)
    {
        if (context.Symbol is not INamedTypeSymbol { TypeKind: TypeKind.Class } type)
        {
            return;
        }

        CancellationToken cancellationToken = context.CancellationToken;
        IReadOnlyList<DeclaredMount> mounts = StorageClassReader.ReadMounts(type, attributes, cancellationToken);
        if (mounts.Count == 0)
        {
            return;
        }

        ReportShape(context, type, attributes, cancellationToken);

        // Validate the mounts that have values; remember where each came from to place the squiggle.
        var complete = new List<Mount>();
        var origin = new List<DeclaredMount>();
        foreach (DeclaredMount mount in mounts)
        {
            if (mount.Declaration.ToMount() is Mount value)
            {
                complete.Add(value);
                origin.Add(mount);
            }
            else if (!mount.Declaration.HasCompilerErrors)
            {
                foreach (MountArgument argument in mount.Declaration.UnusableArguments)
                {
                    string what = argument == MountArgument.Source ? "host path (source)" : "container path (target)";
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ArgumentHasNoValue, ArgumentLocation(mount.Attribute, argument, cancellationToken), what));
                }
            }
        }

        var invalid = new HashSet<int>();
        foreach (MountProblem problem in MountValidator.Validate(complete))
        {
            if (DiagnosticDescriptors.ForProblem(problem.Code) is DiagnosticDescriptor descriptor)
            {
                Location location = ArgumentLocation(origin[problem.MountIndex].Attribute, ToArgument(problem.Field), cancellationToken);
                context.ReportDiagnostic(Diagnostic.Create(descriptor, location, problem.Message));
                invalid.Add(problem.MountIndex);
            }
        }

        for (int i = 0; i < complete.Count; i++)
        {
            if (!invalid.Contains(i))
            {
                ReportVolumeOverAppFolder(context, complete[i], origin[i].Attribute, files, cancellationToken);
            }
        }
    }

    /// <summary>
    /// VG1013: a named or anonymous volume or a tmpfs at or above the working directory hides the app. A bind mount is
    /// left alone: mounting the source folder over the app folder is a deliberate development setup.
    /// </summary>
    private static void ReportVolumeOverAppFolder(SymbolAnalysisContext context, Mount mount, AttributeData attribute, Lazy<ProjectContainerFiles> files, CancellationToken cancellationToken)
    {
        if (mount.Kind == MountKind.Bind || !ContainerPath.IsAbsolute(mount.Target)
            || attribute.ApplicationSyntaxReference?.SyntaxTree is not SyntaxTree tree)
        {
            return;
        }

        AnalyzerConfigOptionsProvider provider = context.Options.AnalyzerConfigOptionsProvider;
        UsageOptions options = UsageOptions.Read(provider.GetOptions(tree), provider.GlobalOptions);
        string workingDirectory = PersistedKnowledgeBuilder.WorkingDirectoryOf(options, PersistedKnowledgeBuilder.FinalStage(files.Value.Dockerfile, options));
        string target = ContainerPath.Resolve("/", mount.Target);
        if (ContainerPath.IsUnder(workingDirectory, target))
        {
            string below = workingDirectory == "/" ? "/data" : workingDirectory + "/data";
            string what = mount.ToString();
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.VolumeOverAppFolder, ArgumentLocation(attribute, MountArgument.Target, cancellationToken), what, workingDirectory, below));
        }
    }

    private static void ReportShape(SymbolAnalysisContext context, INamedTypeSymbol type, VolumeGenAttributes attributes, CancellationToken cancellationToken)
    {
        StorageClassDeclaration? declaration = StorageClassReader.Read(type, attributes, cancellationToken);
        if (declaration is null || declaration.Shape == StorageClassShape.Supported)
        {
            return;
        }

        Location location = type.Locations.IsDefaultOrEmpty ? Location.None : type.Locations[0];
        string name = declaration.FullName;
        switch (declaration.Shape)
        {
            case StorageClassShape.NotPartial:
                string culprit = "it";
                foreach (TypeHeader header in declaration.ContainingTypes)
                {
                    if (!header.IsPartial)
                    {
                        culprit = "its containing type '" + header.Name + "'";
                        break;
                    }
                }

                if (!declaration.Type.IsPartial)
                {
                    culprit = "it";
                }

                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.StorageClassNotPartial, location, name, culprit));
                break;
            case StorageClassShape.Generic:
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.StorageClassShapeNotSupported, location, name, "it is generic or nested in a generic type"));
                break;
            case StorageClassShape.FileLocal:
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.StorageClassShapeNotSupported, location, name, "it is file-local or nested in a file-local type"));
                break;
            case StorageClassShape.MemberNameTaken:
                ISymbol? member = StorageClassReader.FindMemberTakingReservedName(type);
                Location memberLocation = member is { Locations.IsDefaultOrEmpty: false } && member.Locations[0].IsInSource ? member.Locations[0] : location;
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GeneratedMemberNameTaken, memberLocation, name, member?.Name ?? type.Name));
                break;
        }
    }

    private static MountArgument ToArgument(MountField field) => field switch
    {
        MountField.Source => MountArgument.Source,
        MountField.Name => MountArgument.Name,
        MountField.SizeBytes => MountArgument.SizeBytes,
        MountField.Mode => MountArgument.Mode,
        _ => MountArgument.Target,
    };

    /// <summary>The expression of the attribute argument for <paramref name="argument"/>, else the whole attribute.</summary>
    private static Location ArgumentLocation(AttributeData attribute, MountArgument argument, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
        {
            return Location.None;
        }

        if (syntax.ArgumentList is { } list)
        {
            string? parameterName = argument switch
            {
                MountArgument.Target => "target",
                MountArgument.Source => "source",
                _ => null,
            };
            string propertyName = argument.ToString();
            IMethodSymbol? constructor = attribute.AttributeConstructor;
            int position = 0;
            foreach (AttributeArgumentSyntax candidate in list.Arguments)
            {
                if (candidate.NameEquals is { } nameEquals)
                {
                    if (nameEquals.Name.Identifier.ValueText == propertyName)
                    {
                        return candidate.Expression.GetLocation();
                    }

                    continue;
                }

                string? name = candidate.NameColon?.Name.Identifier.ValueText
                    ?? (constructor is not null && position < constructor.Parameters.Length ? constructor.Parameters[position].Name : null);
                position++;
                if (parameterName is not null && name == parameterName)
                {
                    return candidate.Expression.GetLocation();
                }
            }
        }

        return syntax.GetLocation();
    }
}
