using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace VolumeGen.Benchmarks.Synthetic;

/// <summary>One generated source file: its project-relative path and text.</summary>
public sealed record SourceFile(string Path, string Text);

/// <summary>
/// A deterministic (seeded) C# project that looks like an app using VolumeGen: storage classes with mixed mounts
/// (named and anonymous volumes, read-only and writable bind mounts, tmpfs) and service classes with ordinary code
/// plus file-system calls: constant paths inside and outside the volumes, paths the analyzers cannot know, reads.
/// The same sources compile with and without VolumeGen's generator (they never use generated members), so the
/// three compile configurations measure exactly the same user code.
/// </summary>
public sealed class SyntheticProject
{
    /// <summary>The marker <see cref="WithUnrelatedEdit"/> changes: a statement in a method body of a service file.</summary>
    private const string UnrelatedEditMarker = "int total = 0;";

    private SyntheticProject(ProjectSize size, int seed, IReadOnlyList<SourceFile> files, CallCounts counts)
    {
        Size = size;
        Seed = seed;
        Files = files;
        Counts = counts;
    }

    /// <summary>The size this project was generated at.</summary>
    public ProjectSize Size { get; }

    /// <summary>The seed; the same seed gives the same text.</summary>
    public int Seed { get; }

    /// <summary>The source files, storage classes first.</summary>
    public IReadOnlyList<SourceFile> Files { get; }

    /// <summary>How many calls of each kind the service files hold.</summary>
    public CallCounts Counts { get; }

    /// <summary>Index in <see cref="Files"/> of the file <see cref="WithUnrelatedEdit"/> edits: the first service file with the marker statement.</summary>
    public int UnrelatedEditFileIndex
    {
        get
        {
            for (int i = Size.StorageClasses; i < Files.Count; i++)
            {
                if (Files[i].Text.Contains(UnrelatedEditMarker, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            throw new InvalidOperationException("No synthetic service file holds the edit marker.");
        }
    }

    /// <summary>Index in <see cref="Files"/> of the storage class <see cref="WithStorageEdit"/> edits.</summary>
    public int StorageEditFileIndex => 0;

    /// <summary>Generates the project for <paramref name="size"/>.</summary>
    public static SyntheticProject Generate(ProjectSize size, int seed = 20261128)
    {
        var random = new Random(seed);
        var storages = new List<StorageClass>(size.StorageClasses);
        var files = new List<SourceFile>(size.Files);
        for (int i = 0; i < size.StorageClasses; i++)
        {
            StorageClass storage = StorageClass.Create(i, random);
            storages.Add(storage);
            files.Add(new SourceFile($"Storage/{storage.Name}.cs", storage.Render()));
        }

        int serviceFiles = size.Files - size.StorageClasses;
        var callsPerFile = new int[serviceFiles];
        for (int c = 0; c < size.FileSystemCalls; c++)
        {
            callsPerFile[random.Next(serviceFiles)]++;
        }

        var counts = new CallCounts();
        for (int j = 0; j < serviceFiles; j++)
        {
            StorageClass storage = storages[j % storages.Count];
            files.Add(new SourceFile($"Services/Area{j % 50}/Service{j}.cs", RenderService(j, storage, callsPerFile[j], random, counts)));
        }

        return new SyntheticProject(size, seed, files, counts);
    }

    /// <summary>The text of the unrelated-edit file after an edit inside a method body (no attribute, no path touched).</summary>
    public string WithUnrelatedEdit(int generation)
    {
        string text = Files[UnrelatedEditFileIndex].Text;
        int at = text.IndexOf(UnrelatedEditMarker, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException("The synthetic service file lost its edit marker.");
        }

        return text.Substring(0, at) + $"int total = {generation};" + text.Substring(at + UnrelatedEditMarker.Length);
    }

    /// <summary>The text of the first storage class after its persistent volume moved to another target.</summary>
    public string WithStorageEdit(int generation)
    {
        string text = Files[StorageEditFileIndex].Text;
        const string target = "/srv/m0/data\"";
        if (text.IndexOf(target, StringComparison.Ordinal) < 0)
        {
            throw new InvalidOperationException("The synthetic storage class lost its persistent volume.");
        }

        return text.Replace(target, $"/srv/m0/data{generation}\"", StringComparison.Ordinal);
    }

    /// <summary>Writes the sources under <paramref name="directory"/>.</summary>
    public void WriteTo(string directory)
    {
        foreach (SourceFile file in Files)
        {
            string path = System.IO.Path.Combine(directory, file.Path.Replace('/', System.IO.Path.DirectorySeparatorChar));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text);
        }
    }

    /// <summary>Total lines of source, for the report.</summary>
    public int CountLines() => Files.Sum(static f => f.Text.Count(static c => c == '\n'));

    private static string RenderService(int index, StorageClass storage, int calls, Random random, CallCounts counts)
    {
        var w = new StringBuilder(4096);
        string ns = $"Synthetic.App.Area{index % 50}";
        w.Append("""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Text;
            using System.Threading.Tasks;

            """);
        w.Append("namespace ").Append(ns).Append(";\n\n");
        w.Append("public sealed record Item").Append(index).Append("(string Key, int Value, DateTime Stamp);\n\n");
        w.Append("public sealed class Service").Append(index).Append('\n').Append("{\n");
        w.Append("    private const string DataRoot = \"").Append(storage.DataTarget).Append("\";\n");
        w.Append("    private const string OutsideRoot = \"/var/lib/app").Append(index % 7).Append("\";\n");
        w.Append("    private static readonly string CacheRoot = \"").Append(storage.SecondaryTarget).Append("\";\n");
        w.Append("    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);\n");
        w.Append("    private readonly List<Item").Append(index).Append("> _items = new();\n\n");
        w.Append("    public int Count => _items.Count;\n\n");
        w.Append("    public string Root => DataRoot + \"|\" + OutsideRoot + \"|\" + CacheRoot;\n\n");

        // Ordinary code first: the bulk of any real project, and the denominator of the overhead ratio.
        int ordinary = 2 + random.Next(3);
        for (int m = 0; m < ordinary; m++)
        {
            RenderOrdinaryMethod(w, index, m, random.Next(7), random);
        }

        for (int c = 0; c < calls; c++)
        {
            RenderCall(w, storage, c, random, counts);
        }

        w.Append("}\n");
        return w.ToString();
    }

    private static void RenderOrdinaryMethod(StringBuilder w, int index, int m, int template, Random random)
    {
        int k = 2 + random.Next(9);
        string item = "Item" + index.ToString(CultureInfo.InvariantCulture);
        switch (template)
        {
            case 0:
                w.Append(CultureInfo.InvariantCulture, $$"""
                        public int Sum{{m}}(IReadOnlyList<int> values)
                        {
                            int total = 0;
                            for (int i = 0; i < values.Count; i++)
                            {
                                if (values[i] % {{k}} == 0)
                                {
                                    total += values[i] * {{k + 1}};
                                }
                                else
                                {
                                    total -= i;
                                }
                            }

                            return total;
                        }


                    """);
                break;
            case 1:
                w.Append(CultureInfo.InvariantCulture, $$"""
                        public IEnumerable<string> Query{{m}}(int minimum)
                            => _items.Where(item => item.Value >= minimum + {{k}})
                                .OrderBy(item => item.Key, StringComparer.Ordinal)
                                .Select(item => item.Key + ":" + item.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))
                                .ToList();


                    """);
                break;
            case 2:
                w.Append(CultureInfo.InvariantCulture, $$"""
                        public string Describe{{m}}()
                        {
                            var text = new StringBuilder();
                            foreach ({{item}} entry in _items)
                            {
                                string kind = (entry.Value % {{k}}) switch
                                {
                                    0 => "even",
                                    1 => "odd",
                                    _ => "other",
                                };
                                text.Append(entry.Key).Append('=').Append(kind).Append(';');
                            }

                            return text.ToString();
                        }


                    """);
                break;
            case 3:
                w.Append(CultureInfo.InvariantCulture, $$"""
                        public async Task<int> Load{{m}}Async(Func<Task<int>> source)
                        {
                            int first = await source().ConfigureAwait(false);
                            int second = await source().ConfigureAwait(false);
                            return first * {{k}} + second;
                        }


                    """);
                break;
            case 4:
                w.Append(CultureInfo.InvariantCulture, $$"""
                        public void Count{{m}}(IEnumerable<string> words)
                        {
                            foreach (string word in words)
                            {
                                string key = word.Length > {{k}} ? word.Substring(0, {{k}}) : word;
                                _counts[key] = _counts.TryGetValue(key, out int seen) ? seen + 1 : 1;
                            }
                        }


                    """);
                break;
            case 5:
                w.Append(CultureInfo.InvariantCulture, $$"""
                        public static string Classify{{m}}(object value) => value switch
                        {
                            null => "null",
                            int number when number > {{k}} => "large",
                            int => "small",
                            string { Length: 0 } => "empty",
                            string s => "text:" + s,
                            {{item}} entry => entry.Key,
                            _ => value.GetType().Name,
                        };


                    """);
                break;
            default:
                w.Append(CultureInfo.InvariantCulture, $$"""
                        public bool TryAdd{{m}}(string key, int value)
                        {
                            try
                            {
                                if (string.IsNullOrEmpty(key))
                                {
                                    throw new ArgumentException("A key is required.", nameof(key));
                                }

                                _items.Add(new {{item}}(key, value * {{k}}, DateTime.UnixEpoch));
                                return true;
                            }
                            catch (ArgumentException)
                            {
                                return false;
                            }
                        }


                    """);
                break;
        }
    }

    private static void RenderCall(StringBuilder w, StorageClass storage, int c, Random random, CallCounts counts)
    {
        int roll = random.Next(100);
        string file = "f" + c.ToString(CultureInfo.InvariantCulture);
        string path;
        string kind;
        if (roll < 25)
        {
            // Constant path inside the persistent (named) volume, in the forms the evaluator folds.
            path = (random.Next(4)) switch
            {
                0 => $"\"{storage.DataTarget}/{file}.json\"",
                1 => $"Path.Combine(DataRoot, \"{file}.json\")",
                2 => $"DataRoot + \"/{file}.json\"",
                _ => $"$\"{{DataRoot}}/items/{file}.json\"",
            };
            kind = "insidePersistent";
        }
        else if (roll < 35)
        {
            // Inside a mount that does not persist, or is read-only: anonymous volume, tmpfs, read-only bind.
            path = random.Next(2) == 0 ? $"\"{storage.SecondaryTarget}/{file}.bin\"" : $"Path.Combine(CacheRoot, \"{file}.bin\")";
            kind = "insideOtherMount";
        }
        else if (roll < 50)
        {
            // Outside every volume: absolute, and relative to the container working directory.
            path = (random.Next(3)) switch
            {
                0 => $"\"/app/uploads/{file}.png\"",
                1 => $"Path.Combine(OutsideRoot, \"{file}.log\")",
                _ => $"\"reports/{file}.csv\"",
            };
            kind = "outside";
        }
        else if (roll < 60)
        {
            // Known but ephemeral by design, or partly known: temp folder, interpolation with a runtime value.
            path = random.Next(2) == 0 ? $"Path.Combine(Path.GetTempPath(), \"{file}.tmp\")" : $"$\"{{DataRoot}}/{{Count}}/{file}.json\"";
            kind = "tempOrPartial";
        }
        else if (roll < 85)
        {
            path = random.Next(2) == 0 ? "path" : $"Path.Combine(path, \"{file}.dat\")";
            kind = "unknown";
        }
        else
        {
            RenderRead(w, c, random.Next(2) == 0 ? $"\"{storage.DataTarget}/{file}.json\"" : "path", random.Next(4));
            counts.Add("read");
            return;
        }

        counts.Add(kind);
        RenderWrite(w, c, path, random.Next(10));
    }

    private static void RenderWrite(StringBuilder w, int c, string path, int api)
    {
        if (api == 9)
        {
            w.Append(CultureInfo.InvariantCulture, $$"""
                    public async Task Store{{c}}Async(string path, string payload)
                    {
                        await File.WriteAllTextAsync({{path}}, payload).ConfigureAwait(false);
                    }


                """);
            return;
        }

        string call = api switch
        {
            0 => $"File.WriteAllText({path}, payload);",
            1 => $"File.WriteAllBytes({path}, bytes);",
            2 => $"File.AppendAllText({path}, payload);",
            3 => $"using (var stream = new FileStream({path}, FileMode.Create, FileAccess.Write))\n        {{\n            stream.Write(bytes, 0, bytes.Length);\n        }}",
            4 => $"using (var writer = new StreamWriter({path}))\n        {{\n            writer.Write(payload);\n        }}",
            5 => $"Directory.CreateDirectory({path});",
            6 => $"File.Copy(\"/app/seed.json\", {path}, overwrite: true);",
            7 => $"string target = {path};\n        File.WriteAllLines(target, new[] {{ payload }});",
            _ => $"new FileInfo({path}).AppendText().Dispose();",
        };
        w.Append(CultureInfo.InvariantCulture, $$"""
                public void Store{{c}}(string path, string payload, byte[] bytes)
                {
                    if (payload.Length == 0)
                    {
                        return;
                    }

                    {{call}}
                }


            """);
    }

    private static void RenderRead(StringBuilder w, int c, string path, int api)
    {
        string read = api switch
        {
            0 => $"string text = File.ReadAllText({path});",
            1 => $"string text = File.Exists({path}) ? \"yes\" : \"no\";",
            2 => $"using var stream = File.OpenRead({path});\n        string text = stream.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);",
            _ => $"string text = string.Join(\",\", File.ReadLines({path}).Take(3));",
        };
        w.Append(CultureInfo.InvariantCulture, $$"""
                public int Read{{c}}(string path)
                {
                    {{read}}
                    _counts[path] = text.Length;
                    return text.Length;
                }


            """);
    }

    /// <summary>One storage class: a persistent volume plus a random mix of the other mount kinds.</summary>
    private sealed class StorageClass
    {
        private readonly List<string> _attributes = new();

        private StorageClass(int index) => Index = index;

        public int Index { get; }

        public string Name => "Storage" + Index.ToString(CultureInfo.InvariantCulture);

        public string DataTarget => $"/srv/m{Index}/data";

        /// <summary>A target of a non-persistent or read-only mount when the class has one, else the data volume.</summary>
        public string SecondaryTarget { get; private set; } = string.Empty;

        public static StorageClass Create(int index, Random random)
        {
            var storage = new StorageClass(index);
            string root = $"/srv/m{index}";
            storage._attributes.Add($"[PersistentVolume(\"{root}/data\", Name = \"m{index}-data\")]");
            var secondary = new List<string>();
            if (random.Next(2) == 0)
            {
                storage._attributes.Add($"[AnonymousVolume(\"{root}/cache\")]");
                secondary.Add(root + "/cache");
            }

            if (random.Next(2) == 0)
            {
                storage._attributes.Add($"[BindMount(\"./config/m{index}\", \"{root}/config\", ReadOnly = true)]");
                secondary.Add(root + "/config");
            }

            if (random.Next(3) == 0)
            {
                storage._attributes.Add($"[BindMount(\"./uploads\", \"{root}/uploads\")]");
            }

            if (random.Next(2) == 0)
            {
                storage._attributes.Add($"[TmpfsMount(\"{root}/scratch\", SizeBytes = 64 * 1024 * 1024)]");
                secondary.Add(root + "/scratch");
            }

            if (random.Next(4) == 0)
            {
                storage._attributes.Add($"[PersistentVolume(\"{root}/state\", ReadOnly = {(random.Next(2) == 0 ? "true" : "false")})]");
            }

            storage.SecondaryTarget = secondary.Count == 0 ? storage.DataTarget : secondary[random.Next(secondary.Count)];
            return storage;
        }

        public string Render()
        {
            var w = new StringBuilder();
            w.Append("using VolumeGen;\n\nnamespace Synthetic.App.Storage;\n\n");
            w.Append("/// <summary>Where module ").Append(Index).Append(" keeps its data.</summary>\n");
            foreach (string attribute in _attributes)
            {
                w.Append(attribute).Append('\n');
            }

            w.Append("public static partial class ").Append(Name).Append("\n{\n");
            w.Append("    public static string Describe() => \"module ").Append(Index).Append("\";\n");
            w.Append("}\n");
            return w.ToString();
        }
    }
}

/// <summary>How many calls of each kind a synthetic project holds.</summary>
public sealed class CallCounts
{
    private readonly SortedDictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>Calls per kind, ordinal order.</summary>
    public IReadOnlyDictionary<string, int> ByKind => _counts;

    /// <summary>All calls.</summary>
    public int Total => _counts.Values.Sum();

    internal void Add(string kind) => _counts[kind] = _counts.TryGetValue(kind, out int n) ? n + 1 : 1;

    /// <inheritdoc />
    public override string ToString() => string.Join(", ", _counts.Select(static p => $"{p.Key} {p.Value}"));
}
