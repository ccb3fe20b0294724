using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using VolumeGen.SourceGenerators.Usage.Configuration;

namespace VolumeGen.SourceGenerators.Analyzers.UsageRules;

/// <summary>Where a usage report is placed, besides the written path's own expression.</summary>
internal static class ReportLocations
{
    /// <summary>From the called member's name to the end of the call: <c>services.{|AddDefaultIdentity&lt;User&gt;(...)|}</c>.</summary>
    public static Location Call(IInvocationOperation invocation)
        => invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member }
            ? Location.Create(invocation.Syntax.SyntaxTree, TextSpan.FromBounds(member.Name.SpanStart, invocation.Syntax.Span.End))
            : invocation.Syntax.GetLocation();

    /// <summary>The JSON value a path came from, as the diagnostic's additional location.</summary>
    public static IEnumerable<Location>? Configured(ConfigurationEntry? origin)
        => origin?.FilePath is string file ? new[] { Location.Create(file, origin.Span, origin.LineSpan) } : null;
}
