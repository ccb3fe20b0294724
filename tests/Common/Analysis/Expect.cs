using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace VolumeGen.TestSupport;

/// <summary>Expected diagnostics: by ID and severity, with the message checked only when arguments are given.</summary>
internal static class Expect
{
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor, int location = 0)
        => new DiagnosticResult(descriptor.Id, descriptor.DefaultSeverity).WithLocation(location);

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor, params object[] arguments)
        => new DiagnosticResult(descriptor).WithLocation(0).WithArguments(arguments);
}
