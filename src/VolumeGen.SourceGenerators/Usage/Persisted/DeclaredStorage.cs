using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using VolumeGen.SourceGenerators.Declarations;

namespace VolumeGen.SourceGenerators.Usage.Persisted;

/// <summary>
/// The mounts and ephemeral paths the C# code declares. Two sources, unioned: the generator's manifest
/// (<c>[assembly: AssemblyMetadata("VolumeGen.Manifest", json)]</c>, present once the generator has run) and the
/// same manifest rebuilt from the attributes by the generator's own <see cref="ManifestBuilder"/> (IDE "Balanced"
/// mode runs generators only on build or save, so the generated manifest may be missing or stale). Both hold
/// the same mounts for the same valid declarations, so verdicts do not depend on whether the generator ran.
/// </summary>
internal sealed class DeclaredStorage
{
    private DeclaredStorage(IReadOnlyList<KnownMount> mounts, IReadOnlyList<string> ephemeralPaths)
    {
        Mounts = mounts;
        EphemeralPaths = ephemeralPaths;
    }

    /// <summary>Declared mounts, with a description naming where they come from.</summary>
    public IReadOnlyList<KnownMount> Mounts { get; }

    /// <summary>Normalised ephemeral paths (class and assembly <c>[EphemeralPath]</c>).</summary>
    public IReadOnlyList<string> EphemeralPaths { get; }

    /// <summary>Reads the declarations of <paramref name="compilation"/>.</summary>
    public static DeclaredStorage Read(Compilation compilation, CancellationToken cancellationToken)
    {
        var mounts = new List<KnownMount>();
        var ephemeral = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (VolumeManifest? manifest in new[] { ManifestAttribute.Find(compilation.Assembly), ManifestBuilder.FromDeclarations(compilation, cancellationToken) })
        {
            if (manifest is null)
            {
                continue;
            }

            foreach (ManifestClass storageClass in manifest.Classes)
            {
                // An invalid class is not generated and no build writes its mounts: it persists nothing (the
                // declaration analyzer reports why), as the build task and the CLI refuse it.
                if (!storageClass.IsValid)
                {
                    continue;
                }

                foreach (Mount mount in storageClass.Mounts)
                {
                    Add(mounts, seen, mount, "declared on " + storageClass.Name);
                }
            }

            foreach (string path in manifest.EphemeralPaths)
            {
                if (ContainerPath.IsAbsolute(path))
                {
                    ephemeral.Add(ContainerPath.Resolve("/", path));
                }
            }
        }

        return new DeclaredStorage(mounts, ephemeral);
    }

    /// <summary>
    /// What a class library built into <paramref name="app"/>'s image may rely on: the app's declarations as its storage
    /// lock records them, plus the library's own ephemeral paths (its code's statement that losing that data is
    /// intended). The library's own mounts are left out: the app's build mounts only the app's declarations.
    /// </summary>
    public static DeclaredStorage OfApp(ProjectDeclarations appDeclarations, string app, DeclaredStorage library)
    {
        var mounts = new List<KnownMount>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Mount mount in appDeclarations.Mounts)
        {
            Add(mounts, seen, mount, "declared in " + app);
        }

        var ephemeral = new List<string>();
        foreach (string path in appDeclarations.EphemeralPaths)
        {
            if (ContainerPath.IsAbsolute(path))
            {
                ephemeral.Add(ContainerPath.Resolve("/", path));
            }
        }

        ephemeral.AddRange(library.EphemeralPaths);
        return new DeclaredStorage(mounts, ephemeral);
    }

    private static void Add(List<KnownMount> mounts, HashSet<string> seen, Mount mount, string declaredWhere)
    {
        string target = ContainerPath.Resolve("/", mount.Target);
        if (!seen.Add(((int)mount.Kind).ToString(System.Globalization.CultureInfo.InvariantCulture) + (mount.ReadOnly ? "r" : "w") + target))
        {
            return;
        }

        Persistence persistence = mount.Kind switch
        {
            MountKind.AnonymousVolume => Persistence.AnonymousVolume,
            MountKind.Tmpfs => Persistence.Tmpfs,
            _ => Persistence.Persistent,
        };
        string description = mount.ToString();
        if (mount.ReadOnly && description.EndsWith(" (read-only)", StringComparison.Ordinal))
        {
            description = description.Substring(0, description.Length - " (read-only)".Length);
        }

        mounts.Add(new KnownMount(target, persistence, mount.ReadOnly, description + " (" + declaredWhere + ")"));
    }
}
