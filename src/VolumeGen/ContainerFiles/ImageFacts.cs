using System;
using System.Collections.Generic;

namespace VolumeGen.ContainerFiles;

/// <summary>
/// What VolumeGen knows about the image the app runs in — who the user is (name, ids, home, root or not), the base
/// image, a shell or none, chiseled or distroless — computed once from the Dockerfile stage the image is built from
/// (with the stages it is built <c>FROM</c>) or, without a Dockerfile, from the SDK's container settings. The build
/// task (ownership step, owner, fsGroup), the analyzers (the home folder), the code fixes (where the markers go) and
/// the CLI (fsGroup) read it; no other code decides who the user is (docs/architecture.md).
/// </summary>
/// <remarks>
/// Compiled into the netstandard2.0 analyzer too: no file system, environment or network here.
/// </remarks>
public sealed class ImageFacts
{
    private ImageFacts(ContainerUser? user, bool isUserKnown, string userSource, string? baseImage, string imageText, bool hasShell)
    {
        User = user;
        IsUserKnown = isUserKnown;
        UserSource = userSource;
        BaseImage = baseImage;
        IsChiseled = Mentions(imageText, "chiseled");
        IsDistroless = Mentions(imageText, "distroless");
        HasShell = hasShell;
        Home = isUserKnown ? HomeOf(user) : null;
    }

    /// <summary>
    /// The user the container runs as; null when it runs as root because nothing sets a user (Docker's default), or
    /// when the user cannot be known (<see cref="IsUserKnown"/> false).
    /// </summary>
    public ContainerUser? User { get; }

    /// <summary>
    /// False when only the base image knows the user (SDK publishing from a <c>ContainerBaseImage</c> that is not a
    /// .NET image, without <c>ContainerUser</c>): VolumeGen cannot see it.
    /// </summary>
    public bool IsUserKnown { get; }

    /// <summary>Where the user comes from, in the words messages use, e.g. <c>the Dockerfile's USER</c> or <c>ContainerUser</c>.</summary>
    public string UserSource { get; }

    /// <summary>True when the container runs as root (no user set, <c>root</c>, id 0): no ownership step or fsGroup is needed.</summary>
    public bool IsRoot => IsUserKnown && (User is null || User.IsRoot);

    /// <summary>
    /// The user's home folder (<c>~</c>, where <c>Environment.GetFolderPath</c> and the Data Protection key ring point):
    /// <c>/root</c> for root; <c>/home/app</c> for the .NET images' app user (<c>app</c>, <c>$APP_UID</c>, 1654);
    /// <c>/home/&lt;name&gt;</c> for another user name; null for another numeric id or an unknown user.
    /// </summary>
    public string? Home { get; }

    /// <summary>The Kubernetes pod's <c>securityContext.fsGroup</c> the user needs to write its claims; null for root and when it cannot be told.</summary>
    public long? FsGroup => IsRoot ? null : User?.FsGroup;

    /// <summary>True for a non-root user whose group id cannot be told: its pod needs an fsGroup VolumeGen cannot name.</summary>
    public bool FsGroupUnknown => !IsRoot && FsGroup is null;

    /// <summary>
    /// The owner an ownership step gives the volume folders: the user as the Dockerfile (or <c>ContainerUser</c>)
    /// writes it, e.g. <c>$APP_UID</c> or <c>app</c>; for root or an unknown user, the .NET images' app user — the
    /// owner a forced step (<c>VolumeGenDockerfileOwnership</c> <c>run</c>/<c>copy</c>) uses.
    /// </summary>
    public string Owner => User is { IsRoot: false } user ? user.Text : ContainerUser.AppUidVariable;

    /// <summary>
    /// The image the chain starts from as the first <c>FROM</c> names it (variables the Dockerfile cannot tell kept as
    /// written), or <c>ContainerBaseImage</c>; null for the SDK's default .NET image or an image known only by its configuration.
    /// </summary>
    public string? BaseImage { get; }

    /// <summary>True for a chiseled image (the .NET <c>*-chiseled</c> tags): no shell, runs as <c>$APP_UID</c>.</summary>
    public bool IsChiseled { get; }

    /// <summary>True for a distroless image (the .NET <c>*-distroless</c> tags, gcr.io/distroless): no shell.</summary>
    public bool IsDistroless { get; }

    /// <summary>
    /// False for an image without <c>/bin/sh</c> — <c>scratch</c>, chiseled, distroless, nanoserver — unless a stage
    /// of the chain runs a shell-form <c>RUN</c> (then it has one); false as well when only the image's configuration is known.
    /// </summary>
    public bool HasShell { get; }

    /// <summary>
    /// The image <paramref name="stage"/> ends with: its own or inherited <c>USER</c> (with the <c>APP_UID</c> its
    /// <c>ENV</c> sets); without one, the base image's user — <c>$APP_UID</c> for the .NET chiseled and distroless
    /// images, whose configuration says so — else root. The SDK's <c>ContainerUser</c> does not apply: it sets the
    /// user of an image the SDK publishes, not of one <c>docker build</c> makes.
    /// </summary>
    public static ImageFacts FromDockerfile(DockerfileStage stage)
    {
        IReadOnlyList<DockerfileStage> chain = stage.Chain;
        DockerfileValue from = chain[0].BaseImage;
        bool runsShell = false;
        foreach (DockerfileStage current in chain)
        {
            foreach (DockerfileRun run in current.Runs)
            {
                runsShell |= !run.Instruction.IsJsonForm && !run.Instruction.IsInGeneratedBlock;
            }
        }

        bool hasShell = runsShell || !IsWithoutShell(from.Text);
        if (stage.User is DockerfileValue user)
        {
            DockerfileValue? appUid = stage.GetEnvironment("APP_UID");
            ContainerUser? parsed = ContainerUser.Parse(user.IsKnown ? user.Text : user.Written, appUid is { IsKnown: true } ? appUid.Text : null);
            return new ImageFacts(parsed, true, "the Dockerfile's USER", from.Text, from.Text, hasShell);
        }

        return from.IsKnown && RunsAsDotNetAppUser(from.Text)
            ? new ImageFacts(ContainerUser.DotNetAppUser, true, $"the base image '{from.Text}'", from.Text, from.Text, hasShell)
            : new ImageFacts(null, true, "the Dockerfile, which sets no USER", from.Text, from.Text, hasShell);
    }

    /// <summary>
    /// The image SDK container publishing makes (<c>dotnet publish -t:PublishContainer</c>; VolumeGen takes a project
    /// without a Dockerfile to be published this way): <paramref name="containerUser"/> when set; else the .NET base
    /// images' <c>APP_UID</c>, which the SDK makes the user; with a <paramref name="containerBaseImage"/> that is not a
    /// .NET image, the user only that image knows.
    /// </summary>
    /// <param name="containerUser">The SDK's <c>ContainerUser</c>, or null.</param>
    /// <param name="containerBaseImage">The SDK's <c>ContainerBaseImage</c> as the project sets it, or null for the SDK's default.</param>
    /// <param name="containerFamily">The SDK's <c>ContainerFamily</c> (e.g. <c>noble-chiseled</c>), or null.</param>
    public static ImageFacts FromSdk(string? containerUser, string? containerBaseImage = null, string? containerFamily = null)
    {
        string? baseImage = string.IsNullOrWhiteSpace(containerBaseImage) ? null : containerBaseImage!.Trim();
        string imageText = baseImage ?? containerFamily ?? string.Empty;
        bool hasShell = !IsWithoutShell(imageText);
        if (ContainerUser.Parse(containerUser) is ContainerUser user)
        {
            return new ImageFacts(user, true, "ContainerUser", baseImage, imageText, hasShell);
        }

        return baseImage is null || IsDotNetImage(baseImage)
            ? new ImageFacts(ContainerUser.DotNetAppUser, true, $"SDK container publishing, whose default user is the .NET images' {ContainerUser.AppUidVariable}", baseImage, imageText, hasShell)
            : new ImageFacts(null, false, $"the base image '{baseImage}' (ContainerBaseImage), whose user VolumeGen cannot see", baseImage, imageText, hasShell);
    }

    /// <summary>
    /// A built image known by its configuration's <c>User</c> (<c>docker image inspect</c>'s <c>Config.User</c>, an
    /// archive's config): empty is root. Nothing else is known, so it counts as having no shell.
    /// </summary>
    public static ImageFacts FromImageConfiguration(string? configUser)
        => new(ContainerUser.Parse(configUser), true, "the image's configuration", null, string.Empty, false);

    /// <summary>The .NET chiseled and distroless images run as <c>$APP_UID</c> without a <c>USER</c> line (their Dockerfiles end with <c>USER $APP_UID</c>).</summary>
    private static bool RunsAsDotNetAppUser(string image) => Mentions(image, "chiseled") || (Mentions(image, "distroless") && IsDotNetImage(image));

    /// <summary>An image of the .NET repositories (<c>mcr.microsoft.com/dotnet/…</c>, or a mirror that keeps the path), whose configuration sets <c>APP_UID</c>.</summary>
    private static bool IsDotNetImage(string image) => Mentions(image, "dotnet/");

    private static bool IsWithoutShell(string image)
        => string.Equals(image.Trim(), "scratch", StringComparison.OrdinalIgnoreCase) || Mentions(image, "chiseled") || Mentions(image, "distroless") || Mentions(image, "nanoserver");

    private static bool Mentions(string image, string word) => image.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0;

    private static string? HomeOf(ContainerUser? user)
    {
        if (user is null || user.IsRoot)
        {
            return "/root";
        }

        if (user.IsDotNetAppUser || user.User == "1654")
        {
            return "/home/app";
        }

        string name = user.User;
        if (name.Length == 0 || char.IsDigit(name[0]))
        {
            return null;
        }

        foreach (char c in name)
        {
            if (!ContainerPath.IsVolumeNameChar(c))
            {
                return null;
            }
        }

        return "/home/" + name;
    }
}
