namespace VolumeGen;

/// <summary>The words Docker and compose use for SELinux relabelling (<c>-v src:dst:z</c>, compose <c>bind.selinux: z</c>).</summary>
public static class SelinuxLabels
{
    /// <summary>The option of <paramref name="label"/>: <c>z</c> (shared), <c>Z</c> (private), or null for none.</summary>
    public static string? ToOption(SelinuxLabel label) => label switch
    {
        SelinuxLabel.Shared => "z",
        SelinuxLabel.Private => "Z",
        _ => null,
    };

    /// <summary>The label an option stands for (<c>z</c> shared, <c>Z</c> private, case-sensitive), or null for another word.</summary>
    public static SelinuxLabel? FromOption(string? option) => option switch
    {
        "z" => SelinuxLabel.Shared,
        "Z" => SelinuxLabel.Private,
        _ => null,
    };
}
