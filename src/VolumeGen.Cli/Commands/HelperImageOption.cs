using System.CommandLine;

namespace VolumeGen.Cli.Commands;

/// <summary>The <c>--image</c> option of migrate, backup and restore.</summary>
internal static class HelperImageOption
{
    public static Option<string?> Create() => new("--image")
    {
        Description = "An image the engine already has (e.g. the app's image or its base) to create the helper container from; it is never started or pulled, so any image will do, even one without a shell. Default: the image of a container that uses the volume.",
        HelpName = "image",
    };
}
