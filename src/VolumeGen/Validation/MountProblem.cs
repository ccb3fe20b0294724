using System;

namespace VolumeGen;

/// <summary>One problem in a set of mounts, with a stable <see cref="Code"/> and a message that names the value and the fix.</summary>
public sealed class MountProblem : IEquatable<MountProblem>
{
    /// <summary>Creates a problem.</summary>
    public MountProblem(MountProblemCode code, MountProblemSeverity severity, int mountIndex, MountField field, string value, string message)
    {
        Code = code;
        Severity = severity;
        MountIndex = mountIndex;
        Field = field;
        Value = value;
        Message = message;
    }

    /// <summary>The stable code.</summary>
    public MountProblemCode Code { get; }

    /// <summary>The diagnostic ID, e.g. <c>VG1001</c>.</summary>
    public string Id => "VG" + ((int)Code).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Error or warning.</summary>
    public MountProblemSeverity Severity { get; }

    /// <summary>Index of the offending mount in the validated sequence.</summary>
    public int MountIndex { get; }

    /// <summary>The part of the declaration that is wrong.</summary>
    public MountField Field { get; }

    /// <summary>The offending value, as declared.</summary>
    public string Value { get; }

    /// <summary>What is wrong and how to fix it.</summary>
    public string Message { get; }

    /// <inheritdoc />
    public bool Equals(MountProblem? other)
        => other is not null && Code == other.Code && Severity == other.Severity && MountIndex == other.MountIndex
        && Field == other.Field && Value == other.Value && Message == other.Message;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as MountProblem);

    /// <inheritdoc />
    public override int GetHashCode() => ((int)Code * 397) ^ MountIndex ^ (Value?.GetHashCode() ?? 0);

    /// <inheritdoc />
    public override string ToString() => Id + ": " + Message;
}
