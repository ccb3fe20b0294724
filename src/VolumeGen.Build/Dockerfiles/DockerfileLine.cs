using System;
using System.Collections.Generic;
using System.Text;

namespace VolumeGen.Build.Dockerfiles;

/// <summary>One physical line of a Dockerfile, as byte offsets into the file.</summary>
/// <param name="Start">First byte of the line (after the BOM on the first line).</param>
/// <param name="ContentEnd">Byte after the last content byte (before <c>\r\n</c> or <c>\n</c>).</param>
/// <param name="End">Byte after the line terminator.</param>
/// <param name="Text">The line's text without terminator, decoded as UTF-8.</param>
internal readonly record struct DockerfileLine(int Start, int ContentEnd, int End, string Text)
{
    /// <summary>The line's terminator bytes as text: <c>"\r\n"</c>, <c>"\n"</c> or empty at the end of the file.</summary>
    public string Terminator(byte[] bytes)
    {
        if (End == ContentEnd)
        {
            return string.Empty;
        }

        return End - ContentEnd == 2 ? "\r\n" : "\n";
    }
}
