using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace Radar.Feeds.Parsing;

/// <summary>
/// Rewrites a feed's markup into a well-formed XML document in one linear pass, recovering what
/// good feed readers recover: undefined HTML entities and stray ampersands, unclosed and misnested
/// tags, a document cut off mid-way, unquoted or valueless attributes, undeclared namespace prefixes,
/// control characters. The DOCTYPE is removed: its internal entities are expanded once, bounded,
/// and external entities are never resolved (their references vanish).
/// </summary>
internal static partial class LenientXml
{
    private const int MaxEntityDeclarations = 1_000;
    private const int MaxNameLength = 64;

    private static readonly SearchValues<char> Special = SearchValues.Create(
        "<&>\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF");

    /// <summary>Characters XML 1.0 forbids everywhere (control characters, U+FFFE, U+FFFF).</summary>
    private static readonly SearchValues<char> Forbidden = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF");

    private static readonly Dictionary<string, string> KnownNamespaces = new(StringComparer.Ordinal)
    {
        ["dc"] = "http://purl.org/dc/elements/1.1/",
        ["content"] = "http://purl.org/rss/1.0/modules/content/",
        ["atom"] = "http://www.w3.org/2005/Atom",
        ["media"] = "http://search.yahoo.com/mrss/",
        ["rdf"] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        ["itunes"] = "http://www.itunes.com/dtds/podcast-1.0.dtd",
        ["slash"] = "http://purl.org/rss/1.0/modules/slash/",
        ["wfw"] = "http://wellformedweb.org/CommentAPI/",
        ["sy"] = "http://purl.org/rss/1.0/modules/syndication/",
    };

    /// <summary>Returns a well-formed rewrite of <paramref name="text"/>, or throws <see cref="FeedParseException"/> for hostile input.</summary>
    public static string Rewrite(string text) => new Writer(text).Run();

    private sealed partial class Writer(string input)
    {
        private readonly StringBuilder _output = new(input.Length + 64);
        private readonly List<OpenElement> _open = [];
        private readonly StringBuilder _discard = new();
        private readonly List<(string Name, string Value)> _attributes = [];
        private readonly Dictionary<string, string> _entities = new(StringComparer.Ordinal);
        private readonly long _expansionBudget = (4L * input.Length) + 1_000_000;
        private long _expanded;
        private bool _rootSeen;
        private bool _rssWithoutChannel;
        private bool _rdfWithoutChannel;
        private string? _feedPrefix;
        private bool _rootClosed;
        private int _pos;

        public string Run()
        {
            while (_pos < input.Length && !_rootClosed)
            {
                var next = input.AsSpan(_pos).IndexOfAny(Special);
                if (next < 0)
                {
                    AppendText(input.AsSpan(_pos));
                    break;
                }

                AppendText(input.AsSpan(_pos, next));
                _pos += next;
                switch (input[_pos])
                {
                    case '<': Markup(); break;
                    case '&': Entity(); break;
                    case '>': AppendText("&gt;"); _pos++; break;
                    default: _pos++; break; // a character XML 1.0 forbids
                }
            }

            for (var i = _open.Count - 1; i >= 0; i--)
            {
                CloseElement(i);
            }

            return _output.ToString();
        }

        private bool InsideRoot => _open.Count > 0;

        private void AppendText(ReadOnlySpan<char> text)
        {
            if (InsideRoot)
            {
                _output.Append(text);
            }
        }

        private void Markup()
        {
            if (At("<!--"))
            {
                SkipPast("-->");
            }
            else if (At("<![CDATA["))
            {
                var start = _pos + 9;
                var end = input.IndexOf("]]>", start, StringComparison.Ordinal);
                var content = end < 0 ? input.AsSpan(start) : input.AsSpan(start, end - start);
                _pos = end < 0 ? input.Length : end + 3;
                if (InsideRoot)
                {
                    _output.Append("<![CDATA[");
                    AppendValidChars(content);
                    _output.Append("]]>");
                }
            }
            else if (At("<?"))
            {
                SkipPast("?>");
            }
            else if (At("<!"))
            {
                Doctype();
            }
            else if (_pos + 1 < input.Length && input[_pos + 1] == '/')
            {
                EndTag();
            }
            else if (_pos + 1 < input.Length && IsNameStart(input[_pos + 1]))
            {
                StartTag();
            }
            else
            {
                AppendText("&lt;");
                _pos++;
            }
        }

        private void StartTag()
        {
            _pos++;
            var name = Unprefix(ReadName());
            var attributes = _attributes;
            attributes.Clear();
            var selfClosing = false;
            while (_pos < input.Length)
            {
                SkipWhiteSpace();
                if (_pos >= input.Length || input[_pos] == '<')
                {
                    break; // unterminated tag: end it here
                }

                var c = input[_pos];
                if (c == '>')
                {
                    _pos++;
                    break;
                }

                if (c == '/' && _pos + 1 < input.Length && input[_pos + 1] == '>')
                {
                    _pos += 2;
                    selfClosing = true;
                    break;
                }

                if (!IsNameStart(c))
                {
                    _pos++; // junk between attributes
                    continue;
                }

                var attributeName = ReadName();
                SkipWhiteSpace();
                var value = attributeName;
                if (_pos < input.Length && input[_pos] == '=')
                {
                    _pos++;
                    SkipWhiteSpace();
                    value = ReadAttributeValue();
                }

                if (!attributes.Exists(a => a.Name == attributeName))
                {
                    attributes.Add((attributeName, value));
                }
            }

            if (!_rootSeen)
            {
                _rootSeen = true;
                name = AdoptFeedPrefix(name, attributes);
                _rdfWithoutChannel = name.EndsWith("RDF", StringComparison.Ordinal);
                if (name.Equals("rss", StringComparison.OrdinalIgnoreCase))
                {
                    _rssWithoutChannel = true;
                    if (!attributes.Exists(a => a.Name == "version"))
                    {
                        attributes.Add(("version", "2.0"));
                    }
                }
            }
            else if (_open.Count == 1 && _rdfWithoutChannel && name == "channel")
            {
                _rdfWithoutChannel = false;
            }
            else if (_open.Count == 1 && _rssWithoutChannel)
            {
                // Items straight under <rss>: CodeHollow.FeedReader reads them only inside a channel.
                _rssWithoutChannel = false;
                if (name != "channel")
                {
                    _output.Append("<channel>");
                    _open.Add(new OpenElement("channel", null));
                }
            }

            WriteStartTag(name, attributes, selfClosing);
        }

        private void WriteStartTag(string name, List<(string Name, string Value)> attributes, bool selfClosing)
        {
            List<string>? declared = null;
            foreach (var (attributeName, _) in attributes)
            {
                if (attributeName.StartsWith("xmlns:", StringComparison.Ordinal))
                {
                    (declared ??= []).Add(attributeName[6..]);
                }
            }

            _output.Append('<').Append(name);
            foreach (var (attributeName, value) in attributes)
            {
                _output.Append(' ').Append(attributeName).Append("=\"");
                AppendAttributeValue(value);
                _output.Append('"');
            }

            DeclareMissingPrefix(name, ref declared);
            foreach (var (attributeName, _) in attributes)
            {
                DeclareMissingPrefix(attributeName, ref declared);
            }

            if (selfClosing)
            {
                _output.Append("/>");
                if (_open.Count == 0)
                {
                    _rootClosed = true;
                }

                return;
            }

            _output.Append('>');
            _open.Add(new OpenElement(name, declared));
        }

        /// <summary>Declares a prefix the document uses without declaring ("dc:creator" with no xmlns:dc), which XML refuses.</summary>
        private void DeclareMissingPrefix(string qualifiedName, ref List<string>? declared)
        {
            var colon = qualifiedName.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return;
            }

            var prefix = qualifiedName[..colon];
            if (prefix is "xml" or "xmlns" || declared?.Contains(prefix) == true || _open.Exists(e => e.Prefixes?.Contains(prefix) == true))
            {
                return;
            }

            _output.Append(" xmlns:").Append(prefix).Append("=\"")
                .Append(KnownNamespaces.GetValueOrDefault(prefix, "urn:x-undeclared:" + prefix)).Append('"');
            (declared ??= []).Add(prefix);
        }

        private void EndTag()
        {
            _pos += 2;
            var name = IsNameStart(Peek()) ? Unprefix(ReadName()) : string.Empty;
            while (_pos < input.Length && input[_pos] != '>' && input[_pos] != '<')
            {
                _pos++;
            }

            if (_pos < input.Length && input[_pos] == '>')
            {
                _pos++;
            }

            var index = FindOpen(name, StringComparison.Ordinal);
            if (index < 0)
            {
                index = FindOpen(name, StringComparison.OrdinalIgnoreCase);
            }

            if (index < 0)
            {
                return; // a stray end tag
            }

            for (var i = _open.Count - 1; i >= index; i--)
            {
                CloseElement(i);
            }

            if (_open.Count == 0)
            {
                _rootClosed = true;
            }
        }

        /// <summary>
        /// RSS or Atom written with a prefix and no default namespace ("rss:item"): the prefix is
        /// dropped and its namespace made the default, which is how the mappers look names up.
        /// </summary>
        private string AdoptFeedPrefix(string name, List<(string Name, string Value)> attributes)
        {
            if (attributes.Exists(a => a.Name == "xmlns"))
            {
                return name;
            }

            foreach (var (attributeName, value) in attributes)
            {
                if (attributeName.StartsWith("xmlns:", StringComparison.Ordinal) && FeedNamespaces.Contains(value))
                {
                    _feedPrefix = attributeName[6..];
                    attributes.Add(("xmlns", value));
                    return Unprefix(name);
                }
            }

            return name;
        }

        private string Unprefix(string name) =>
            _feedPrefix is not null && name.Length > _feedPrefix.Length + 1 && name[_feedPrefix.Length] == ':' &&
            name.StartsWith(_feedPrefix, StringComparison.Ordinal)
                ? name[(_feedPrefix.Length + 1)..]
                : name;

        private int FindOpen(string name, StringComparison comparison)
        {
            for (var i = _open.Count - 1; i >= 0; i--)
            {
                if (_open[i].Name.Equals(name, comparison))
                {
                    return i;
                }
            }

            return -1;
        }

        private void CloseElement(int index)
        {
            // CodeHollow.FeedReader needs an RSS <channel>; an empty feed is still a feed.
            if (index == 0 && (_rssWithoutChannel || _rdfWithoutChannel))
            {
                _output.Append("<channel/>");
            }

            _output.Append("</").Append(_open[index].Name).Append('>');
            _open.RemoveAt(index);
        }

        private string ReadName()
        {
            var start = _pos;
            var colons = 0;
            while (_pos < input.Length && IsNameChar(input[_pos]) && _pos - start < 256)
            {
                colons += input[_pos] == ':' ? 1 : 0;
                _pos++;
            }

            var name = input[start.._pos];
            if (colons > 1 || name.EndsWith(':') || name.StartsWith(':'))
            {
                name = name.Replace(':', '_');
            }

            return name;
        }

        private void SkipWhiteSpace()
        {
            while (_pos < input.Length && char.IsWhiteSpace(input[_pos]))
            {
                _pos++;
            }
        }

        private void SkipPast(string terminator)
        {
            var end = input.IndexOf(terminator, _pos, StringComparison.Ordinal);
            _pos = end < 0 ? input.Length : end + terminator.Length;
        }

        private bool At(string literal) => string.CompareOrdinal(input, _pos, literal, 0, literal.Length) == 0;

        private char Peek() => _pos < input.Length ? input[_pos] : '\0';
    }

    private static readonly HashSet<string> FeedNamespaces = new(StringComparer.Ordinal)
    {
        "http://purl.org/rss/1.0/", "http://backend.userland.com/rss2", "http://backend.userland.com/rss",
        "http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#",
    };

    private static void AppendEscaped(string value, StringBuilder builder)
    {
        foreach (var c in value)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '"' => builder.Append("&quot;"),
                _ when IsXmlChar(c) => builder.Append(c),
                _ => builder,
            };
        }
    }

    private static bool IsXmlChar(int c) =>
        c is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF) ||
        (c is >= 0xD800 and <= 0xDFFF); // surrogate halves arrive in pairs from .NET strings

    private static bool IsNameStart(char c) => char.IsLetter(c) || c is '_' or ':';

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or ':' or '-' or '.' or '\u00B7';

    [GeneratedRegex("""<!ENTITY\s+(?<name>[A-Za-z_][\w.\-]*)\s+(?:"(?<value>[^"]*)"|'(?<value>[^']*)'|(?<external>SYSTEM|PUBLIC)\b[^>]*)\s*>""")]
    private static partial Regex EntityDeclaration();

    [GeneratedRegex("""[&%]([A-Za-z_][\w.\-]*);""")]
    private static partial Regex EntityReference();

    private sealed record OpenElement(string Name, List<string>? Prefixes);
}
