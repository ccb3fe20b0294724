using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace VolumeGen.Benchmarks.Reporting;

/// <summary>The markdown a run writes: sections of text and tables, echoed to the console as they come.</summary>
public sealed class MarkdownReport
{
    private readonly StringBuilder _text = new();

    /// <summary>A heading.</summary>
    public void Heading(int level, string text) => Add($"{new string('#', level)} {text}\n");

    /// <summary>A paragraph.</summary>
    public void Paragraph(string text) => Add(text + "\n");

    /// <summary>A table; cells are written as they are (escape pipes yourself).</summary>
    public void Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var table = new StringBuilder();
        table.Append("| ").AppendJoin(" | ", header).Append(" |\n");
        table.Append('|').AppendJoin('|', header.Select(static _ => "---")).Append("|\n");
        foreach (IReadOnlyList<string> row in rows)
        {
            table.Append("| ").AppendJoin(" | ", row).Append(" |\n");
        }

        Add(table.ToString());
    }

    /// <summary>Raw markdown (e.g. BenchmarkDotNet's own table).</summary>
    public void Raw(string markdown) => Add(markdown.TrimEnd() + "\n");

    /// <summary>The whole report.</summary>
    public override string ToString() => _text.ToString();

    /// <summary>Writes the report to <paramref name="path"/> (folder created).</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, ToString());
    }

    private void Add(string block)
    {
        _text.Append(block).Append('\n');
        Console.WriteLine(block);
    }
}

/// <summary>What machine the numbers came from.</summary>
public static class MachineInfo
{
    /// <summary>nproc, CPU model, memory, OS, .NET runtime and SDK.</summary>
    public static IReadOnlyList<(string Name, string Value)> Describe()
    {
        var facts = new List<(string, string)>
        {
            ("date (UTC)", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
            ("logical processors (nproc)", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)),
            ("CPU", ReadCpuModel()),
            ("memory", ReadMemory()),
            ("OS", System.Runtime.InteropServices.RuntimeInformation.OSDescription),
            (".NET runtime", System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription),
            ("Roslyn (in-process)", typeof(Microsoft.CodeAnalysis.Compilation).Assembly.GetName().Version?.ToString() ?? "?"),
            ("load average at start", ReadLoad()),
        };
        return facts;
    }

    private static string ReadCpuModel()
    {
        try
        {
            string? line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(static l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? "unknown" : line.Substring(line.IndexOf(':', StringComparison.Ordinal) + 1).Trim();
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    private static string ReadMemory()
    {
        try
        {
            string? line = File.ReadLines("/proc/meminfo").FirstOrDefault(static l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            if (line is null)
            {
                return "unknown";
            }

            long kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            return (kb / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " GiB";
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    /// <summary>The load average now (/proc/loadavg), or n/a.</summary>
    public static string LoadAverage() => ReadLoad();

    private static string ReadLoad()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Trim();
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }
}
