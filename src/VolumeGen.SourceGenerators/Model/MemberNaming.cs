using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace VolumeGen.SourceGenerators.Model;

/// <summary>
/// Names of the generated path constants: the volume's <c>Name</c> or the target's last segment in PascalCase
/// (<c>/app/user-data</c> → <c>UserData</c>), made a valid identifier for any path and unique within the class.
/// </summary>
internal static class MemberNaming
{
    /// <summary>The member names every generated storage class declares.</summary>
    public static IReadOnlyList<string> ReservedMemberNames { get; } = new[] { "Mounts", "RunArguments", "CommandLine", "Resolve", "DockerfileVolume" };

    // The compiler refuses identifiers longer than 512 characters; keep generated names readable.
    private const int MaxLength = 64;

    /// <summary>One constant name per mount, in declaration order.</summary>
    public static IReadOnlyList<string> ConstantNames(StorageClassDeclaration declaration, MountSet mounts)
    {
        var taken = new HashSet<string>(declaration.MemberNames, StringComparer.Ordinal) { declaration.Type.Name };
        foreach (string reserved in ReservedMemberNames)
        {
            taken.Add(reserved);
        }

        var names = new List<string>(mounts.Count);
        for (int i = 0; i < mounts.Count; i++)
        {
            Mount mount = mounts[i];
            string? declaredName = declaration.Mounts[i].Kind == MountKind.NamedVolume ? declaration.Mounts[i].Name : null;
            string baseName = ToIdentifier(declaredName ?? LastSegment(mount.Target));
            string name = baseName;
            for (int suffix = 2; taken.Contains(name); suffix++)
            {
                name = baseName + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            taken.Add(name);
            names.Add(name);
        }

        return names;
    }

    /// <summary>PascalCase identifier from arbitrary text; never empty, never a keyword, never starts with a digit.</summary>
    public static string ToIdentifier(string text)
    {
        var name = new StringBuilder();
        bool startOfWord = true;
        foreach (char c in text)
        {
            if (name.Length >= MaxLength)
            {
                break;
            }

            if (IsIdentifierPart(c))
            {
                bool isMark = char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;
                if (isMark && name.Length == 0)
                {
                    continue;
                }

                name.Append(startOfWord ? char.ToUpperInvariant(c) : c);
                startOfWord = false;
            }
            else
            {
                startOfWord = true;
            }
        }

        if (name.Length == 0)
        {
            return "Mount";
        }

        if (char.IsDigit(name[0]))
        {
            name.Insert(0, '_');
        }

        string result = name.ToString();
        return SyntaxFacts.GetKeywordKind(result) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(result) != SyntaxKind.None
            ? result + "_"
            : result;
    }

    /// <summary>A type or namespace name as C# source: <c>@</c> before a keyword.</summary>
    public static string Escape(string identifier)
        => SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;

    private static string LastSegment(string target) => ContainerPath.LastSegment(target);

    private static bool IsIdentifierPart(char c)
        => char.GetUnicodeCategory(c) switch
        {
            System.Globalization.UnicodeCategory.UppercaseLetter or
            System.Globalization.UnicodeCategory.LowercaseLetter or
            System.Globalization.UnicodeCategory.TitlecaseLetter or
            System.Globalization.UnicodeCategory.ModifierLetter or
            System.Globalization.UnicodeCategory.OtherLetter or
            System.Globalization.UnicodeCategory.DecimalDigitNumber or
            System.Globalization.UnicodeCategory.NonSpacingMark or
            System.Globalization.UnicodeCategory.SpacingCombiningMark => true,
            _ => false,
        };
}
