using System;
using System.Globalization;

namespace VolumeGen.ContainerFiles;

/// <summary>
/// The user a container runs as — a Dockerfile <c>USER</c> (<c>app</c>, <c>1654:1654</c>, <c>$APP_UID</c>) or the SDK's
/// <c>ContainerUser</c> — and what VolumeGen needs to know about it: is it root, and its numeric user and group ids
/// where they can be told. The .NET images (8 and later) define the user <c>app</c> with uid and gid 1654 and
/// <c>ENV APP_UID=1654</c>, so <c>app</c>, <c>$APP_UID</c> and <c>${APP_UID}</c> are 1654 unless the Dockerfile sets
/// <c>APP_UID</c> itself. The one place the build task, the Kubernetes output and SDK publishing read a user.
/// </summary>
public sealed class ContainerUser
{
    /// <summary>The .NET images' non-root user and group id (<c>APP_UID</c>).</summary>
    public const long DotNetAppId = 1654;

    private ContainerUser(string text, string user, string? group, long? userId, long? groupId)
    {
        Text = text;
        User = user;
        Group = group;
        UserId = userId;
        GroupId = groupId;
    }

    /// <summary>The value as given, trimmed.</summary>
    public string Text { get; }

    /// <summary>The user part (before <c>:</c>).</summary>
    public string User { get; }

    /// <summary>The group part (after <c>:</c>), or null.</summary>
    public string? Group { get; }

    /// <summary>The numeric user id, or null when it cannot be told (another user name, an unknown variable).</summary>
    public long? UserId { get; }

    /// <summary>The numeric group id: the group part's, else the user's own group (the same id for the .NET images' app), or null.</summary>
    public long? GroupId { get; }

    /// <summary>True for <c>root</c> and id 0: no ownership step or fsGroup is needed.</summary>
    public bool IsRoot => User == "root" || UserId == 0;

    /// <summary>
    /// The Kubernetes pod's <c>securityContext.fsGroup</c> this user needs to write its claims: its group, else its user
    /// id; null for root (none needed) and for a user whose ids cannot be told (<see cref="FsGroupUnknown"/>).
    /// </summary>
    public long? FsGroup => IsRoot ? null : GroupId ?? UserId;

    /// <summary>True for a non-root user whose ids cannot be told: its pod needs an fsGroup VolumeGen cannot name.</summary>
    public bool FsGroupUnknown => !IsRoot && FsGroup is null;

    /// <summary>
    /// Reads <paramref name="value"/>; null for an empty value (the image's default user, root for a Dockerfile).
    /// <paramref name="appUid"/> is the <c>APP_UID</c> the Dockerfile sets, when it sets one.
    /// </summary>
    public static ContainerUser? Parse(string? value, string? appUid = null)
    {
        string text = (value ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            return null;
        }

        int colon = text.IndexOf(':');
        string user = colon < 0 ? text : text.Substring(0, colon);
        string? group = colon < 0 ? null : text.Substring(colon + 1);
        long? userId = IdOf(user, appUid);
        long? groupId = group is null ? (user == "root" || userId == 0 ? 0 : IsAppUser(user) ? userId : null) : IdOf(group, appUid);
        if (group is null && userId is long id && IsNumber(user))
        {
            // A bare numeric USER runs with group 0 unless /etc/passwd names the id; the .NET app user's is 1654.
            groupId = id == DotNetAppId ? DotNetAppId : null;
        }

        return new ContainerUser(text, user, group, userId, groupId);
    }

    /// <summary>
    /// The user <paramref name="stage"/> runs as: its own or inherited <c>USER</c>; without one, <c>$APP_UID</c> for
    /// the .NET chiseled images (<c>*-chiseled*</c> tags, whose configuration says <c>USER app</c>), else null (root).
    /// </summary>
    public static ContainerUser? Of(DockerfileStage? stage)
    {
        if (stage is null)
        {
            return null;
        }

        if (stage.User is not DockerfileValue user)
        {
            DockerfileStage root = stage;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            return root.BaseImage.IsKnown && root.BaseImage.Text.IndexOf("-chiseled", StringComparison.OrdinalIgnoreCase) >= 0 ? Parse("$APP_UID") : null;
        }

        DockerfileValue? appUid = stage.GetEnvironment("APP_UID");
        return Parse(user.IsKnown ? user.Text : user.Written, appUid is { IsKnown: true } ? appUid.Text : null);
    }

    private static long? IdOf(string part, string? appUid)
    {
        if (part == "root")
        {
            return 0;
        }

        if (IsAppUser(part))
        {
            return appUid is not null && IsNumber(appUid) ? long.Parse(appUid, NumberStyles.None, CultureInfo.InvariantCulture) : DotNetAppId;
        }

        return IsNumber(part) && long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out long id) ? id : null;
    }

    private static bool IsAppUser(string part) => part is "app" or "$APP_UID" or "${APP_UID}";

    private static bool IsNumber(string text)
    {
        if (text.Length == 0 || text.Length > 10)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
