using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace VolumeGen.Build.Dockerfiles;

/// <summary>How the generated region prepares volume directories for a non-root user.</summary>
public enum DockerfileOwnership
{
    /// <summary>No ownership step: only the <c>VOLUME</c> line.</summary>
    None = 0,

    /// <summary><c>RUN mkdir -p … &amp;&amp; chown -R owner …</c> (needs a shell in the image).</summary>
    Run = 1,

    /// <summary><c>COPY --chown=owner ["empty/", "/path/"]</c> per directory (works in images without a shell).</summary>
    Copy = 2,
}
