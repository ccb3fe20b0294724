using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace VolumeGen.SourceGenerators.Usage;

/// <summary>
/// The argument a call passes for a parameter, found by the parameter's name: the one lookup the usage rules share
/// (positional, named or out of order alike; a default the compiler fills in is not an argument the code passed).
/// </summary>
internal static class PassedArguments
{
    /// <summary>The argument the code writes for <paramref name="parameter"/>, or null when it passes none.</summary>
    public static IArgumentOperation? Named(ImmutableArray<IArgumentOperation> arguments, string parameter)
    {
        foreach (IArgumentOperation argument in arguments)
        {
            if (argument.Parameter?.Name == parameter && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>The value <paramref name="invocation"/> passes for <paramref name="parameter"/>, or null when it passes none.</summary>
    public static IOperation? Value(IInvocationOperation invocation, string parameter) => Named(invocation.Arguments, parameter)?.Value;
}
