using System.CommandLine;

namespace VolumeGen.Cli.Commands;

/// <summary>The <c>--project</c> option of lock and migrate: whose entries of the storage lock to read.</summary>
internal static class ProjectOption
{
    public static Option<string?> Create() => new("--project")
    {
        Description = "The project whose entries of the storage lock to read and accept (its project file's name, as the build records it); default: the project file beside the lock, or the one named like the assembly.",
        HelpName = "name",
    };
}
