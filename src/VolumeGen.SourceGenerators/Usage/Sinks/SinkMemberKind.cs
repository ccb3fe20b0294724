namespace VolumeGen.SourceGenerators.Usage.Sinks;

/// <summary>How a sink member is reached.</summary>
internal enum SinkMemberKind
{
    /// <summary>A method (static, instance or extension), matched by name.</summary>
    Method = 0,

    /// <summary>A constructor (<c>.ctor</c>).</summary>
    Constructor = 1,

    /// <summary>A property assignment.</summary>
    PropertySetter = 2,
}
