using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using VolumeGen.SourceGenerators.Usage.Sinks;

namespace VolumeGen.SourceGenerators.Usage;

/// <summary>
/// The write an operation makes — the sink row that applies and where its path comes from — found the same way for
/// the analyzer's reports and for the look at every write of the compilation (<see cref="Verdicts.AppDataFolder"/>).
/// Nothing is evaluated here; a call that is no sink costs a member-name lookup and allocates nothing.
/// </summary>
internal static class WriteSites
{
    /// <summary>The write of an invocation (built-in sinks, then the user's <c>volumegen.additional_sinks</c>), or null.</summary>
    public static WriteSite? OfInvocation(IInvocationOperation invocation, UsageCompilationState state)
    {
        IMethodSymbol method = invocation.TargetMethod;
        return Find(state.Sinks, SinkMemberKind.Method, method.Name, method.ContainingType, invocation.Arguments, invocation.Instance, invocation.Syntax)
            ?? FindAdditional(state, invocation, SinkMemberKind.Method, method.Name, method.ContainingType, invocation.Arguments);
    }

    /// <summary>The write of an object creation (<c>new FileStream(path, FileMode.Create)</c>), or null.</summary>
    public static WriteSite? OfCreation(IObjectCreationOperation creation, UsageCompilationState state)
    {
        if (creation.Constructor is not IMethodSymbol constructor)
        {
            return null;
        }

        return Find(state.Sinks, SinkMemberKind.Constructor, ".ctor", constructor.ContainingType, creation.Arguments, null, creation.Syntax)
            ?? FindAdditional(state, creation, SinkMemberKind.Constructor, ".ctor", constructor.ContainingType, creation.Arguments);
    }

    /// <summary>The write of a property assignment (<c>connection.ConnectionString = "..."</c>): the value is the path.</summary>
    public static WriteSite? OfAssignment(ISimpleAssignmentOperation assignment, UsageCompilationState state)
    {
        if (assignment.Target is not IPropertyReferenceOperation property)
        {
            return null;
        }

        foreach (SinkEntry entry in state.Sinks.Find(property.Property.Name, SinkMemberKind.PropertySetter, property.Property.ContainingType))
        {
            return new WriteSite(entry, null, assignment.Value, reported: assignment.Value.Syntax);
        }

        return null;
    }

    private static WriteSite? FindAdditional(UsageCompilationState state, IOperation operation, SinkMemberKind kind, string name, INamedTypeSymbol? type, ImmutableArray<IArgumentOperation> arguments)
    {
        if (!state.AnyAdditionalSinks || state.AdditionalSinks(state.OptionsFor(operation.Syntax.SyntaxTree)) is not ResolvedSinks additional)
        {
            return null;
        }

        return Find(additional, kind, name, type, arguments, null, operation.Syntax);
    }

    /// <summary>The first row that applies: its condition holds and its path argument is there.</summary>
    private static WriteSite? Find(ResolvedSinks sinks, SinkMemberKind kind, string name, INamedTypeSymbol? type, ImmutableArray<IArgumentOperation> arguments, IOperation? instance, SyntaxNode syntax)
    {
        foreach (SinkEntry entry in sinks.Find(name, kind, type))
        {
            if (!Writes(entry.Condition, arguments))
            {
                continue;
            }

            IArgumentOperation? argument = entry.Parameter is null ? null : FindArgument(arguments, entry.Parameter, entry.Source == SinkPathSource.FileSystemInfoArgument);
            if (entry.Source != SinkPathSource.Instance && argument is null)
            {
                continue;
            }

            return new WriteSite(entry, argument, instance, reported: entry.Source == SinkPathSource.Instance ? syntax : argument!.Value.Syntax);
        }

        return null;
    }

    /// <summary>Whether the call writes, judged from constant <c>FileMode</c>/<c>FileAccess</c>/<c>ZipArchiveMode</c> arguments. Unknown: no.</summary>
    private static bool Writes(SinkCondition condition, ImmutableArray<IArgumentOperation> arguments)
    {
        switch (condition)
        {
            case SinkCondition.FileModeOrAccess:
                IArgumentOperation? access = FindArgument(arguments, "access");
                if (access is not null && PathEvaluation.PathEvaluator.ConstantInteger(access.Value) is long accessValue)
                {
                    return (accessValue & 2) != 0; // FileAccess.Write or ReadWrite
                }

                IArgumentOperation? mode = FindArgument(arguments, "mode");
                // FileMode: CreateNew 1, Create 2, Open 3, OpenOrCreate 4, Truncate 5, Append 6.
                return mode is not null && PathEvaluation.PathEvaluator.ConstantInteger(mode.Value) is long modeValue && modeValue is 1 or 2 or 4 or 5 or 6;
            case SinkCondition.ZipArchiveMode:
                IArgumentOperation? zipMode = FindArgument(arguments, "mode");
                // ZipArchiveMode: Read 0, Create 1, Update 2.
                return zipMode is not null && PathEvaluation.PathEvaluator.ConstantInteger(zipMode.Value) is long zipValue && zipValue is 1 or 2;
            default:
                return true;
        }
    }

    private static IArgumentOperation? FindArgument(ImmutableArray<IArgumentOperation> arguments, string parameter, bool fileSystemInfo = false)
    {
        foreach (IArgumentOperation argument in arguments)
        {
            if (argument.Parameter is { } p && p.Name == parameter && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return fileSystemInfo || argument.Parameter.Type.SpecialType == SpecialType.System_String || parameter is "access" or "mode" ? argument : null;
            }
        }

        return null;
    }
}
