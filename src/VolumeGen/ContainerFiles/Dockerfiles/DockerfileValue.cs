using System;
using System.Collections.Generic;

namespace VolumeGen.ContainerFiles;

/// <summary>
/// A word of a Dockerfile after the builder's word processing: quotes and escape characters removed, <c>$NAME</c>,
/// <c>${NAME}</c>, <c>${NAME:-word}</c> and <c>${NAME:+word}</c> replaced by what the Dockerfile declares.
/// A reference whose value the Dockerfile cannot tell (set by the base image or a <c>--build-arg</c>) stays as
/// written and makes the value unknown.
/// </summary>
public sealed class DockerfileValue
{
    /// <summary>Creates a value.</summary>
    public DockerfileValue(string written, string text, bool isKnown, IReadOnlyList<string> unsetVariables)
    {
        Written = written;
        Text = text;
        IsKnown = isKnown;
        UnsetVariables = unsetVariables;
    }

    /// <summary>The word as the Dockerfile writes it.</summary>
    public string Written { get; }

    /// <summary>The processed text; references that cannot be known are kept as written.</summary>
    public string Text { get; }

    /// <summary>True when <see cref="Text"/> is exactly what the builder makes of the word.</summary>
    public bool IsKnown { get; }

    /// <summary>
    /// Variables the word refers to that no <c>ENV</c> and no <c>ARG</c> with a default before it sets: the builder
    /// substitutes an empty string for them unless the base image or a <c>--build-arg</c> sets them.
    /// </summary>
    public IReadOnlyList<string> UnsetVariables { get; }

    /// <summary>A literal value (no processing needed).</summary>
    public static DockerfileValue Literal(string text) => new(text, text, true, Array.Empty<string>());

    /// <inheritdoc />
    public override string ToString() => Text;
}
