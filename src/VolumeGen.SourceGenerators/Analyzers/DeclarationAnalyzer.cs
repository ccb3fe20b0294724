using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using VolumeGen.SourceGenerators.Declarations;
using VolumeGen.SourceGenerators.Diagnostics;
using VolumeGen.SourceGenerators.Model;
using VolumeGen.SourceGenerators.Usage.Persisted;

namespace VolumeGen.SourceGenerators.Analyzers;

/// <summary>
/// Reports what is wrong with VolumeGen declarations (VG1xxx) on the attribute argument that is wrong. The
/// generator skips these declarations silently (it records the errors in the manifest, with the same IDs and
/// messages, for the build task and the CLI); reporting here keeps the generator cacheable and the diagnostics
/// suppressible with <c>#pragma</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Supported;

    private static readonly ImmutableArray<DiagnosticDescriptor> Supported = ImmutableArray.Create(
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
        CancellationToken cancellationToken = context.CancellationToken;
        // Syntax first: a class without an attribute list has nothing to bind (binding every class's attributes was this analyzer's cost).
        if (context.Symbol is not INamedTypeSymbol { TypeKind: TypeKind.Class } type || !StorageClassReader.HasAttributeSyntax(type, cancellationToken))
        {
            return;
        }

        IReadOnlyList<DeclaredMount> mounts = StorageClassReader.ReadMounts(type, attributes, cancellationToken);
        if (mounts.Count == 0)
        {
            return;
        }

        StorageClassDeclaration? declaration = StorageClassReader.Read(type, attributes, cancellationToken);
        if (declaration is null)
        {
            return;
        }

        // The same problems the generator records in the manifest (DeclarationProblems), placed on the argument.
        // The project folder (a compiler-visible property of the package): relative bind sources resolve against it.
        context.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.MSBuildProjectDirectory", out string? projectFolder);
        var invalid = new HashSet<int>();
        foreach (DeclarationProblem problem in DeclarationProblems.Find(declaration, string.IsNullOrWhiteSpace(projectFolder) ? null : projectFolder!.Trim()))
        {
            if (problem.IsError)
            {
                invalid.Add(problem.MountIndex);
            }

            if (Descriptor(problem.Id) is not DiagnosticDescriptor descriptor)
            {
                continue;
            }

            Location location = problem.MountIndex >= 0 && problem.MountIndex < mounts.Count
                ? ArgumentLocation(mounts[problem.MountIndex].Attribute, problem.Argument, cancellationToken)
                : ClassLocation(type, problem.Id);
            context.ReportDiagnostic(Diagnostic.Create(descriptor, location, problem.Arguments.Cast<object>().ToArray()));
        }

        for (int i = 0; i < mounts.Count; i++)
        {
            if (!invalid.Contains(i) && mounts[i].Declaration.ToMount() is Mount mount)
            {
                ReportVolumeOverAppFolder(context, mount, mounts[i].Attribute, files, cancellationToken);
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

    private static DiagnosticDescriptor? Descriptor(string id)
    {
        foreach (DiagnosticDescriptor descriptor in Supported)
        {
            if (descriptor.Id == id)
            {
                return descriptor;
            }
        }

        return null;
    }

    private static Location ClassLocation(INamedTypeSymbol type, string id)
    {
        Location location = type.Locations.IsDefaultOrEmpty ? Location.None : type.Locations[0];
        if (id == DiagnosticDescriptors.GeneratedMemberNameTakenId
            && StorageClassReader.FindMemberTakingReservedName(type) is { Locations.IsDefaultOrEmpty: false } member
            && member.Locations[0].IsInSource)
        {
            return member.Locations[0];
        }

        return location;
    }

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
