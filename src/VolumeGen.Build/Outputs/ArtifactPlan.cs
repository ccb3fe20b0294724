using System.Collections.Generic;
using System.Text;

namespace VolumeGen.Build.Outputs;

/// <summary>
/// What one run of <see cref="WriteVolumeArtifacts"/> makes of each output: every file with its new bytes, and the
/// folders to create (the copy form's empty folder). Planning reads and decides; only <see cref="ArtifactCommit"/> writes.
/// </summary>
internal sealed class ArtifactPlan
{
    private readonly List<PlannedFile> _files = new();
    private readonly List<PlannedFile> _folders = new();
    private readonly List<string> _intermediate = new();

    /// <summary>Every planned file, in planning order.</summary>
    public IReadOnlyList<PlannedFile> Files => _files;

    /// <summary>The folders to create before any file is written (their content is empty).</summary>
    public IReadOnlyList<PlannedFile> Folders => _folders;

    /// <summary>The inspection copies among <see cref="Files"/>, for <c>FileWrites</c>.</summary>
    public IReadOnlyList<string> IntermediateFiles => _intermediate;

    /// <summary>Plans <paramref name="path"/> to hold <paramref name="content"/>.</summary>
    public void File(string path, byte[] content, string what) => _files.Add(new PlannedFile(path, content, what));

    /// <summary>Plans <paramref name="path"/> to hold <paramref name="text"/> as UTF-8 without a byte-order mark.</summary>
    public void File(string path, string text, string what) => File(path, Encode(text), what);

    /// <summary>Plans an inspection copy under the intermediate folder.</summary>
    public void Intermediate(string path, string text, string what)
    {
        _intermediate.Add(path);
        File(path, text, what);
    }

    /// <summary>Plans a folder to exist.</summary>
    public void Folder(string path, string what) => _folders.Add(new PlannedFile(path, System.Array.Empty<byte>(), what));

    private static byte[] Encode(string text) => new UTF8Encoding(false).GetBytes(text);
}
