using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace VolumeGen.Analyzers.Tests.Infrastructure;

/// <summary>An AdditionalFile held in memory; <see cref="Reads"/> counts how often an analyzer asked for its text.</summary>
internal sealed class TestAdditionalText : AdditionalText
{
    private readonly SourceText _text;
    private int _reads;

    public TestAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text);
    }

    public override string Path { get; }

    public int Reads => Volatile.Read(ref _reads);

    public override SourceText GetText(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reads);
        return _text;
    }
}
