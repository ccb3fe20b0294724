using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using VolumeGen.SourceGenerators.Helpers;
using VolumeGen.SourceGenerators.Model;

namespace VolumeGen.SourceGenerators.Declarations;

/// <summary>A mount attribute together with what it declares (for analyzers that need the attribute's syntax).</summary>
internal readonly struct DeclaredMount
{
    public DeclaredMount(AttributeData attribute, MountDeclaration declaration)
    {
        Attribute = attribute;
        Declaration = declaration;
    }

    public AttributeData Attribute { get; }

    public MountDeclaration Declaration { get; }
}
