using System;

namespace VolumeGen;

/// <summary>
/// An error that keeps a storage class from being generated, recorded in the manifest with the diagnostic ID and
/// message the declaration analyzer reports, so the build task and the CLI can refuse the class with the same words
/// even when the analyzer was silenced or did not run.
/// </summary>
public sealed class ManifestProblem : IEquatable<ManifestProblem>
{
    /// <summary>Creates a problem.</summary>
    public ManifestProblem(string id, string message)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Message = message ?? throw new ArgumentNullException(nameof(message));
    }

    /// <summary>The diagnostic ID, e.g. <c>VG1001</c>.</summary>
    public string Id { get; }

    /// <summary>The analyzer's message: what is wrong and how to fix it.</summary>
    public string Message { get; }

    /// <inheritdoc />
    public bool Equals(ManifestProblem? other) => other is not null && Id == other.Id && Message == other.Message;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ManifestProblem);

    /// <inheritdoc />
    public override int GetHashCode() => (StringComparer.Ordinal.GetHashCode(Id) * 397) ^ StringComparer.Ordinal.GetHashCode(Message);

    /// <inheritdoc />
    public override string ToString() => Id + ": " + Message;
}
