using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace VolumeGen.Docker.Tests.Templates;

/// <summary>What VolumeGen must say about an Identity template in a container: its database and its key ring, nothing else.</summary>
public static class TemplateWarnings
{
    public static void AssertDatabaseAndKeyRing(IReadOnlyList<string> warnings, string buildOutput)
    {
        string all = string.Join("\n", warnings);
        Assert.True(warnings.Count == 2, $"Expected exactly two VolumeGen warnings (the database, VG2001; the key ring Identity uses without AddDataProtection(), VG2006), got {warnings.Count}:\n{all}\n--- build output ---\n{buildOutput}");
        Assert.True(
            warnings.Count(static w => w.Contains("warning VG2001:", StringComparison.Ordinal) && w.Contains("Program.cs(", StringComparison.Ordinal)
                && w.Contains("appsettings.json", StringComparison.Ordinal) && w.Contains("ConnectionStrings:DefaultConnection", StringComparison.Ordinal)) == 1,
            "Expected one VG2001 at Program.cs naming appsettings.json and ConnectionStrings:DefaultConnection:\n" + all);
        Assert.True(
            warnings.Count(static w => w.Contains("warning VG2006:", StringComparison.Ordinal) && w.Contains("Program.cs(", StringComparison.Ordinal)
                && w.Contains("DataProtection-Keys", StringComparison.Ordinal)) == 1,
            "Expected one VG2006 at Program.cs naming the key folder (DataProtection-Keys):\n" + all);
    }
}
