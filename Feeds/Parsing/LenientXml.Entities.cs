using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Radar.Feeds.Parsing;

/// <summary>The rewrite's references and declarations: entities (the document's own, expanded once within a budget; HTML's; numeric), the DOCTYPE, attribute values and the characters XML allows.</summary>
internal static partial class LenientXml
{
    private sealed partial class Writer
    {
        private void Entity() => _pos += AppendReference(input, _pos, InsideRoot ? _output : _discard.Clear());

        /// <summary>Writes the XML for the reference at <paramref name="at"/> and returns how many characters it used.</summary>
        private int AppendReference(string source, int at, StringBuilder target)
        {
            var semicolon = source.IndexOf(';', at + 1, Math.Min(MaxNameLength, source.Length - at - 1));
            if (semicolon < 0)
            {
                target.Append("&amp;");
                return 1;
            }

            var body = source.AsSpan(at + 1, semicolon - at - 1);
            var length = semicolon - at + 1;
            if (body.Length > 1 && body[0] == '#')
            {
                var hex = body[1] is 'x' or 'X';
                var digits = hex ? body[2..] : body[1..];
                if (!int.TryParse(digits, hex ? System.Globalization.NumberStyles.AllowHexSpecifier : System.Globalization.NumberStyles.None, null, out var code))
                {
                    target.Append("&amp;");
                    return 1;
                }

                if (IsXmlChar(code))
                {
                    target.Append(hex ? "&#x" : "&#").Append(digits).Append(';');
                }

                return length;
            }

            if (body is "amp" or "lt" or "gt" or "quot" or "apos")
            {
                target.Append(source, at, length);
                return length;
            }

            var name = body.ToString();
            if (_entities.TryGetValue(name, out var value))
            {
                _expanded += value.Length;
                if (_expanded > _expansionBudget)
                {
                    throw new FeedParseException(ParseErrorKind.Unsafe, "entity expansion exceeds its budget (possible entity-expansion attack)");
                }

                AppendEscaped(value, target);
                return length;
            }

            var decoded = WebUtility.HtmlDecode("&" + name + ";");
            if (decoded.Length > 0 && decoded[0] != '&')
            {
                AppendEscaped(decoded, target);
                return length;
            }

            target.Append("&amp;");
            return 1;
        }

        private void Doctype()
        {
            var start = _pos;
            var depth = 0;
            while (_pos < input.Length)
            {
                var c = input[_pos++];
                if (c == '[')
                {
                    depth++;
                }
                else if (c == ']')
                {
                    depth--;
                }
                else if (c == '>' && depth <= 0)
                {
                    break;
                }
            }

            foreach (Match match in EntityDeclaration().Matches(input, start).TakeWhile(m => m.Index < _pos))
            {
                if (_entities.Count >= MaxEntityDeclarations)
                {
                    throw new FeedParseException(ParseErrorKind.Unsafe, "too many entity declarations");
                }

                if (match.Groups["external"].Success)
                {
                    _entities.TryAdd(match.Groups["name"].Value, string.Empty); // never read (no XXE): its references vanish
                    continue;
                }

                var value = match.Groups["value"].Value;
                foreach (Match reference in EntityReference().Matches(value))
                {
                    if (_entities.ContainsKey(reference.Groups[1].Value) || reference.Groups[1].Value == match.Groups["name"].Value)
                    {
                        throw new FeedParseException(ParseErrorKind.Unsafe, $"entity '{match.Groups["name"].Value}' refers to another entity (possible entity-expansion attack)");
                    }
                }

                _entities.TryAdd(match.Groups["name"].Value, WebUtility.HtmlDecode(value));
            }
        }

        private string ReadAttributeValue()
        {
            if (_pos >= input.Length)
            {
                return string.Empty;
            }

            var quote = input[_pos];
            string raw;
            if (quote is '"' or '\'')
            {
                var end = input.IndexOf(quote, _pos + 1);
                var tagEnd = input.IndexOf('>', _pos + 1);
                if (end < 0)
                {
                    end = tagEnd < 0 ? input.Length : tagEnd;
                }

                raw = input[(_pos + 1)..end];
                _pos = Math.Min(end + 1, input.Length);
                if (end < input.Length && input[end] == '>')
                {
                    _pos = end; // the quote never closed: the tag ends here
                }
            }
            else
            {
                var start = _pos;
                while (_pos < input.Length && !char.IsWhiteSpace(input[_pos]) && input[_pos] != '>' && input[_pos] != '<')
                {
                    _pos++;
                }

                raw = input[start.._pos];
            }

            return raw;
        }

        private void AppendAttributeValue(string raw)
        {
            var i = 0;
            while (i < raw.Length)
            {
                var c = raw[i];
                switch (c)
                {
                    case '&':
                        i += AppendReference(raw, i, _output);
                        continue;
                    case '<': _output.Append("&lt;"); break;
                    case '"': _output.Append("&quot;"); break;
                    case '\t' or '\n' or '\r': _output.Append(' '); break;
                    default:
                        if (IsXmlChar(c))
                        {
                            _output.Append(c);
                        }

                        break;
                }

                i++;
            }
        }

        private void AppendValidChars(ReadOnlySpan<char> text)
        {
            int next;
            while ((next = text.IndexOfAny(Forbidden)) >= 0)
            {
                _output.Append(text[..next]);
                text = text[(next + 1)..];
            }

            _output.Append(text);
        }
    }
}
