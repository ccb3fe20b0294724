using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using VolumeGen.SourceGenerators.Usage.PathEvaluation;
using VolumeGen.SourceGenerators.Usage.Persisted;
using VolumeGen.SourceGenerators.Usage.Sinks;

namespace VolumeGen.SourceGenerators.Usage.Verdicts;

/// <summary>
/// The folder the app already keeps its data in (<c>/app/AppData</c>, <c>App_Data</c>, <c>data</c>, whatever its name):
/// the deepest folder below the working directory that holds every write under the working directory the analyzer
/// reports as lost — partly known paths by their known folder — when at least two writes share it and a volume there
/// is safe. Proposals then persist that folder instead of moving the data into a new one. Found once per compilation
/// and container knowledge, by a syntax walk that binds only calls whose names are sinks.
/// </summary>
internal static class AppDataFolder
{
    private const int MinimumWrites = 2;

    /// <summary>The app's data folder for <paramref name="knowledge"/>, or null when its lost data shares none.</summary>
    public static string? Find(Compilation compilation, UsageCompilationState state, PersistedKnowledge knowledge, CancellationToken cancellationToken)
    {
        string workingDirectory = knowledge.WorkingDirectory;
        string? common = null;
        int writes = 0;
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            if (IsGenerated(tree, cancellationToken))
            {
                continue;
            }

            ResolvedSinks? additional = state.AnyAdditionalSinks ? state.AdditionalSinks(state.OptionsFor(tree)) : null;
            SemanticModel? model = null;
            foreach (SyntaxNode node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (!MayWrite(node, state.Sinks, additional))
                {
                    continue;
                }

                model ??= state.Evaluator.ModelOf(tree);
                foreach (WriteSite site in Sites(model.GetOperation(node, cancellationToken), state, cancellationToken))
                {
                    var trace = new EvaluationTrace();
                    if (site.Path(state.Evaluator, trace, cancellationToken) is string path
                        && WriteJudgment.Of(site.Entry, path, knowledge) is WriteJudgment judgment
                        && judgment.Verdict is { Kind: VerdictKind.OutsidePersistedPath, WrittenFolder: string folder }
                        && ContainerPath.IsUnder(folder, workingDirectory))
                    {
                        common = common is null ? folder : CommonFolder(common, folder);
                        writes++;
                    }
                }
            }
        }

        return writes >= MinimumWrites && common is not null && common.Length > workingDirectory.Length && WriteVerdict.IsSafeVolumeFolder(common, knowledge)
            ? common
            : null;
    }

    /// <summary>The syntax-only check: a call, creation or assignment whose name some sink has.</summary>
    private static bool MayWrite(SyntaxNode node, ResolvedSinks sinks, ResolvedSinks? additional)
    {
        switch (node)
        {
            case InvocationExpressionSyntax invocation when InvocationScan.CalledName(invocation) is string name:
                return sinks.HasMember(name) || additional?.HasMember(name) == true || name is "Configuration" or "ConfigurationSection";
            case ObjectCreationExpressionSyntax creation when TypeName(creation.Type) is string type:
                return sinks.HasConstructorOf(type) || additional?.HasConstructorOf(type) == true;
            case ImplicitObjectCreationExpressionSyntax implicitCreation:
                return implicitCreation.ArgumentList.Arguments.Count > 0;
            case AssignmentExpressionSyntax assignment when assignment.Left is IdentifierNameSyntax or MemberAccessExpressionSyntax:
                string property = assignment.Left is MemberAccessExpressionSyntax member ? member.Name.Identifier.ValueText : ((IdentifierNameSyntax)assignment.Left).Identifier.ValueText;
                return sinks.HasMember(property);
            default:
                return false;
        }
    }

    private static IEnumerable<WriteSite> Sites(IOperation? operation, UsageCompilationState state, CancellationToken cancellationToken)
    {
        WriteSite? site = operation switch
        {
            IInvocationOperation invocation when SerilogConfiguredFiles.IsReadFrom(invocation.TargetMethod) => null,
            IInvocationOperation invocation => WriteSites.OfInvocation(invocation, state),
            IObjectCreationOperation creation => WriteSites.OfCreation(creation, state),
            ISimpleAssignmentOperation assignment => WriteSites.OfAssignment(assignment, state),
            _ => null,
        };
        if (site is WriteSite found)
        {
            return new[] { found };
        }

        return operation is IInvocationOperation readFrom && SerilogConfiguredFiles.IsReadFrom(readFrom.TargetMethod)
            ? SerilogConfiguredFiles.Sites(readFrom, state.Evaluator, cancellationToken)
            : Array.Empty<WriteSite>();
    }

    /// <summary>The deepest folder holding both (normalised absolute paths).</summary>
    private static string CommonFolder(string left, string right)
    {
        while (!ContainerPath.IsUnder(right, left))
        {
            left = ContainerPath.Parent(left);
        }

        return left;
    }

    private static string? TypeName(TypeSyntax type) => type switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The compiler's rule for generated files (which the analyzer does not analyse): the name, or an auto-generated header.</summary>
    private static bool IsGenerated(SyntaxTree tree, CancellationToken cancellationToken)
    {
        string path = tree.FilePath ?? string.Empty;
        foreach (string suffix in new[] { ".g.cs", ".g.i.cs", ".designer.cs", ".generated.cs" })
        {
            if (path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (SyntaxTrivia trivia in tree.GetRoot(cancellationToken).GetLeadingTrivia())
        {
            if (trivia.ToString().IndexOf("<auto-generated", StringComparison.OrdinalIgnoreCase) >= 0 || trivia.ToString().IndexOf("<autogenerated", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
