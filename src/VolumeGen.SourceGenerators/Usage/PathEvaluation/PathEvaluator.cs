using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using VolumeGen.SourceGenerators.Declarations;
using VolumeGen.SourceGenerators.Usage.Configuration;

namespace VolumeGen.SourceGenerators.Usage.PathEvaluation;

/// <summary>
/// Evaluates the string an operation produces, as a container path (<see cref="PathValue"/>), or null when it
/// cannot be known. Knows literals and constants, readonly fields and get-only properties assigned once (an
/// initializer or one constructor assignment), expression-bodied getters, single-assignment locals, <c>+</c>,
/// interpolation, <c>??</c>, <c>Path.Combine/Join/GetFullPath/GetTempPath/GetTempFileName</c>, the working-directory
/// APIs (<c>AppContext.BaseDirectory</c>, <c>AppDomain.CurrentDomain.BaseDirectory</c>,
/// <c>Directory.GetCurrentDirectory()</c>, <c>Environment.CurrentDirectory</c>, <c>IHostEnvironment.ContentRootPath</c>),
/// <c>IWebHostEnvironment.WebRootPath</c>, <c>Environment.GetFolderPath</c>, <c>Environment.GetEnvironmentVariable</c>,
/// configuration reads and options values (PathEvaluator.Configuration.cs), <c>FileInfo</c>/<c>DirectoryInfo</c>
/// built from a known path, and a storage class's generated <c>Resolve(path)</c> (the container path). One instance per compilation; thread-safe.
/// </summary>
internal sealed partial class PathEvaluator
{
    private const int MaxDepth = 12;

    private static readonly ImmutableHashSet<string> HostEnvironmentTypes = ImmutableHashSet.Create(
        "Microsoft.Extensions.Hosting.IHostEnvironment",
        "Microsoft.Extensions.Hosting.IHostingEnvironment",
        "Microsoft.AspNetCore.Hosting.IWebHostEnvironment",
        "Microsoft.AspNetCore.Hosting.IHostingEnvironment");

    private static readonly ImmutableHashSet<string> WebHostEnvironmentTypes = ImmutableHashSet.Create(
        "Microsoft.AspNetCore.Hosting.IWebHostEnvironment",
        "Microsoft.AspNetCore.Hosting.IHostingEnvironment");

    private readonly Compilation _compilation;
    private readonly INamedTypeSymbol? _path;
    private readonly INamedTypeSymbol? _directory;
    private readonly INamedTypeSymbol? _environment;
    private readonly INamedTypeSymbol? _appContext;
    private readonly INamedTypeSymbol? _appDomain;
    private readonly INamedTypeSymbol? _fileInfo;
    private readonly INamedTypeSymbol? _directoryInfo;
    private readonly INamedTypeSymbol? _hostFolders;
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly Func<SyntaxTree, SemanticModel> _getModel;

    public PathEvaluator(Compilation compilation, Func<AppConfiguration>? configuration = null)
    {
        _compilation = compilation;
        _getModel = GetModel;
        _path = compilation.GetTypeByMetadataName("System.IO.Path");
        _directory = compilation.GetTypeByMetadataName("System.IO.Directory");
        _environment = compilation.GetTypeByMetadataName("System.Environment");
        _appContext = compilation.GetTypeByMetadataName("System.AppContext");
        _appDomain = compilation.GetTypeByMetadataName("System.AppDomain");
        _fileInfo = compilation.GetTypeByMetadataName("System.IO.FileInfo");
        _directoryInfo = compilation.GetTypeByMetadataName("System.IO.DirectoryInfo");
        _hostFolders = compilation.GetTypeByMetadataName("VolumeGen.HostFolders");
        InitializeConfiguration(compilation, configuration);
    }

    /// <summary>
    /// The path <paramref name="operation"/> evaluates to, or null when unknown. It may hold holes (parts known only at
    /// run time, <see cref="PathValue.Unknown"/>) after a known start; a value that starts with one is unknown.
    /// </summary>
    public string? Evaluate(IOperation? operation, CancellationToken cancellationToken)
        => KnownStart(Evaluate(operation, null, null, 0, cancellationToken));

    /// <summary>The path <paramref name="operation"/> evaluates to, recording the configuration values it reads in <paramref name="trace"/>.</summary>
    public string? Evaluate(IOperation? operation, EvaluationTrace? trace, CancellationToken cancellationToken)
        => KnownStart(Evaluate(operation, trace, null, 0, cancellationToken));

    /// <summary>The path of a <c>FileInfo</c>/<c>DirectoryInfo</c> instance, or null when unknown.</summary>
    public string? EvaluateFileSystemInfo(IOperation? operation, CancellationToken cancellationToken)
        => KnownStart(EvaluateInfo(operation, null, null, 0, cancellationToken));

    /// <summary>The path of a <c>FileInfo</c>/<c>DirectoryInfo</c> instance, recording configuration reads in <paramref name="trace"/>.</summary>
    public string? EvaluateFileSystemInfo(IOperation? operation, EvaluationTrace? trace, CancellationToken cancellationToken)
        => KnownStart(EvaluateInfo(operation, trace, null, 0, cancellationToken));

    /// <summary>
    /// The path of <paramref name="operation"/> as a later part of a path (<c>Path.Combine(folder, part)</c>): a value
    /// known only at run time is a hole named after its C# instead of null.
    /// </summary>
    public string Part(IOperation operation, EvaluationTrace? trace, CancellationToken cancellationToken)
        => Part(operation, trace, null, 0, cancellationToken);

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

    private string? Evaluate(IOperation? operation, EvaluationTrace? trace, IInvocationOperation? helper, int depth, CancellationToken cancellationToken)
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
                return Evaluate(conversion.Operand, trace, helper, depth + 1, cancellationToken);
            case IArgumentOperation argument:
                return Evaluate(argument.Value, trace, helper, depth + 1, cancellationToken);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                return Concatenate(Part(binary.LeftOperand, trace, helper, depth + 1, cancellationToken), Part(binary.RightOperand, trace, helper, depth + 1, cancellationToken));
            case IInterpolatedStringOperation interpolated:
                return EvaluateInterpolation(interpolated, trace, helper, depth, cancellationToken);
            case ICoalesceOperation coalesce:
                return EvaluateCoalesce(coalesce, trace, helper, depth, cancellationToken);
            case ILocalReferenceOperation local:
                return Evaluate(SingleAssignment(local.Local, operation.SemanticModel, cancellationToken), trace, helper, depth + 1, cancellationToken);
            case IFieldReferenceOperation field:
                return Evaluate(FieldValue(field.Field, operation.SemanticModel, cancellationToken), trace, helper, depth + 1, cancellationToken);
            case IPropertyReferenceOperation property:
                return EvaluateProperty(property, trace, helper, depth, cancellationToken);
            case IInvocationOperation invocation:
                return EvaluateInvocation(invocation, trace, helper, depth, cancellationToken);
            case IParameterReferenceOperation parameter when helper is not null && HelperArgument(helper, parameter.Parameter) is IOperation argument:
                // A helper's parameter is the caller's argument, evaluated where the call is (one level: no helper inside).
                return Evaluate(argument, trace, null, depth + 1, cancellationToken);
            default:
                return null;
        }
    }

    /// <summary>A later part of a path: its value, or a hole named after its C# when it is known only at run time.</summary>
    private string Part(IOperation operation, EvaluationTrace? trace, IInvocationOperation? helper, int depth, CancellationToken cancellationToken)
        => Evaluate(operation, trace, helper, depth, cancellationToken) ?? PathValue.Unknown(Describe(operation, helper));

    /// <summary>A value whose start is a hole is unknown as a whole (it may be rooted anywhere).</summary>
    private static string? KnownStart(string? path) => path is null || PathValue.StartsUnknown(path) ? null : path;

    /// <summary>How a message names a part known only at run time: its C#, on one line, shortened.</summary>
    private static string Describe(IOperation operation, IInvocationOperation? helper)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        if (operation is IArgumentOperation argument)
        {
            operation = argument.Value;
        }

        if (helper is not null && operation is IParameterReferenceOperation parameter && HelperArgument(helper, parameter.Parameter) is IOperation value)
        {
            operation = value;
        }

        const int MaxLength = 40;
        var text = new System.Text.StringBuilder();
        bool space = false;
        foreach (char c in operation.Syntax.ToString())
        {
            if (char.IsWhiteSpace(c))
            {
                space = text.Length > 0;
                continue;
            }

            if (space)
            {
                text.Append(' ');
                space = false;
            }

            text.Append(c);
            if (text.Length > MaxLength)
            {
                return text.ToString(0, MaxLength) + "…";
            }
        }

        return text.ToString();
    }

    private string? EvaluateInterpolation(IInterpolatedStringOperation interpolated, EvaluationTrace? trace, IInvocationOperation? helper, int depth, CancellationToken cancellationToken)
    {
        string result = string.Empty;
        foreach (IInterpolatedStringContentOperation part in interpolated.Parts)
        {
            // A hole with a format ({n:D4}) is a part known only at run time unless it is a known string (a string ignores
            // the format); alignment pads with spaces, which no path is built from: the whole value is unknown.
            string? value = part switch
            {
                IInterpolatedStringTextOperation text => text.Text.ConstantValue.Value as string,
                IInterpolationOperation { Alignment: null, FormatString: null } hole => Part(hole.Expression, trace, helper, depth + 1, cancellationToken),
                IInterpolationOperation { Alignment: null } formatted when formatted.Expression.Type?.SpecialType != SpecialType.System_String
                    => PathValue.Unknown(Describe(formatted.Expression, helper) + ":" + (formatted.FormatString?.ConstantValue.Value as string ?? "…")),
                IInterpolationOperation { Alignment: null } formatted => Part(formatted.Expression, trace, helper, depth + 1, cancellationToken),
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

    /// <summary>
    /// <c>a ?? b</c>: a configuration read that no source sets falls back to <c>b</c> (the code's default); any other
    /// left side counts only when known (an unset environment variable may be set by the run command).
    /// </summary>
    private string? EvaluateCoalesce(ICoalesceOperation coalesce, EvaluationTrace? trace, IInvocationOperation? helper, int depth, CancellationToken cancellationToken)
    {
        IOperation left = coalesce.Value;
        while (left is IConversionOperation conversion)
        {
            left = conversion.Operand;
        }

        if (LookupConfiguration(left, depth + 1, cancellationToken, out _) is ConfigurationLookup lookup)
        {
            return lookup.Status switch
            {
                ConfigurationLookupStatus.Found => Read(lookup.Entry!, trace),
                ConfigurationLookupStatus.Absent => Evaluate(coalesce.WhenNull, trace, helper, depth + 1, cancellationToken),
                _ => null,
            };
        }

        return Evaluate(left, trace, helper, depth + 1, cancellationToken);
    }

    private string? EvaluateProperty(IPropertyReferenceOperation reference, EvaluationTrace? trace, IInvocationOperation? helper, int depth, CancellationToken cancellationToken)
    {
        IPropertySymbol property = reference.Property;
        switch (property.Name)
        {
            case "BaseDirectory" when Is(property.ContainingType, _appContext) || Is(property.ContainingType, _appDomain):
                return PathValue.WorkingDirectoryRoot + "/";
            case "CurrentDirectory" when Is(property.ContainingType, _environment):
                return PathValue.WorkingDirectoryRoot;
            case "ContentRootPath" when IsHostEnvironment(property.ContainingType, HostEnvironmentTypes):
                return PathValue.WorkingDirectoryRoot;
            case "WebRootPath" when IsHostEnvironment(property.ContainingType, WebHostEnvironmentTypes):
                return EvaluateWebRoot(trace);
            case "FullName" when IsFileSystemInfo(property.ContainingType) || IsFileSystemInfo(reference.Instance?.Type):
                return EvaluateInfo(reference.Instance, trace, helper, depth + 1, cancellationToken);
        }

        if (LookupConfiguration(reference, depth + 1, cancellationToken, out IOperation? fallback) is ConfigurationLookup lookup)
        {
            return ReadLookup(lookup, fallback, trace, helper, depth, cancellationToken);
        }

        return Evaluate(PropertyValue(property, reference.SemanticModel, cancellationToken), trace, helper, depth + 1, cancellationToken);
    }

    private string? EvaluateInvocation(IInvocationOperation invocation, EvaluationTrace? trace, IInvocationOperation? helper, int depth, CancellationToken cancellationToken)
    {
        IMethodSymbol method = invocation.TargetMethod;
        INamedTypeSymbol? type = method.ContainingType;
        if (Is(type, _path))
        {
            switch (method.Name)
            {
                case "Combine":
                    return Fold(invocation, trace, helper, depth, join: false, cancellationToken);
                case "Join":
                    return method.Parameters.Length > 0 && method.Parameters[0].Type.SpecialType == SpecialType.System_String
                        || method.Parameters.Length > 0 && method.Parameters[0].Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String }
                        ? Fold(invocation, trace, helper, depth, join: true, cancellationToken)
                        : null;
                case "GetTempPath":
                    return PathValue.TempRoot;
                case "GetTempFileName":
                    return PathValue.TempRoot + "tmp.tmp";
                case "GetFullPath" when invocation.Arguments.Length == 1:
                    return Evaluate(invocation.Arguments[0].Value, trace, helper, depth + 1, cancellationToken);
                case "GetFullPath" when invocation.Arguments.Length == 2:
                    string? path = Evaluate(invocation.Arguments[0].Value, trace, helper, depth + 1, cancellationToken);
                    string? basePath = Evaluate(invocation.Arguments[1].Value, trace, helper, depth + 1, cancellationToken);
                    return path is null || basePath is null ? null : PathValue.Combine(basePath, path);
                case "GetFileName" when invocation.Arguments.Length == 1 && invocation.Arguments[0].Parameter?.Type.SpecialType == SpecialType.System_String:
                    return FileName(Evaluate(invocation.Arguments[0].Value, trace, helper, depth + 1, cancellationToken));
                case "ChangeExtension" when invocation.Arguments.Length == 2:
                    return ChangeExtension(invocation, trace, helper, depth, cancellationToken);
                default:
                    return null;
            }
        }

        if (method.Name == "Replace" && type?.SpecialType == SpecialType.System_String && invocation.Instance is not null)
        {
            return Replace(invocation, trace, helper, depth, cancellationToken);
        }

        if (method.Name == "GetCurrentDirectory" && Is(type, _directory))
        {
            return PathValue.WorkingDirectoryRoot;
        }

        if (Is(type, _environment))
        {
            switch (method.Name)
            {
                case "GetFolderPath" when invocation.Arguments.Length > 0:
                    return SpecialFolder(ConstantInteger(invocation.Arguments[0].Value));
                case "GetEnvironmentVariable" when invocation.Arguments.Length == 1:
                    // Only a variable the container's environment sets is known; an unset one may come from the run command.
                    return invocation.Arguments[0].Value.ConstantValue.Value is string name && Configuration.FindVariable(name) is ConfigurationEntry variable
                        ? Read(variable, trace)
                        : null;
            }
        }

        if (LookupConfiguration(invocation, depth + 1, cancellationToken, out IOperation? fallback) is ConfigurationLookup lookup)
        {
            return ReadLookup(lookup, fallback, trace, helper, depth, cancellationToken);
        }

        // AppStorage.Resolve(path) (generated) and HostFolders.Resolve(mounts, path) return the path itself in the container.
        if (method.Name == "Resolve" && (Is(type, _hostFolders) || StorageClassReader.IsGeneratedByVolumeGen(method)))
        {
            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == "containerPath")
                {
                    return Evaluate(argument.Value, trace, helper, depth + 1, cancellationToken);
                }
            }
        }

        // A small helper of the app's own (string Target(string name) => Path.Combine(Root, name)) is read at the call,
        // one level deep: inside it, another helper (or itself) is unknown.
        if (helper is null && HelperBody(method, invocation.SemanticModel, cancellationToken) is IOperation body)
        {
            return Evaluate(body, trace, invocation, depth + 1, cancellationToken);
        }

        return null;
    }

    /// <summary><c>Path.GetFileName</c>: the text after the last separator, when no hole follows it.</summary>
    private static string? FileName(string? path)
    {
        if (path is null)
        {
            return null;
        }

        int slash = PathValue.LastSeparator(path, out bool nameIsKnown);
        string name = path.Substring(slash + 1);
        return nameIsKnown && IsPlainText(name) ? name : null;
    }

    /// <summary>
    /// <c>Path.ChangeExtension(path, extension)</c> on Linux: the extension of the last segment replaced (removed for
    /// null). When the name or the extension is known only at run time, the folder stays known and the name is a hole.
    /// </summary>
    private string? ChangeExtension(IInvocationOperation invocation, EvaluationTrace? trace, IInvocationOperation? helper, int depth, CancellationToken cancellationToken)
    {
        string? path = Evaluate(invocation.Arguments[0].Value, trace, helper, depth + 1, cancellationToken);
        if (path is null)
        {
            return null;
        }

        IOperation extensionArgument = invocation.Arguments[1].Value;
        bool isNull = extensionArgument.ConstantValue is { HasValue: true, Value: null };
        string? extension = isNull ? null : Evaluate(extensionArgument, trace, helper, depth + 1, cancellationToken);
        int slash = PathValue.LastSeparator(path, out bool nameIsKnown);
        if (!nameIsKnown || (!isNull && (extension is null || PathValue.HasUnknown(extension))))
        {
            return path.Substring(0, slash + 1) + PathValue.Unknown(Describe(invocation, helper));
        }

        int dot = path.LastIndexOf('.');
        string stem = dot > slash ? path.Substring(0, dot) : path;
        return extension is null ? stem : extension.Length > 0 && extension[0] == '.' ? stem + extension : stem + "." + extension;
    }

    /// <summary>
    /// <c>string.Replace</c> on a path: computed when every part is known; when the new text is known only at run time,
    /// the text before the first replaced place survives. On a path with a hole only the text before the hole that no
    /// match can reach survives. Comparisons other than ordinal are unknown.
    /// </summary>
    private string? Replace(IInvocationOperation invocation, EvaluationTrace? trace, IInvocationOperation? helper, int depth, CancellationToken cancellationToken)
    {
        if (invocation.Arguments.Length != 2)
        {
            return null;
        }

        string? text = Evaluate(invocation.Instance, trace, helper, depth + 1, cancellationToken);
        if (text is null)
        {
            return null;
        }

        IOperation oldArgument = invocation.Arguments[0].Value;
        IOperation newArgument = invocation.Arguments[1].Value;
        if (invocation.Arguments[0].Parameter?.Type.SpecialType == SpecialType.System_Char)
        {
            // Replace('\\', '/'): only the known text changes; a hole's own text is escaped and stays as it is.
            if (oldArgument.ConstantValue.Value is not char oldChar || newArgument.ConstantValue.Value is not char newChar
                || !IsPlainText(oldChar.ToString()) || !IsPlainText(newChar.ToString()))
            {
                return null;
            }

            return text.Replace(oldChar, newChar);
        }

        if (oldArgument.ConstantValue.Value is not string { Length: > 0 } oldText || !IsPlainText(oldText))
        {
            return null;
        }

        string replacement = Part(newArgument, trace, helper, depth + 1, cancellationToken);
        int hole = text.IndexOf(PathValue.UnknownStart);
        if (hole < 0)
        {
            return text.Replace(oldText, replacement);
        }

        // A match that starts in the known text and runs into the hole may or may not be there: only the text before the
        // first place where one could start is certain.
        int reach = hole;
        for (int start = Math.Max(0, hole - oldText.Length + 1); start < hole; start++)
        {
            if (string.CompareOrdinal(text, start, oldText, 0, hole - start) == 0)
            {
                reach = start;
                break;
            }
        }

        int found = text.IndexOf(oldText, 0, hole, StringComparison.Ordinal);
        return found >= 0 && found < reach
            ? text.Substring(0, found) + replacement + PathValue.Unknown(Describe(invocation, helper))
            : text.Substring(0, reach) + PathValue.Unknown(Describe(invocation, helper));
    }

    private string? ReadLookup(ConfigurationLookup lookup, IOperation? fallback, EvaluationTrace? trace, IInvocationOperation? helper, int depth, CancellationToken cancellationToken)
        => lookup.Status switch
        {
            ConfigurationLookupStatus.Found => Read(lookup.Entry!, trace),
            ConfigurationLookupStatus.Absent when fallback is not null => Evaluate(fallback, trace, helper, depth + 1, cancellationToken),
            _ => null,
        };

    /// <summary>A configuration value as a path: recorded in the trace; a value holding a path marker is unknown.</summary>
    private static string? Read(ConfigurationEntry entry, EvaluationTrace? trace)
    {
        string value = trace is null ? entry.Value : trace.Read(entry);
        return IsPlainText(value) ? value : null;
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

    private string? Fold(IInvocationOperation invocation, EvaluationTrace? trace, IInvocationOperation? helper, int depth, bool join, CancellationToken cancellationToken)
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
            string? value = Evaluate(part, trace, helper, depth + 1, cancellationToken);
            if (value is null)
            {
                value = PathValue.Unknown(Describe(part, helper));
                if (!join && MayBeRooted(part, helper, depth + 1, cancellationToken))
                {
                    // Path.Combine restarts at a rooted part, and a configured folder is often absolute: what came before is lost.
                    result = value;
                    continue;
                }
            }

            result = result is null ? value : join ? PathValue.Join(result, value) : PathValue.Combine(result, value);
        }

        return result;
    }

    /// <summary>
    /// True for an unknown value that may well be an absolute path: a configuration or options read, an environment
    /// variable (also behind <c>??</c>, or passed to a helper). A file name from user input is taken to be relative.
    /// </summary>
    private bool MayBeRooted(IOperation? operation, IInvocationOperation? helper, int depth, CancellationToken cancellationToken)
    {
        while (operation is not null && depth <= MaxDepth)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IArgumentOperation argument:
                    operation = argument.Value;
                    break;
                case ICoalesceOperation coalesce:
                    operation = coalesce.Value;
                    break;
                case IParameterReferenceOperation parameter when helper is not null && HelperArgument(helper, parameter.Parameter) is IOperation value:
                    operation = value;
                    helper = null;
                    break;
                case IInvocationOperation { TargetMethod.Name: "GetEnvironmentVariable" } invocation when Is(invocation.TargetMethod.ContainingType, _environment):
                    return true;
                default:
                    return LookupConfiguration(operation, depth, cancellationToken, out _) is not null;
            }

            depth++;
        }

        return false;
    }

    private string? EvaluateInfo(IOperation? operation, EvaluationTrace? trace, IInvocationOperation? helper, int depth, CancellationToken cancellationToken)
    {
        if (operation is null || depth > MaxDepth)
        {
            return null;
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                return EvaluateInfo(conversion.Operand, trace, helper, depth + 1, cancellationToken);
            case IObjectCreationOperation creation when IsFileSystemInfo(creation.Type) && creation.Arguments.Length >= 1
                && creation.Arguments[0].Parameter?.Type.SpecialType == SpecialType.System_String:
                return Evaluate(creation.Arguments[0].Value, trace, helper, depth + 1, cancellationToken);
            case ILocalReferenceOperation local:
                return EvaluateInfo(SingleAssignment(local.Local, operation.SemanticModel, cancellationToken), trace, helper, depth + 1, cancellationToken);
            case IFieldReferenceOperation field:
                return EvaluateInfo(FieldValue(field.Field, operation.SemanticModel, cancellationToken), trace, helper, depth + 1, cancellationToken);
            case IPropertyReferenceOperation property:
                return EvaluateInfo(PropertyValue(property.Property, operation.SemanticModel, cancellationToken), trace, helper, depth + 1, cancellationToken);
            case IInvocationOperation { TargetMethod.Name: "CreateDirectory" } invocation when Is(invocation.TargetMethod.ContainingType, _directory) && invocation.Arguments.Length >= 1:
                return Evaluate(invocation.Arguments[0].Value, trace, helper, depth + 1, cancellationToken);
            case IInvocationOperation { TargetMethod.Name: "CreateSubdirectory" } sub when Is(sub.TargetMethod.ContainingType, _directoryInfo) && sub.Arguments.Length >= 1:
                string? parent = EvaluateInfo(sub.Instance, trace, helper, depth + 1, cancellationToken);
                return parent is null ? null : PathValue.Combine(parent, Part(sub.Arguments[0].Value, trace, helper, depth + 1, cancellationToken));
            default:
                return null;
        }
    }

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
            if (c is PathValue.WorkingDirectory or PathValue.Temp or PathValue.Home or PathValue.UnknownStart or PathValue.UnknownEnd)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected)
        => expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);

    private bool IsFileSystemInfo(ITypeSymbol? type) => Is(type, _fileInfo) || Is(type, _directoryInfo);

    private static bool IsHostEnvironment(INamedTypeSymbol? type, ImmutableHashSet<string> names)
    {
        if (type is null)
        {
            return false;
        }

        if (names.Contains(type.ToDisplayString()))
        {
            return true;
        }

        foreach (INamedTypeSymbol implemented in type.AllInterfaces)
        {
            if (names.Contains(implemented.ToDisplayString()))
            {
                return true;
            }
        }

        return false;
    }
}
