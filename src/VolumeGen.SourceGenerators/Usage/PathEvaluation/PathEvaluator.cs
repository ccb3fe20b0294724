using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using VolumeGen.SourceGenerators.Declarations;

namespace VolumeGen.SourceGenerators.Usage.PathEvaluation;

/// <summary>
/// Evaluates the string an operation produces, as a container path (<see cref="PathValue"/>), or null when it
/// cannot be known. Knows literals and constants, <c>static readonly</c> fields and single-assignment locals with
/// an initializer, <c>+</c>, interpolation, <c>Path.Combine/Join/GetFullPath/GetTempPath/GetTempFileName</c>,
/// <c>AppContext.BaseDirectory</c>, <c>Directory.GetCurrentDirectory()</c>, <c>Environment.CurrentDirectory</c>,
/// <c>IHostEnvironment.ContentRootPath</c>, <c>Environment.GetFolderPath</c>, <c>FileInfo</c>/<c>DirectoryInfo</c>
/// built from a known path, and a storage class's generated <c>Resolve(path)</c> (the container path). One instance per compilation; thread-safe.
/// </summary>
internal sealed class PathEvaluator
{
    private const int MaxDepth = 12;

    private static readonly ImmutableHashSet<string> HostEnvironmentTypes = ImmutableHashSet.Create(
        "Microsoft.Extensions.Hosting.IHostEnvironment",
        "Microsoft.Extensions.Hosting.IHostingEnvironment",
        "Microsoft.AspNetCore.Hosting.IWebHostEnvironment",
        "Microsoft.AspNetCore.Hosting.IHostingEnvironment");

    private readonly Compilation _compilation;
    private readonly INamedTypeSymbol? _path;
    private readonly INamedTypeSymbol? _directory;
    private readonly INamedTypeSymbol? _environment;
    private readonly INamedTypeSymbol? _appContext;
    private readonly INamedTypeSymbol? _fileInfo;
    private readonly INamedTypeSymbol? _directoryInfo;
    private readonly INamedTypeSymbol? _hostFolders;
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();

    public PathEvaluator(Compilation compilation)
    {
        _compilation = compilation;
        _path = compilation.GetTypeByMetadataName("System.IO.Path");
        _directory = compilation.GetTypeByMetadataName("System.IO.Directory");
        _environment = compilation.GetTypeByMetadataName("System.Environment");
        _appContext = compilation.GetTypeByMetadataName("System.AppContext");
        _fileInfo = compilation.GetTypeByMetadataName("System.IO.FileInfo");
        _directoryInfo = compilation.GetTypeByMetadataName("System.IO.DirectoryInfo");
        _hostFolders = compilation.GetTypeByMetadataName("VolumeGen.HostFolders");
    }

    /// <summary>The path <paramref name="operation"/> evaluates to, or null when unknown.</summary>
    public string? Evaluate(IOperation? operation, CancellationToken cancellationToken)
        => Evaluate(operation, 0, cancellationToken);

    /// <summary>The path of a <c>FileInfo</c>/<c>DirectoryInfo</c> instance, or null when unknown.</summary>
    public string? EvaluateFileSystemInfo(IOperation? operation, CancellationToken cancellationToken)
        => EvaluateInfo(operation, 0, cancellationToken);

    /// <summary>The constant integer (enum) value of an operation, or null.</summary>
    public static long? ConstantInteger(IOperation? operation)
    {
        while (operation is IConversionOperation conversion && !conversion.ConstantValue.HasValue)
        {
            operation = conversion.Operand;
        }

        if (operation is null || !operation.ConstantValue.HasValue)
        {
            return null;
        }

        return operation.ConstantValue.Value switch
        {
            int i => i,
            long l => l,
            short s => s,
            byte b => b,
            uint u => u,
            _ => null,
        };
    }

    private string? Evaluate(IOperation? operation, int depth, CancellationToken cancellationToken)
    {
        if (operation is null || depth > MaxDepth)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (operation.ConstantValue.HasValue)
        {
            return operation.ConstantValue.Value is string text && IsPlainText(text) ? text : null;
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                return Evaluate(conversion.Operand, depth + 1, cancellationToken);
            case IArgumentOperation argument:
                return Evaluate(argument.Value, depth + 1, cancellationToken);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                return Concatenate(Evaluate(binary.LeftOperand, depth + 1, cancellationToken), Evaluate(binary.RightOperand, depth + 1, cancellationToken));
            case IInterpolatedStringOperation interpolated:
                return EvaluateInterpolation(interpolated, depth, cancellationToken);
            case ILocalReferenceOperation local:
                return Evaluate(SingleAssignment(local.Local, operation.SemanticModel, cancellationToken), depth + 1, cancellationToken);
            case IFieldReferenceOperation field:
                return Evaluate(StaticReadonlyInitializer(field.Field, operation.SemanticModel, cancellationToken), depth + 1, cancellationToken);
            case IPropertyReferenceOperation property:
                return EvaluateProperty(property, depth, cancellationToken);
            case IInvocationOperation invocation:
                return EvaluateInvocation(invocation, depth, cancellationToken);
            default:
                return null;
        }
    }

    private string? EvaluateInterpolation(IInterpolatedStringOperation interpolated, int depth, CancellationToken cancellationToken)
    {
        string result = string.Empty;
        foreach (IInterpolatedStringContentOperation part in interpolated.Parts)
        {
            string? value = part switch
            {
                IInterpolatedStringTextOperation text => text.Text.ConstantValue.Value as string,
                IInterpolationOperation { Alignment: null, FormatString: null } hole => Evaluate(hole.Expression, depth + 1, cancellationToken),
                _ => null,
            };
            string? next = Concatenate(result, value);
            if (next is null)
            {
                return null;
            }

            result = next;
        }

        return result;
    }

    private string? EvaluateProperty(IPropertyReferenceOperation reference, int depth, CancellationToken cancellationToken)
    {
        IPropertySymbol property = reference.Property;
        switch (property.Name)
        {
            case "BaseDirectory" when Is(property.ContainingType, _appContext):
                return PathValue.WorkingDirectoryRoot + "/";
            case "CurrentDirectory" when Is(property.ContainingType, _environment):
                return PathValue.WorkingDirectoryRoot;
            case "ContentRootPath" when IsHostEnvironment(property.ContainingType):
                return PathValue.WorkingDirectoryRoot;
            case "FullName" when IsFileSystemInfo(property.ContainingType) || IsFileSystemInfo(reference.Instance?.Type):
                return EvaluateInfo(reference.Instance, depth + 1, cancellationToken);
            default:
                return null;
        }
    }

    private string? EvaluateInvocation(IInvocationOperation invocation, int depth, CancellationToken cancellationToken)
    {
        IMethodSymbol method = invocation.TargetMethod;
        INamedTypeSymbol? type = method.ContainingType;
        if (Is(type, _path))
        {
            switch (method.Name)
            {
                case "Combine":
                    return Fold(invocation, depth, join: false, cancellationToken);
                case "Join":
                    return method.Parameters.Length > 0 && method.Parameters[0].Type.SpecialType == SpecialType.System_String
                        || method.Parameters.Length > 0 && method.Parameters[0].Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String }
                        ? Fold(invocation, depth, join: true, cancellationToken)
                        : null;
                case "GetTempPath":
                    return PathValue.TempRoot;
                case "GetTempFileName":
                    return PathValue.TempRoot + "tmp.tmp";
                case "GetFullPath" when invocation.Arguments.Length == 1:
                    return Evaluate(invocation.Arguments[0].Value, depth + 1, cancellationToken);
                case "GetFullPath" when invocation.Arguments.Length == 2:
                    string? path = Evaluate(invocation.Arguments[0].Value, depth + 1, cancellationToken);
                    string? basePath = Evaluate(invocation.Arguments[1].Value, depth + 1, cancellationToken);
                    return path is null || basePath is null ? null : PathValue.Combine(basePath, path);
                default:
                    return null;
            }
        }

        if (method.Name == "GetCurrentDirectory" && Is(type, _directory))
        {
            return PathValue.WorkingDirectoryRoot;
        }

        if (method.Name == "GetFolderPath" && Is(type, _environment) && invocation.Arguments.Length > 0)
        {
            return SpecialFolder(ConstantInteger(invocation.Arguments[0].Value));
        }

        // AppStorage.Resolve(path) (generated) and HostFolders.Resolve(mounts, path) return the path itself in the container.
        if (method.Name == "Resolve" && (Is(type, _hostFolders) || StorageClassReader.IsGeneratedByVolumeGen(method)))
        {
            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == "containerPath")
                {
                    return Evaluate(argument.Value, depth + 1, cancellationToken);
                }
            }
        }

        return null;
    }

    /// <summary>Where .NET on Linux puts <c>Environment.SpecialFolder</c> values (XDG defaults under the home).</summary>
    private static string? SpecialFolder(long? folder) => folder switch
    {
        40 or 5 => PathValue.HomeRoot,                           // UserProfile, Personal/MyDocuments
        26 => PathValue.HomeRoot + "/.config",                   // ApplicationData
        28 => PathValue.HomeRoot + "/.local/share",              // LocalApplicationData
        35 => "/usr/share",                                      // CommonApplicationData
        _ => null,
    };

    private string? Fold(IInvocationOperation invocation, int depth, bool join, CancellationToken cancellationToken)
    {
        var parts = new List<IOperation>();
        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.ParamArray)
            {
                if (argument.Value is not IArrayCreationOperation { Initializer: { } initializer })
                {
                    return null;
                }

                parts.AddRange(initializer.ElementValues);
            }
            else if (argument.Value is IArrayCreationOperation { Initializer: { } explicitArray })
            {
                parts.AddRange(explicitArray.ElementValues);
            }
            else if (argument.Parameter?.Type.SpecialType == SpecialType.System_String)
            {
                parts.Add(argument.Value);
            }
            else
            {
                return null;
            }
        }

        string? result = null;
        foreach (IOperation part in parts)
        {
            string? value = Evaluate(part, depth + 1, cancellationToken);
            if (value is null)
            {
                return null;
            }

            result = result is null ? value : join ? PathValue.Join(result, value) : PathValue.Combine(result, value);
        }

        return result;
    }

    private string? EvaluateInfo(IOperation? operation, int depth, CancellationToken cancellationToken)
    {
        if (operation is null || depth > MaxDepth)
        {
            return null;
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                return EvaluateInfo(conversion.Operand, depth + 1, cancellationToken);
            case IObjectCreationOperation creation when IsFileSystemInfo(creation.Type) && creation.Arguments.Length >= 1
                && creation.Arguments[0].Parameter?.Type.SpecialType == SpecialType.System_String:
                return Evaluate(creation.Arguments[0].Value, depth + 1, cancellationToken);
            case ILocalReferenceOperation local:
                return EvaluateInfo(SingleAssignment(local.Local, operation.SemanticModel, cancellationToken), depth + 1, cancellationToken);
            case IFieldReferenceOperation field:
                return EvaluateInfo(StaticReadonlyInitializer(field.Field, operation.SemanticModel, cancellationToken), depth + 1, cancellationToken);
            case IInvocationOperation { TargetMethod.Name: "CreateDirectory" } invocation when Is(invocation.TargetMethod.ContainingType, _directory) && invocation.Arguments.Length >= 1:
                return Evaluate(invocation.Arguments[0].Value, depth + 1, cancellationToken);
            case IInvocationOperation { TargetMethod.Name: "CreateSubdirectory" } sub when Is(sub.TargetMethod.ContainingType, _directoryInfo) && sub.Arguments.Length >= 1:
                string? parent = EvaluateInfo(sub.Instance, depth + 1, cancellationToken);
                string? child = Evaluate(sub.Arguments[0].Value, depth + 1, cancellationToken);
                return parent is null || child is null ? null : PathValue.Combine(parent, child);
            default:
                return null;
        }
    }

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

        return model.GetOperation(value, cancellationToken);
    }

    private IOperation? StaticReadonlyInitializer(IFieldSymbol field, SemanticModel? current, CancellationToken cancellationToken)
    {
        if (!field.IsStatic || !field.IsReadOnly || field.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        if (field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } value })
        {
            return null;
        }

        // A static constructor may assign the field again.
        foreach (SyntaxReference reference in field.ContainingType.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax type)
            {
                foreach (MemberDeclarationSyntax member in type.Members)
                {
                    if (member is ConstructorDeclarationSyntax constructor && constructor.Modifiers.Any(SyntaxKind.StaticKeyword) && IsWrittenElsewhere(constructor, field.Name))
                    {
                        return null;
                    }
                }
            }
        }

        // The usual case, a field of the class being analysed, reuses the analyzer driver's model of this tree (which
        // has bound the initializer already); only a field in another file needs a model of its own.
        SemanticModel model = current is not null && current.SyntaxTree == value.SyntaxTree ? current : _models.GetOrAdd(value.SyntaxTree, GetModel);
        return model.GetOperation(value, cancellationToken);
    }

#pragma warning disable RS1030 // A field initializer in another file needs that file's model; cached per compilation and tree.
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
        DeclarationExpressionSyntax => false,
        _ => false,
    };

    private static string? Concatenate(string? left, string? right)
    {
        if (left is null || right is null)
        {
            return null;
        }

        // A symbolic root is only meaningful at the start.
        return left.Length > 0 && right.Length > 0 && PathValue.IsRooted(right) && right[0] != '/' ? null : left + right;
    }

    private static bool IsPlainText(string text)
    {
        foreach (char c in text)
        {
            if (c is PathValue.WorkingDirectory or PathValue.Temp or PathValue.Home)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected)
        => expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);

    private bool IsFileSystemInfo(ITypeSymbol? type) => Is(type, _fileInfo) || Is(type, _directoryInfo);

    private static bool IsHostEnvironment(INamedTypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (HostEnvironmentTypes.Contains(type.ToDisplayString()))
        {
            return true;
        }

        foreach (INamedTypeSymbol implemented in type.AllInterfaces)
        {
            if (HostEnvironmentTypes.Contains(implemented.ToDisplayString()))
            {
                return true;
            }
        }

        return false;
    }
}
