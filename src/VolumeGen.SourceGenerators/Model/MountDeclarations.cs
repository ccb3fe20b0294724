using System.Collections.Generic;
using VolumeGen.SourceGenerators.Helpers;

namespace VolumeGen.SourceGenerators.Model;

/// <summary>Helpers over <see cref="MountDeclaration"/> sequences.</summary>
internal static class MountDeclarations
{
    /// <summary>The mounts as a <see cref="MountSet"/>, or null when one has an unusable argument.</summary>
    public static MountSet? ToMountSet(IEnumerable<MountDeclaration> declarations)
    {
        var mounts = new List<Mount>();
        foreach (MountDeclaration declaration in declarations)
        {
            Mount? mount = declaration.ToMount();
            if (mount is null)
            {
                return null;
            }

            mounts.Add(mount);
        }

        return new MountSet(mounts);
    }
}
