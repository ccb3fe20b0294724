using System;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using VolumeGen.SourceGenerators.Emitting;
using VolumeGen.SourceGenerators.Model;
using VolumeGen.SourceGenerators.Tests.Infrastructure;
using Xunit;

namespace VolumeGen.SourceGenerators.Tests;

/// <summary>The literal escaper and the identifier maker, checked against Roslyn's own parser for random inputs.</summary>
public sealed class EmittingTests
{
    private static readonly char[] Interesting =
    {
        '"', '\\', '\0', '\a', '\b', '\f', '\n', '\r', '\t', '\v', '\u0085', '\u2028', '\u2029', '\uFEFF', '\u200B', '\uD800', '\uDBFF', '\uDC00', '\uDFFF',
        '\uE000', '\uFFFF', '\uFFFE', '{', '}', '$', '@', '\'', '/', 'a', 'Z', '0', 'é', '日', ' ', '\u00A0', '\u0301', '_',
    };

    [Fact]
    public void String_literals_round_trip_through_the_CSharp_parser_and_UTF8()
    {
        var random = new Random(7);
        for (int i = 0; i < 10_000; i++)
        {
            string value = RandomString(random);
            string literal = CSharpLiteral.String(value);

            // UTF-8 cannot carry lone surrogates: the literal text must survive the source file's encoding.
            Assert.Equal(literal, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(literal)));
            ExpressionSyntax expression = SyntaxFactory.ParseExpression(literal);
            Assert.Empty(expression.GetDiagnostics());
            var parsed = Assert.IsType<LiteralExpressionSyntax>(expression);
            Assert.Equal(value, parsed.Token.ValueText);
        }
    }

    [Fact]
    public void Identifiers_are_valid_for_any_text()
    {
        var random = new Random(11);
        for (int i = 0; i < 10_000; i++)
        {
            string text = RandomString(random);
            string identifier = MemberNaming.ToIdentifier(text);

            Assert.True(SyntaxFacts.IsValidIdentifier(identifier), $"'{identifier}' from {SymbolDisplay.FormatLiteral(text, true)}");
            Assert.Equal(SyntaxKind.None, SyntaxFacts.GetKeywordKind(identifier));
            Assert.InRange(identifier.Length, 1, 66);
        }
    }

    [Theory]
    [InlineData("/app/user-data", "UserData")]
    [InlineData("profiles", "Profiles")]
    [InlineData("2024-reports", "_2024Reports")]
    [InlineData("my.cache_dir v2", "MyCacheDirV2")]
    [InlineData("@@@", "Mount")]
    [InlineData("données", "Données")]
    public void Identifier_examples(string text, string expected)
        => Assert.Equal(expected, MemberNaming.ToIdentifier(text.Substring(text.LastIndexOf('/') + 1)));

    [Fact]
    public void Output_does_not_depend_on_file_order()
    {
        string[] sources =
        {
            """using VolumeGen; namespace A; [PersistentVolume("/a/data")] public static partial class First { }""",
            """using VolumeGen; namespace B; [AnonymousVolume("/b/cache")] [TmpfsMount("/b/tmp")] public static partial class Second { }""",
            """using VolumeGen; [assembly: EphemeralPath("/z")] [assembly: EphemeralPath("/y")] namespace C; [BindMount("./c", "/c/config")] partial class Third { }""",
        };

        GeneratorOutcome forward = TestCompiler.Run(sources);
        GeneratorOutcome backward = TestCompiler.Run(sources.Reverse().ToArray());

        Assert.Equal(4, forward.Sources.Count);
        Assert.Equal(forward.Sources.OrderBy(static s => s.Key, StringComparer.Ordinal), backward.Sources.OrderBy(static s => s.Key, StringComparer.Ordinal));
    }

    private static string RandomString(Random random)
    {
        var text = new StringBuilder();
        int length = random.Next(0, 24);
        for (int j = 0; j < length; j++)
        {
            text.Append(random.Next(3) == 0 ? (char)random.Next(0, 0x10000) : Interesting[random.Next(Interesting.Length)]);
        }

        return text.ToString();
    }
}
