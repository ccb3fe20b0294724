using System;
using System.Collections.Generic;

namespace VolumeGen;

/// <summary>
/// A compose override file (<c>compose.volumegen.yaml</c>): the service's <c>volumes:</c> in long syntax and
/// the top-level named <c>volumes:</c>. Strings are YAML double-quoted; <c>$</c> becomes <c>$$</c> because
/// compose interpolates variables. Relative bind sources stay relative (compose resolves them against the
/// compose file's folder).
/// </summary>
public static class ComposeOverride
{
    /// <summary>The override YAML for service <paramref name="serviceName"/>.</summary>
    public static string Format(IEnumerable<Mount> mounts, string serviceName)
        => throw new NotImplementedException("ComposeOverride.Format: issue #2 in progress.");
}
