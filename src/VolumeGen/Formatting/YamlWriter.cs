using System;
using System.Text;

namespace VolumeGen;

/// <summary>
/// Block YAML, indented by structure (the YAML twin of the generator's <c>SourceWriter</c>): callers say
/// "a mapping under this key", "an item of this sequence", and the writer owns every space of indentation, two per
/// level, sequences indented under their key. Values are passed already formatted (<see cref="YamlText.Quote"/>
/// or a plain literal such as <c>true</c>).
/// </summary>
internal sealed class YamlWriter
{
    private const int IndentSize = 2;
    private readonly StringBuilder _text = new();
    private int _depth;
    private bool _itemPending;

    /// <summary><c>key: value</c>.</summary>
    public void Pair(string key, string value) => Line(key + ": " + value);

    /// <summary><c>- value</c>: a scalar item of the sequence being written.</summary>
    public void Item(string value)
    {
        using (Item())
        {
            Line(value);
        }
    }

    /// <summary><c>key:</c>, then what is written inside the returned scope one level deeper.</summary>
    public IDisposable Block(string key)
    {
        Line(key + ":");
        _depth++;
        return new Scope(this);
    }

    /// <summary>An item of the sequence being written: its first line starts with <c>- </c>, the next ones line up after it.</summary>
    public IDisposable Item()
    {
        _depth++;
        _itemPending = true;
        return new Scope(this);
    }

    /// <summary><c># text</c> at the current indentation.</summary>
    public void Comment(string text) => Line("# " + text);

    /// <summary><c>---</c>: the end of one document and the start of the next.</summary>
    public void DocumentSeparator() => _text.Append("---\n");

    public override string ToString() => _text.ToString();

    /// <summary>A line the caller formats whole (such as the generated-file header), at the current indentation.</summary>
    public void Line(string content)
    {
        if (_itemPending)
        {
            _text.Append(' ', (_depth - 1) * IndentSize).Append("- ");
            _itemPending = false;
        }
        else
        {
            _text.Append(' ', _depth * IndentSize);
        }

        _text.Append(content).Append('\n');
    }

    private sealed class Scope : IDisposable
    {
        private YamlWriter? _writer;

        public Scope(YamlWriter writer) => _writer = writer;

        public void Dispose()
        {
            if (_writer is not null)
            {
                _writer._depth--;
                _writer._itemPending = false;
                _writer = null;
            }
        }
    }
}
