namespace VolumeGen.SourceGenerators.Usage.Sinks;

/// <summary>What the written data is, which decides the rule that reports its loss.</summary>
internal enum SinkData
{
    /// <summary>Application data (VG2001).</summary>
    Data = 0,

    /// <summary>The ASP.NET Core Data Protection key ring (VG2007: everyone is logged out when it is lost).</summary>
    KeyRing = 1,
}
