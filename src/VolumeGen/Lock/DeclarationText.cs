using System.Text;

namespace VolumeGen;

/// <summary>
/// A mount as the C# attribute that declares it, for messages that show the old and the new declaration side by
/// side: <c>[PersistentVolume("/app/data", Name = "profiles")]</c>, <c>[AnonymousVolume("/app/cache")]</c>,
/// <c>[BindMount("./config", "/app/config")]</c>, <c>[TmpfsMount("/app/scratch")]</c>.
/// </summary>
public static class DeclarationText
{
    /// <summary>The attribute that declares <paramref name="mount"/> (options that do not matter to where data lives are left out).</summary>
    public static string Of(Mount mount)
    {
        var text = new StringBuilder();
        switch (mount.Kind)
        {
            case MountKind.NamedVolume:
                text.Append("[PersistentVolume(").Append(Literal(mount.Target)).Append(", Name = ").Append(Literal(mount.Source ?? string.Empty));
                break;
            case MountKind.AnonymousVolume:
                text.Append("[AnonymousVolume(").Append(Literal(mount.Target));
                break;
            case MountKind.Bind:
                text.Append("[BindMount(").Append(Literal(mount.Source ?? string.Empty)).Append(", ").Append(Literal(mount.Target));
                break;
            default:
                text.Append("[TmpfsMount(").Append(Literal(mount.Target));
                break;
        }

        if (mount.ReadOnly)
        {
            text.Append(", ReadOnly = true");
        }

        return text.Append(")]").ToString();
    }

    /// <summary>A regular C# string literal; valid declarations hold no control characters, but a message must not break on one.</summary>
    private static string Literal(string value)
    {
        var literal = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': literal.Append("\\\""); break;
                case '\\': literal.Append("\\\\"); break;
                default:
                    if (c < 0x20)
                    {
                        literal.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        literal.Append(c);
                    }

                    break;
            }
        }

        return literal.Append('"').ToString();
    }
}
