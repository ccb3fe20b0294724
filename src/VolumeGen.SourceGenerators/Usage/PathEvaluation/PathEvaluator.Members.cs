using System.Linq;
using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace VolumeGen.SourceGenerators.Usage.PathEvaluation;

/// <summary>The values of locals, fields and properties: the one expression that gives each its value, when there is one.</summary>
internal sealed partial class PathEvaluator
{
    // Member symbol -> the expression that is its only value (or null). Members are asked about once per write that
    // reads them; scanning a class for writes is the cost worth keeping.
    private readonly ConcurrentDictionary<ISymbol, ExpressionSyntax?> _memberValues = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// The initializer of a local that is assigned exactly once (at its declaration), or null. Any other
    /// assignment, <c>ref</c>/<c>out</c> use or increment of the same name in the enclosing member makes it unknown.
    /// </summary>
    private static IOperation? SingleAssignment(ILocalSymbol local, SemanticModel? model, CancellationToken cancellationToken)
    {
        if (model is null || local.IsRef || local.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        if (local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } value } declarator
            || declarator.SyntaxTree != model.SyntaxTree)
        {
            return null;
        }

        SyntaxNode? scope = declarator.FirstAncestorOrSelf<SyntaxNode>(static n => n is MemberDeclarationSyntax or AccessorDeclarationSyntax or CompilationUnitSyntax);
        if (scope is null || IsWrittenElsewhere(scope, local.Name))
        {
            return null;
        }

        return model.GetOperation(Unwrap(value), cancellationToken);
    }

    /// <summary>
    /// The value of a <c>readonly</c> field written exactly once in its type: its initializer, or one assignment in a
    /// constructor of its own kind (static or instance). Null otherwise.
    /// </summary>
    private IOperation? FieldValue(IFieldSymbol field, SemanticModel? current, CancellationToken cancellationToken)
    {
        if (!field.IsReadOnly || field.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        if (!_memberValues.TryGetValue(field, out ExpressionSyntax? value))
        {
            value = field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax declarator
                ? SingleWrite(field.ContainingType, field.Name, field.IsStatic, declarator.Initializer?.Value, cancellationToken)
                : null;
            _memberValues.TryAdd(field, value);
        }

        return OperationOf(value, current, cancellationToken);
    }

    /// <summary>
    /// The value of a non-virtual property: its expression body (<c>=&gt; expr</c>, <c>get =&gt; expr</c>,
    /// <c>get { return expr; }</c>), or for an auto-property without a public setter or <c>init</c>, its initializer
    /// or its one constructor assignment. Null otherwise.
    /// </summary>
    private IOperation? PropertyValue(IPropertySymbol property, SemanticModel? current, CancellationToken cancellationToken)
    {
        if (property.IsIndexer || property.IsVirtual || property.IsAbstract || property.IsOverride || property.IsExtern
            || property.ContainingType is not { TypeKind: TypeKind.Class or TypeKind.Struct } || property.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        if (!_memberValues.TryGetValue(property, out ExpressionSyntax? value))
        {
            value = PropertyExpression(property, cancellationToken);
            _memberValues.TryAdd(property, value);
        }

        return OperationOf(value, current, cancellationToken);
    }

    /// <summary>
    /// The one expression a small helper of the app returns — an expression body (<c>=&gt; expr</c>) or a body that is a
    /// single <c>return expr;</c>, of a method or local function in source that returns a string and cannot be
    /// overridden, with no <c>ref</c>/<c>out</c> or <c>params</c> parameter — or null.
    /// </summary>
    private IOperation? HelperBody(IMethodSymbol method, SemanticModel? current, CancellationToken cancellationToken)
    {
        if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction) || method.ReturnType.SpecialType != SpecialType.System_String
            || method.IsAbstract || method.IsVirtual || method.IsOverride || method.IsExtern || method.IsPartialDefinition
            || method.ContainingType is not { TypeKind: TypeKind.Class or TypeKind.Struct } || method.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (parameter.RefKind is RefKind.Ref or RefKind.Out || parameter.IsParams)
            {
                return null;
            }
        }

        IMethodSymbol definition = method.OriginalDefinition;
        if (!_memberValues.TryGetValue(definition, out ExpressionSyntax? value))
        {
            value = definition.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) switch
            {
                MethodDeclarationSyntax declaration => Returned(declaration.ExpressionBody, declaration.Body),
                LocalFunctionStatementSyntax local => Returned(local.ExpressionBody, local.Body),
                _ => null,
            };
            _memberValues.TryAdd(definition, value);
        }

        return OperationOf(value, current, cancellationToken);
    }

    /// <summary>The argument a helper call passes for <paramref name="parameter"/> (its default when the call omits it), or null.</summary>
    private static IOperation? HelperArgument(IInvocationOperation helper, IParameterSymbol parameter)
    {
        if (!SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol?.OriginalDefinition, helper.TargetMethod.OriginalDefinition))
        {
            return null;
        }

        foreach (IArgumentOperation argument in helper.Arguments)
        {
            if (argument.Parameter?.Ordinal == parameter.Ordinal)
            {
                return argument.Value;
            }
        }

        return null;
    }

    private static ExpressionSyntax? Returned(ArrowExpressionClauseSyntax? expressionBody, BlockSyntax? body)
        => expressionBody?.Expression
            ?? (body is { Statements.Count: 1 } && body.Statements[0] is ReturnStatementSyntax { Expression: { } returned } ? returned : null);

    /// <summary>The initializer of a property (<c>public string Path { get; set; } = "uploads";</c>), or null.</summary>
    private IOperation? PropertyInitializer(IPropertySymbol property, SemanticModel? current, CancellationToken cancellationToken)
        => property.DeclaringSyntaxReferences.Length == 1 && property.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is PropertyDeclarationSyntax { Initializer.Value: { } value }
            ? OperationOf(value, current, cancellationToken)
            : null;

    private static ExpressionSyntax? PropertyExpression(IPropertySymbol property, CancellationToken cancellationToken)
    {
        if (property.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not PropertyDeclarationSyntax declaration)
        {
            return null;
        }

        if (declaration.ExpressionBody is { } body)
        {
            return LazilyInitialized(body.Expression);
        }

        if (declaration.AccessorList is null)
        {
            return null;
        }

        AccessorDeclarationSyntax? getter = null;
        bool isAuto = true;
        bool writableOutside = false;
        foreach (AccessorDeclarationSyntax accessor in declaration.AccessorList.Accessors)
        {
            isAuto &= accessor.Body is null && accessor.ExpressionBody is null;
            switch (accessor.Kind())
            {
                case SyntaxKind.GetAccessorDeclaration:
                    getter = accessor;
                    break;
                case SyntaxKind.SetAccessorDeclaration:
                    writableOutside |= !accessor.Modifiers.Any(SyntaxKind.PrivateKeyword);
                    break;
                default:
                    writableOutside = true; // init: any object initializer may set it
                    break;
            }
        }

        if (getter?.ExpressionBody is { } getterBody)
        {
            return writableOutside || HasSetter(declaration) ? getterBody.Expression : LazilyInitialized(getterBody.Expression);
        }

        if (getter?.Body is { Statements.Count: 1 } block && block.Statements[0] is ReturnStatementSyntax { Expression: { } returned })
        {
            return writableOutside || HasSetter(declaration) ? returned : LazilyInitialized(returned);
        }

        return getter is not null && isAuto && !writableOutside
            ? SingleWrite(property.ContainingType, property.Name, property.IsStatic, declaration.Initializer?.Value, cancellationToken)
            : null;
    }

    /// <summary>
    /// <c>field ??= expr</c> (C# 14's backing field, in a property with no setter) is <c>expr</c>: the only value the field
    /// ever gets. Anything else is itself. A field that is really named <c>field</c> (older language versions) is not this.
    /// </summary>
    private static ExpressionSyntax LazilyInitialized(ExpressionSyntax expression)
        => expression is AssignmentExpressionSyntax assignment && assignment.IsKind(SyntaxKind.CoalesceAssignmentExpression)
            && assignment.Left is not IdentifierNameSyntax && assignment.Left.ToString() == "field"
            ? assignment.Right
            : expression;

    private static bool HasSetter(PropertyDeclarationSyntax declaration)
        => declaration.AccessorList?.Accessors.Any(static a => !a.IsKind(SyntaxKind.GetAccessorDeclaration)) == true;

    /// <summary>
    /// The one expression assigned to the member <paramref name="name"/> of <paramref name="type"/>: its initializer, or a
    /// single <c>name = value</c> in a constructor (not inside a lambda or local function). Any other write (a second
    /// assignment, a compound one, <c>ref</c>/<c>out</c>, an increment) makes it unknown. Name-based, so it errs to unknown.
    /// </summary>
    private static ExpressionSyntax? SingleWrite(INamedTypeSymbol type, string name, bool isStatic, ExpressionSyntax? initializer, CancellationToken cancellationToken)
    {
        int writes = initializer is null ? 0 : 1;
        ExpressionSyntax? value = initializer;
        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration)
            {
                continue;
            }

            foreach (SyntaxNode node in declaration.DescendantNodes())
            {
                switch (node)
                {
                    case AssignmentExpressionSyntax assignment when IsName(assignment.Left, name):
                        writes++;
                        value = assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && IsInConstructor(assignment, declaration, isStatic) ? assignment.Right : null;
                        break;
                    case PrefixUnaryExpressionSyntax prefix when IsName(prefix.Operand, name):
                    case PostfixUnaryExpressionSyntax postfix when IsName(postfix.Operand, name):
                    case ArgumentSyntax { RefKindKeyword.RawKind: not 0 } argument when IsName(argument.Expression, name):
                        writes++;
                        value = null;
                        break;
                }

                if (writes > 1)
                {
                    return null;
                }
            }
        }

        return writes == 1 ? value : null;
    }

    /// <summary>True when <paramref name="node"/> runs once in a constructor of <paramref name="type"/> (static or instance as asked).</summary>
    private static bool IsInConstructor(SyntaxNode node, TypeDeclarationSyntax type, bool isStatic)
    {
        for (SyntaxNode? current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax:
                case LocalFunctionStatementSyntax:
                    return false;
                case ConstructorDeclarationSyntax constructor:
                    return constructor.Parent == type && constructor.Modifiers.Any(SyntaxKind.StaticKeyword) == isStatic;
                case MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    /// <summary>The operation of an expression, through the analyzer driver's model of the same tree when it has one.</summary>
    private IOperation? OperationOf(ExpressionSyntax? expression, SemanticModel? current, CancellationToken cancellationToken)
    {
        if (expression is null)
        {
            return null;
        }

        // The usual case, a member of the class being analysed, reuses the driver's model (which has bound it already);
        // only a member in another file needs a model of its own.
        SemanticModel model = current is not null && current.SyntaxTree == expression.SyntaxTree ? current : _models.GetOrAdd(expression.SyntaxTree, _getModel);
        return model.GetOperation(Unwrap(expression), cancellationToken);
    }

    /// <summary><c>x!</c> and <c>(x)</c> have no operation of their own: their operand is the value.</summary>
    private static ExpressionSyntax Unwrap(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case PostfixUnaryExpressionSyntax suppressed when suppressed.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                    expression = suppressed.Operand;
                    break;
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    break;
                default:
                    return expression;
            }
        }
    }

    /// <summary>The semantic model of <paramref name="tree"/>, cached per compilation (for the rare whole-compilation scans).</summary>
    public SemanticModel ModelOf(SyntaxTree tree) => _models.GetOrAdd(tree, _getModel);

#pragma warning disable RS1030 // A member in another file needs that file's model; cached per compilation and tree.
    private SemanticModel GetModel(SyntaxTree tree) => _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030

    private static bool IsWrittenElsewhere(SyntaxNode scope, string name)
    {
        foreach (SyntaxNode node in scope.DescendantNodes())
        {
            switch (node)
            {
                case AssignmentExpressionSyntax assignment when IsName(assignment.Left, name):
                case PrefixUnaryExpressionSyntax prefix when IsName(prefix.Operand, name):
                case PostfixUnaryExpressionSyntax postfix when IsName(postfix.Operand, name):
                case ArgumentSyntax { RefKindKeyword.RawKind: not 0 } argument when IsName(argument.Expression, name):
                    return true;
            }
        }

        return false;
    }

    private static bool IsName(ExpressionSyntax expression, string name) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText == name,
        _ => false,
    };
}
