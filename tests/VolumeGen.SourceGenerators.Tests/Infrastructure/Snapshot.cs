using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using VolumeGen.SourceGenerators.Emitting;
using Xunit;

namespace VolumeGen.SourceGenerators.Tests.Infrastructure;

/// <summary>
/// Golden files: the generated sources of a case, joined in hint-name order, must equal the checked-in
/// <c>Snapshots/{name}.verified.cs</c>. On a mismatch (or a missing file) the actual text is written to
/// <c>Snapshots/{name}.received.cs</c> and the test fails; review it and rename it to accept.
/// The generator version is scrubbed so a version bump does not touch every file.
/// </summary>
internal static class Snapshot
{
    public static string Directory => Path.Combine(RepositoryRoot.Path, "tests", "VolumeGen.SourceGenerators.Tests", "Snapshots");

    public static string Render(IReadOnlyDictionary<string, string> sources)
    {
        var text = new StringBuilder();
        foreach (KeyValuePair<string, string> source in sources.OrderBy(static s => s.Key, StringComparer.Ordinal))
        {
            text.Append("//----- ").Append(source.Key).Append('\n');
            text.Append(source.Value);
        }

        return Scrub(text.ToString());
    }

    public static string Scrub(string text)
        => text.Replace("(\"VolumeGen\", \"" + StorageClassEmitter.Version + "\")", "(\"VolumeGen\", \"<version>\")", StringComparison.Ordinal);

    public static void Verify(string name, string actual)
    {
        string verified = Path.Combine(Directory, name + ".verified.cs");
        string received = Path.Combine(Directory, name + ".received.cs");
        string? expected = File.Exists(verified) ? File.ReadAllText(verified, Encoding.UTF8) : null;
        if (expected == actual)
        {
            if (File.Exists(received))
            {
                File.Delete(received);
            }

            return;
        }

        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(received, actual, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Assert.Fail(expected is null
            ? $"No snapshot {verified}. The generated text is in {received}; review it and rename it to .verified.cs."
            : $"The generated text differs from {verified}. The new text is in {received}; compare, and rename it to .verified.cs if it is right.");
    }
}
