using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace VolumeGen.SourceGenerators.Usage.Configuration;

/// <summary>
/// The app's configuration as the ASP.NET Core host layers it in the container, lowest first:
/// <c>DOTNET_</c>/<c>ASPNETCORE_</c>-prefixed environment variables (prefix removed), <c>appsettings.json</c>,
/// <c>appsettings.{Environment}.json</c>, then every environment variable (<c>__</c> is <c>:</c>;
/// <c>SQLCONNSTR_</c>-style names are connection strings), then the variables of each prefix the app adds itself
/// (<c>AddEnvironmentVariables("Remotely_")</c>, <see cref="EnvironmentVariablePrefixes"/>), prefix stripped. User
/// secrets (Development only) and the command line are not known. Keys are case-insensitive. Built once per compilation.
/// </summary>
internal sealed class AppConfiguration
{
    /// <summary>The host's environment when nothing sets one.</summary>
    public const string DefaultEnvironmentName = "Production";

    private static readonly string[] ConnectionStringPrefixes = { "MYSQLCONNSTR_", "SQLAZURECONNSTR_", "SQLCONNSTR_", "CUSTOMCONNSTR_" };

    private readonly Dictionary<string, ConfigurationEntry> _values;
    private readonly Dictionary<string, ConfigurationEntry> _overrides;
    private readonly Dictionary<string, ConfigurationEntry> _variables;

    private AppConfiguration(Dictionary<string, ConfigurationEntry> values, Dictionary<string, ConfigurationEntry> overrides, Dictionary<string, ConfigurationEntry> variables, bool isKnown, string environmentName, IReadOnlyList<string> files)
    {
        _values = values;
        _overrides = overrides;
        _variables = variables;
        IsKnown = isKnown;
        EnvironmentName = environmentName;
        Files = files;
    }

    /// <summary>Nothing known: every lookup is unknown.</summary>
    public static AppConfiguration None { get; } = new(new(StringComparer.OrdinalIgnoreCase), new(StringComparer.OrdinalIgnoreCase), new(StringComparer.Ordinal), false, DefaultEnvironmentName, Array.Empty<string>());

    /// <summary>
    /// True when the configuration files were read (at least one, none broken): a key no source sets is then
    /// <see cref="ConfigurationLookupStatus.Absent"/> rather than unknown.
    /// </summary>
    public bool IsKnown { get; }

    /// <summary>The host environment the container runs in (<c>Production</c> unless its environment says otherwise).</summary>
    public string EnvironmentName { get; }

    /// <summary>The configuration files read, in layering order (AdditionalFile paths).</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The value of <paramref name="key"/> (colon form, any case).</summary>
    public ConfigurationLookup Find(string key)
    {
        if (_overrides.TryGetValue(key, out ConfigurationEntry? entry))
        {
            return new ConfigurationLookup(ConfigurationLookupStatus.Found, entry);
        }

        if (!IsKnown)
        {
            return ConfigurationLookup.Unknown;
        }

        return _values.TryGetValue(key, out entry) ? new ConfigurationLookup(ConfigurationLookupStatus.Found, entry) : ConfigurationLookup.Absent;
    }

    /// <summary>The container's environment variable <paramref name="name"/> (case-sensitive, as on Linux), or null when it sets none.</summary>
    public ConfigurationEntry? FindVariable(string name) => _variables.TryGetValue(name, out ConfigurationEntry? entry) ? entry : null;

    /// <summary>Every key with its winning entry (for scans such as the Serilog section); only what is certain.</summary>
    public IEnumerable<ConfigurationEntry> Entries()
    {
        foreach (KeyValuePair<string, ConfigurationEntry> pair in _overrides)
        {
            yield return pair.Value;
        }

        if (!IsKnown)
        {
            yield break;
        }

        foreach (KeyValuePair<string, ConfigurationEntry> pair in _values)
        {
            if (!_overrides.ContainsKey(pair.Key))
            {
                yield return pair.Value;
            }
        }
    }

    /// <summary>The environment name the host derives from the container's variables: ASPNETCORE_ENVIRONMENT, else DOTNET_ENVIRONMENT, else Production.</summary>
    public static string EnvironmentNameOf(IReadOnlyList<EnvironmentVariable> environment)
    {
        string? aspnet = null;
        string? dotnet = null;
        foreach (EnvironmentVariable variable in environment)
        {
            if (string.Equals(variable.Name, "ASPNETCORE_ENVIRONMENT", StringComparison.OrdinalIgnoreCase))
            {
                aspnet = variable.Value;
            }
            else if (string.Equals(variable.Name, "DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase))
            {
                dotnet = variable.Value;
            }
        }

        string? name = !string.IsNullOrWhiteSpace(aspnet) ? aspnet : !string.IsNullOrWhiteSpace(dotnet) ? dotnet : null;
        return name?.Trim() ?? DefaultEnvironmentName;
    }

    /// <summary>True for the name of a configuration file the analyzers read (<c>appsettings.json</c>, <c>appsettings.X.json</c>).</summary>
    public static bool IsConfigurationFile(string fileName)
        => fileName.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Layers the project's <c>appsettings*.json</c> AdditionalFiles and the container's environment, then the variables
    /// of <paramref name="prefixes"/> (the app's <c>AddEnvironmentVariables(prefix)</c> calls, in order).
    /// </summary>
    public static AppConfiguration Build(IEnumerable<AdditionalText> additionalFiles, IReadOnlyList<EnvironmentVariable> environment, CancellationToken cancellationToken, IReadOnlyList<string>? prefixes = null)
    {
        string environmentName = EnvironmentNameOf(environment);
        AdditionalText? main = null;
        AdditionalText? specific = null;
        string specificName = "appsettings." + environmentName + ".json";
        foreach (AdditionalText file in additionalFiles)
        {
            string name = Path.GetFileName(file.Path);
            // Linux file names are case-sensitive: the host opens exactly appsettings.{EnvironmentName}.json.
            if (string.Equals(name, "appsettings.json", StringComparison.Ordinal))
            {
                main = Preferred(main, file);
            }
            else if (string.Equals(name, specificName, StringComparison.Ordinal))
            {
                specific = Preferred(specific, file);
            }
        }

        var values = new Dictionary<string, ConfigurationEntry>(StringComparer.OrdinalIgnoreCase);
        var overrides = new Dictionary<string, ConfigurationEntry>(StringComparer.OrdinalIgnoreCase);
        var variables = new Dictionary<string, ConfigurationEntry>(StringComparer.Ordinal);
        foreach (EnvironmentVariable variable in environment)
        {
            variables[variable.Name] = Entry(variable.Name, variable);
            if (HostKey(variable.Name) is string hostKey)
            {
                values[hostKey] = Entry(hostKey, variable);
            }
        }

        bool known = main is not null || specific is not null;
        var files = new List<string>();
        foreach (AdditionalText? file in new[] { main, specific })
        {
            if (file is null)
            {
                continue;
            }

            SourceText? text = file.GetText(cancellationToken);
            IReadOnlyList<ConfigurationEntry>? entries = text is null ? null : ConfigurationJsonReader.Read(text, file.Path, Path.GetFileName(file.Path));
            if (entries is null)
            {
                known = false;
                continue;
            }

            files.Add(file.Path);
            foreach (ConfigurationEntry entry in entries)
            {
                values[entry.Key] = entry;
            }
        }

        foreach (EnvironmentVariable variable in environment)
        {
            string key = ConfigurationKey(variable.Name);
            if (key.Length > 0)
            {
                overrides[key] = Entry(key, variable);
            }
        }

        // AddEnvironmentVariables(prefix) comes after the host's sources: its keys win. The provider matches the prefix
        // (with "__" read as ":") against the variable's key, without regard to case, and strips it.
        foreach (string prefix in prefixes ?? Array.Empty<string>())
        {
            string keyPrefix = prefix.Replace("__", ":");
            foreach (EnvironmentVariable variable in environment)
            {
                string key = ConfigurationKey(variable.Name);
                if (key.Length > keyPrefix.Length && key.StartsWith(keyPrefix, StringComparison.OrdinalIgnoreCase))
                {
                    string stripped = key.Substring(keyPrefix.Length);
                    overrides[stripped] = Entry(stripped, variable);
                }
            }
        }

        return new AppConfiguration(values, overrides, variables, known, environmentName, files);
    }

    /// <summary>The configuration key of an environment variable: <c>__</c> is <c>:</c>; <c>SQLCONNSTR_x</c> is <c>ConnectionStrings:x</c>.</summary>
    public static string ConfigurationKey(string variableName)
    {
        foreach (string prefix in ConnectionStringPrefixes)
        {
            if (variableName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && variableName.Length > prefix.Length)
            {
                return "ConnectionStrings:" + variableName.Substring(prefix.Length).Replace("__", ":");
            }
        }

        return variableName.Replace("__", ":");
    }

    /// <summary>The host-configuration key of a <c>DOTNET_</c>/<c>ASPNETCORE_</c> variable (<c>ASPNETCORE_WEBROOT</c> is <c>WEBROOT</c>), else null.</summary>
    private static string? HostKey(string variableName)
    {
        foreach (string prefix in new[] { "DOTNET_", "ASPNETCORE_" })
        {
            if (variableName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && variableName.Length > prefix.Length)
            {
                return variableName.Substring(prefix.Length).Replace("__", ":");
            }
        }

        return null;
    }

    private static ConfigurationEntry Entry(string key, EnvironmentVariable variable)
        => new(key, variable.Value, variable.SourceName, variable.FilePath, variable.Span, variable.LineSpan, variable.Name);

    /// <summary>Of two files with one name, the one nearest the project (shortest path), then the first in ordinal order.</summary>
    private static AdditionalText Preferred(AdditionalText? current, AdditionalText candidate)
    {
        if (current is null)
        {
            return candidate;
        }

        int byLength = candidate.Path.Length.CompareTo(current.Path.Length);
        return byLength < 0 || (byLength == 0 && string.CompareOrdinal(candidate.Path, current.Path) < 0) ? candidate : current;
    }
}
