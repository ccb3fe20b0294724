using System.Collections.Generic;
using VolumeGen.ContainerFiles;

namespace VolumeGen.SourceGenerators.Usage.Persisted;

/// <summary>
/// What the analyzers take from a compose file (read by <see cref="ComposeFile"/>): the mounts of the services that
/// run the project. When some services have <c>build:</c> (the project's own image), only those count; otherwise
/// every service. Mounts whose target is unknown (an interpolated variable) are left out.
/// </summary>
internal static class ComposeMounts
{
    /// <summary>The mounts of the services that run the project in a compose file that counts whole (<see cref="ContainerFileSelection.ProjectServices"/>).</summary>
    public static IReadOnlyList<KnownMount> Of(ComposeFile file) => Of(ContainerFileSelection.ProjectServices(file));

    /// <summary>The mounts of <paramref name="services"/>.</summary>
    public static IReadOnlyList<KnownMount> Of(IEnumerable<ComposeService> services)
    {
        var mounts = new List<KnownMount>();
        foreach (ComposeService service in services)
        {

            string origin = "compose service '" + service.Name + "'";
            foreach (ComposeServiceVolume volume in service.Volumes)
            {
                string? target = volume.Target?.Trim();
                if (!volume.IsKnown || volume.Kind is not MountKind kind || !ContainerPath.IsAbsolute(target))
                {
                    continue;
                }

                mounts.Add(kind switch
                {
                    MountKind.NamedVolume => new KnownMount(ContainerPath.Resolve("/", target!), Persistence.Persistent, volume.ReadOnly, "volume '" + volume.Source + "' of " + origin),
                    MountKind.AnonymousVolume => new KnownMount(ContainerPath.Resolve("/", target!), Persistence.AnonymousVolume, false, "anonymous volume of " + origin),
                    MountKind.Bind => new KnownMount(ContainerPath.Resolve("/", target!), Persistence.Persistent, volume.ReadOnly, "bind mount of '" + volume.Source + "' in " + origin),
                    _ => new KnownMount(ContainerPath.Resolve("/", target!), Persistence.Tmpfs, false, "tmpfs of " + origin),
                });
            }
        }

        return mounts;
    }
}
