using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using VolumeGen.ContainerFiles;
using VolumeGen.SourceGenerators.Declarations;
using VolumeGen.SourceGenerators.Usage.PathEvaluation;
using VolumeGen.SourceGenerators.Usage.Persisted;
using VolumeGen.SourceGenerators.Usage.Sinks;

namespace VolumeGen.SourceGenerators.Usage;

/// <summary>
/// What the usage analyzer knows about one compilation. Types are resolved when the compilation starts; the
/// expensive parts (declarations, Dockerfile and compose files) are read lazily, once, on the first write whose
/// path is known. Nothing outlives the compilation.
/// </summary>
internal sealed class UsageCompilationState
{
    private readonly Compilation _compilation;
    private readonly AnalyzerOptions _options;
    private readonly VolumeGenAttributes _attributes;
    private readonly Lazy<ProjectContainerFiles> _files;
    private readonly Lazy<DeclaredStorage> _declared;
    private readonly ConcurrentDictionary<SyntaxTree, UsageOptions> _treeOptions = new();
    private readonly Func<SyntaxTree, UsageOptions> _readOptions;
    private readonly ConcurrentDictionary<UsageOptions, PersistedKnowledge> _knowledge = new();
    private readonly ConcurrentDictionary<string, ResolvedSinks> _additionalSinks = new(StringComparer.Ordinal);

    public UsageCompilationState(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        _compilation = compilation;
        _options = options;
        _attributes = VolumeGenAttributes.Create(compilation);
        Sinks = new ResolvedSinks(compilation, SinkTable.BuiltIn);
        Evaluator = new PathEvaluator(compilation);
        DataProtectionExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.DataProtectionServiceCollectionExtensions");
        _files = new Lazy<ProjectContainerFiles>(() => ProjectContainerFiles.Read(options.AdditionalFiles, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
        _declared = new Lazy<DeclaredStorage>(() => DeclaredStorage.Read(compilation, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
        _readOptions = tree => UsageOptions.Read(_options.AnalyzerConfigOptionsProvider.GetOptions(tree), _options.AnalyzerConfigOptionsProvider.GlobalOptions);
    }

    /// <summary>The built-in sinks of this compilation.</summary>
    public ResolvedSinks Sinks { get; }

    public PathEvaluator Evaluator { get; }

    /// <summary><c>DataProtectionServiceCollectionExtensions</c>, or null when ASP.NET Core Data Protection is not referenced.</summary>
    public INamedTypeSymbol? DataProtectionExtensions { get; }

    /// <summary>The options of <paramref name="tree"/>.</summary>
    public UsageOptions OptionsFor(SyntaxTree tree)
        => _treeOptions.GetOrAdd(tree, _readOptions); // one delegate per compilation: this runs for every invocation

    /// <summary>The user's additional sinks for these options (usually none).</summary>
    public ResolvedSinks? AdditionalSinks(UsageOptions options)
        => options.AdditionalSinks is null ? null : _additionalSinks.GetOrAdd(options.AdditionalSinks, s => new ResolvedSinks(_compilation, SinkTable.ParseAdditional(s)));

    /// <summary>The container knowledge for these options.</summary>
    public PersistedKnowledge KnowledgeFor(UsageOptions options)
        => _knowledge.GetOrAdd(options, o =>
        {
            ProjectContainerFiles files = _files.Value;
            return PersistedKnowledgeBuilder.Build(_attributes.AnyResolved, _declared.Value, files.Dockerfile, files.ComposeMounts, files.HasCompose, o);
        });

    /// <summary>The Dockerfile and compose files of the project's AdditionalFiles, read by the runtime library's models.</summary>
    private sealed class ProjectContainerFiles
    {
        private ProjectContainerFiles(Dockerfile? dockerfile, IReadOnlyList<KnownMount> composeMounts, bool hasCompose)
        {
            Dockerfile = dockerfile;
            ComposeMounts = composeMounts;
            HasCompose = hasCompose;
        }

        public Dockerfile? Dockerfile { get; }

        public IReadOnlyList<KnownMount> ComposeMounts { get; }

        public bool HasCompose { get; }

        public static ProjectContainerFiles Read(IEnumerable<AdditionalText> files, CancellationToken cancellationToken)
        {
            AdditionalText? dockerfile = null;
            var compose = new List<KnownMount>();
            bool hasCompose = false;
            foreach (AdditionalText file in files)
            {
                string name = Path.GetFileName(file.Path);
                if (IsDockerfile(name))
                {
                    // Prefer the file named exactly "Dockerfile", then the first in ordinal order.
                    if (dockerfile is null || Rank(name) < Rank(Path.GetFileName(dockerfile.Path))
                        || (Rank(name) == Rank(Path.GetFileName(dockerfile.Path)) && string.CompareOrdinal(file.Path, dockerfile.Path) < 0))
                    {
                        dockerfile = file;
                    }
                }
                else if (IsComposeFile(name) && file.GetText(cancellationToken) is SourceText composeText)
                {
                    hasCompose = true;
                    compose.AddRange(Persisted.ComposeMounts.Of(ComposeFile.Parse(composeText.ToString())));
                }
            }

            Dockerfile? facts = dockerfile?.GetText(cancellationToken) is SourceText text ? Dockerfile.Parse(text.ToString()) : null;
            return new ProjectContainerFiles(facts, compose, hasCompose);
        }

        private static int Rank(string name) => string.Equals(name, "Dockerfile", StringComparison.OrdinalIgnoreCase) ? 0 : 1;

        /// <summary><c>Dockerfile</c>, <c>Dockerfile.prod</c>, <c>app.dockerfile</c>.</summary>
        public static bool IsDockerfile(string name)
            => name.StartsWith("Dockerfile", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".dockerfile", StringComparison.OrdinalIgnoreCase);

        /// <summary><c>compose.yaml</c>, <c>docker-compose.override.yml</c>, … (not VolumeGen's generated override).</summary>
        public static bool IsComposeFile(string name)
            => (name.StartsWith("compose", StringComparison.OrdinalIgnoreCase) || name.StartsWith("docker-compose", StringComparison.OrdinalIgnoreCase))
            && (name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
            && name.IndexOf("volumegen", StringComparison.OrdinalIgnoreCase) < 0;
    }
}
