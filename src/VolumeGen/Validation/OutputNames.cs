using System.Text;
using System.Text.RegularExpressions;

namespace VolumeGen;

/// <summary>
/// The rules for the names and values VolumeGen's outputs carry besides the mounts — the compose service, the
/// Kubernetes app name, a claim's storage request and storage class — in one place, so the build task and the
/// <c>volumegen</c> command refuse the same values with the same words. Each <c>Problem</c> method returns null for
/// a valid value, else a sentence naming the setting, the value and a valid example.
/// </summary>
public static class OutputNames
{
    // A Kubernetes resource quantity (k8s.io/apimachinery resource.Quantity): a decimal number, then a binary
    // (Ki…Ei) or decimal (n u m k M G T P E) suffix or an exponent.
    private static readonly Regex Quantity = new("^[+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant);

    // A DNS-1123 subdomain (storage class names): labels of [a-z0-9-] joined by '.', at most 253 characters.
    private static readonly Regex Subdomain = new("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant);

    /// <summary>A compose service name from a project name: lower-case, <c>[a-z0-9_.-]</c>, starting with a letter or digit.</summary>
    public static string ComposeService(string projectName)
    {
        var name = new StringBuilder();
        foreach (char c in projectName.ToLowerInvariant())
        {
            name.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '.' or '-' ? c : '-');
        }

        string result = name.ToString().TrimStart('_', '.', '-');
        return result.Length == 0 ? "app" : result;
    }

    /// <summary>Null when <paramref name="value"/> is a compose service name; else why not, for <paramref name="setting"/>.</summary>
    public static string? ComposeServiceProblem(string value, string setting)
        => ComposeService(value) == value
            ? null
            : $"{setting} is '{value}', which is not a compose service name (lower-case letters, digits, '_', '.', '-', starting with a letter or digit). Use e.g. '{ComposeService(value)}'.";

    /// <summary>Null when <paramref name="value"/> is a Kubernetes name (DNS-1123 label); else why not, for <paramref name="setting"/>.</summary>
    public static string? KubernetesNameProblem(string value, string setting)
        => KubernetesManifests.Dns1123Label(value) == value
            ? null
            : $"{setting} is '{value}', which is not a Kubernetes name (DNS-1123 label: lower-case letters, digits and '-', at most 63 characters). Use e.g. '{KubernetesManifests.Dns1123Label(value)}'.";

    /// <summary>Null when <paramref name="value"/> is a Kubernetes quantity such as <c>1Gi</c>; else why not.</summary>
    public static string? QuantityProblem(string value, string setting)
        => Quantity.IsMatch(value)
            ? null
            : $"{setting} is '{value}', which is not a Kubernetes quantity. Use a number with an optional unit, e.g. '1Gi', '500Mi' or '10G'.";

    /// <summary>Null when <paramref name="value"/> is a storage class name (DNS-1123 subdomain); else why not.</summary>
    public static string? StorageClassProblem(string value, string setting)
        => value.Length <= 253 && Subdomain.IsMatch(value)
            ? null
            : $"{setting} is '{value}', which is not a storage class name (lower-case letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters). Use e.g. 'standard'.";

    /// <summary>Null when <paramref name="value"/> is a group id a pod's <c>fsGroup</c> can take (0 to 2147483647); else why not.</summary>
    public static string? FsGroupProblem(long value, string setting)
        => value is >= 0 and <= int.MaxValue
            ? null
            : $"{setting} is '{value.ToString(System.Globalization.CultureInfo.InvariantCulture)}', which is not a group id. Use the container user's numeric group, e.g. '1654' (the .NET images' app user).";
}
