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
    public static IReadOnlyList<KnownMount> Of(ComposeFile file) => Of(ProjectServices(file));

    /// <summary>The services that run the project: the ones with <c>build:</c> when any has it, else all.</summary>
    public static IReadOnlyList<ComposeService> ProjectServices(ComposeFile file)
    {
        bool anyBuild = false;
        foreach (ComposeService service in file.Services)
        {
            anyBuild |= service.Build is not null;
        }

        var services = new List<ComposeService>();
        foreach (ComposeService service in file.Services)
        {
            if (!anyBuild || service.Build is not null)
            {
                services.Add(service);
            }
        }

        return services;
    }

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
