using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using VolumeGen.ContainerFiles;
using VolumeGen.SourceGenerators.Declarations;
using VolumeGen.SourceGenerators.Usage.Configuration;
using VolumeGen.SourceGenerators.Usage.KeyRing;
using VolumeGen.SourceGenerators.Usage.PathEvaluation;
using VolumeGen.SourceGenerators.Usage.Persisted;
using VolumeGen.SourceGenerators.Usage.Sinks;
using VolumeGen.SourceGenerators.Usage.Verdicts;

namespace VolumeGen.SourceGenerators.Usage;

/// <summary>
/// What the usage analyzer knows about one compilation. Nothing is resolved, read or built when the compilation starts
/// (most compilations, and most files, have no write): the attribute types, declarations, Dockerfile and compose files
/// are read lazily, once, on the first write whose path is known; VG2008's choice of Dockerfile reads no more than it
/// needs. Nothing outlives the compilation.
/// </summary>
internal sealed class UsageCompilationState
{
    private readonly Compilation _compilation;
    private readonly AnalyzerOptions _options;
    private readonly Lazy<VolumeGenAttributes> _attributes;
    private readonly Lazy<ProjectContainerFiles> _files;
    private readonly Lazy<ContainerFileSelection> _selection;
    private readonly Lazy<DeclaredStorage> _declared;
    private readonly Lazy<AppConfiguration> _configuration;
    private readonly Lazy<KeyRingFacts> _keyRing;
    private readonly Lazy<KeyDatabases> _keyDatabases;
    private readonly Lazy<PathEvaluator> _evaluator;
    private readonly Func<SyntaxTree, UsageOptions> _readOptions;
    private readonly CancellationToken _cancellationToken;
    private ConcurrentDictionary<SyntaxTree, UsageOptions>? _treeOptions;
    private ConcurrentDictionary<UsageOptions, PersistedKnowledge>? _knowledge;
    private ConcurrentDictionary<string, ResolvedSinks>? _additionalSinks;
    private ConcurrentDictionary<PersistedKnowledge, Lazy<PersistedKnowledge?>>? _appDataFolders;
    private int _anyAdditionalSinks; // 0 not looked yet, 1 no, 2 yes

    public UsageCompilationState(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        _compilation = compilation;
        _options = options;
        _cancellationToken = cancellationToken;
        _attributes = new Lazy<VolumeGenAttributes>(() => VolumeGenAttributes.Create(compilation), LazyThreadSafetyMode.ExecutionAndPublication);
        _files = new Lazy<ProjectContainerFiles>(() => ProjectContainerFiles.Read(options.AdditionalFiles, options.AnalyzerConfigOptionsProvider.GlobalOptions, compilation.AssemblyName, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
        _selection = new Lazy<ContainerFileSelection>(() => _files.IsValueCreated ? _files.Value.Selection
            : ProjectContainerFiles.Select(options.AdditionalFiles, options.AnalyzerConfigOptionsProvider.GlobalOptions, compilation.AssemblyName, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
        _configuration = new Lazy<AppConfiguration>(() => AppConfiguration.Build(options.AdditionalFiles.Where(_files.Value.IsConfigurationFile), _files.Value.Environment, cancellationToken, EnvironmentVariablePrefixes.Find(compilation, cancellationToken)), LazyThreadSafetyMode.ExecutionAndPublication);
        _evaluator = new Lazy<PathEvaluator>(() => new PathEvaluator(compilation, () => _configuration.Value), LazyThreadSafetyMode.ExecutionAndPublication);
        _keyRing = new Lazy<KeyRingFacts>(() => KeyRingFacts.Find(compilation, Evaluator.ModelOf, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
        _keyDatabases = new Lazy<KeyDatabases>(() => KeyDatabases.Find(compilation, Evaluator.ModelOf, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
        _declared = new Lazy<DeclaredStorage>(() => DeclaredStorage.Read(compilation, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
        _readOptions = tree => UsageOptions.Read(_options.AnalyzerConfigOptionsProvider.GetOptions(tree), _options.AnalyzerConfigOptionsProvider.GlobalOptions);
    }

    /// <summary>The built-in sinks (matched by name: nothing is looked up in the compilation for them).</summary>
    public ResolvedSinks Sinks => ResolvedSinks.BuiltIn;

    /// <summary>The path evaluator, created on the first write whose path is evaluated.</summary>
    public PathEvaluator Evaluator => _evaluator.Value;

    /// <summary>The app's layered configuration (appsettings files and the container's environment), read on first use.</summary>
    public AppConfiguration Configuration => _configuration.Value;

    /// <summary>What the compilation does with the Data Protection key ring, found on first use.</summary>
    public KeyRingFacts KeyRing => _keyRing.Value;

    /// <summary>The SQLite databases of the app's DbContexts (for PersistKeysToDbContext), found on first use.</summary>
    public KeyDatabases KeyDatabases => _keyDatabases.Value;

    /// <summary>The project's container files (read on first use).</summary>
    public ProjectContainerFiles ContainerFiles => _files.Value;

    /// <summary>Which Dockerfile builds the project (VG2008), found without reading what the choice does not need.</summary>
    public ContainerFileSelection ContainerFileSelection => _selection.Value;

    /// <summary>The options of <paramref name="tree"/>.</summary>
    public UsageOptions OptionsFor(SyntaxTree tree)
        => LazyInitializer.EnsureInitialized(ref _treeOptions, static () => new ConcurrentDictionary<SyntaxTree, UsageOptions>())!
            .GetOrAdd(tree, _readOptions); // one delegate per compilation: this runs for every invocation

    /// <summary>
    /// True when some file of the compilation (or the project) sets volumegen.additional_sinks. Found once, on the first
    /// operation no built-in sink matches; until a project sets the option, a miss then costs one field read instead of
    /// a per-file options lookup.
    /// </summary>
    public bool AnyAdditionalSinks
    {
        get
        {
            int known = Volatile.Read(ref _anyAdditionalSinks);
            if (known == 0)
            {
                known = FindAdditionalSinks() ? 2 : 1;
                Volatile.Write(ref _anyAdditionalSinks, known);
            }

            return known == 2;
        }
    }

    private bool FindAdditionalSinks()
    {
        AnalyzerConfigOptionsProvider provider = _options.AnalyzerConfigOptionsProvider;
        if (provider.GlobalOptions.TryGetValue(UsageOptions.AdditionalSinksKey, out _))
        {
            return true;
        }

        foreach (SyntaxTree tree in _compilation.SyntaxTrees)
        {
            if (provider.GetOptions(tree).TryGetValue(UsageOptions.AdditionalSinksKey, out _))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The user's additional sinks for these options (usually none).</summary>
    public ResolvedSinks? AdditionalSinks(UsageOptions options)
        => options.AdditionalSinks is null ? null
            : LazyInitializer.EnsureInitialized(ref _additionalSinks, static () => new ConcurrentDictionary<string, ResolvedSinks>(StringComparer.Ordinal))!
                .GetOrAdd(options.AdditionalSinks, static s => new ResolvedSinks(SinkTable.ParseAdditional(s)));

    /// <summary>
    /// <paramref name="knowledge"/> with the app's own data folder as the data root (<see cref="AppDataFolder"/>), for a
    /// write under the working directory reported as lost while the data root is only the default; null otherwise. The
    /// whole-compilation look runs once per knowledge, on the first such write.
    /// </summary>
    public PersistedKnowledge? AppDataFolderFor(PersistedKnowledge knowledge, WriteJudgment judgment)
    {
        if (!knowledge.DataRootIsDefault || judgment.Verdict is not { Kind: VerdictKind.OutsidePersistedPath, WrittenFolder: string folder }
            || !ContainerPath.IsUnder(folder, knowledge.WorkingDirectory))
        {
            return null;
        }

        return LazyInitializer.EnsureInitialized(ref _appDataFolders, static () => new ConcurrentDictionary<PersistedKnowledge, Lazy<PersistedKnowledge?>>())!.GetOrAdd(knowledge, k => new Lazy<PersistedKnowledge?>(
            () => AppDataFolder.Find(_compilation, this, k, _cancellationToken) is string found && found != k.DataRoot ? k.WithDataRoot(found) : null,
            LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>The container knowledge for these options.</summary>
    public PersistedKnowledge KnowledgeFor(UsageOptions options)
        => LazyInitializer.EnsureInitialized(ref _knowledge, static () => new ConcurrentDictionary<UsageOptions, PersistedKnowledge>())!.GetOrAdd(options, o =>
        {
            ProjectContainerFiles files = _files.Value;
            DeclaredStorage declared = files.Images.App is AppImage app ? DeclaredStorage.OfApp(app.Declarations!, app.Name, _declared.Value) : _declared.Value;
            return PersistedKnowledgeBuilder.Build(_attributes.Value.AnyResolved, declared, files.Dockerfile, files.ComposeMounts, files.HasCompose, o, files.Images);
        });
}
