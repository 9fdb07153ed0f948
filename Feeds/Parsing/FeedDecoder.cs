using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Radar.Feeds.Parsing;

/// <summary>
/// Bytes to text the way lenient feed readers do it: gzip without a header is unpacked, a byte-order
/// mark wins, then the HTTP charset, then the XML declaration; a declaration the bytes contradict
/// (or that names no known encoding) falls back to UTF-8 when the bytes are valid UTF-8, else Windows-1252.
/// A document declared (or, undeclared, mostly) UTF-8 with a few invalid bytes stays UTF-8: only
/// the invalid sequences become U+FFFD, never the whole document mojibake.
/// </summary>
internal static partial class FeedDecoder
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static FeedDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Unpacks gzip bytes that came without a Content-Encoding header, up to a cap.</summary>
    public static byte[] Gunzip(byte[] bytes, long maxBytes)
    {
        if (bytes.Length < 2 || bytes[0] != 0x1F || bytes[1] != 0x8B)
        {
            return bytes;
        }

        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = gzip.Read(buffer)) > 0)
        {
            if (output.Length + read > maxBytes)
            {
                throw new FeedParseException(ParseErrorKind.Unsafe, $"compressed document unpacks to more than {maxBytes} bytes");
            }

            output.Write(buffer, 0, read);
        }

        return output.ToArray();
    }

    public static string Decode(byte[] bytes, string? httpCharset)
    {
        var (bomEncoding, bomLength) = DetectBom(bytes);
        if (bomEncoding is not null)
        {
            return DecodeLenient(bomEncoding, bytes.AsSpan(bomLength));
        }

        var wide = DetectWideWithoutBom(bytes);
        if (wide is not null)
        {
            return DecodeLenient(wide, bytes);
        }

        var declared = Resolve(httpCharset) ?? Resolve(DeclaredEncoding(bytes));
        var isUtf8 = IsValidUtf8(bytes);
        if (isUtf8 && (declared is null || declared.CodePage == Encoding.UTF8.CodePage))
        {
            return StrictUtf8.GetString(bytes);
        }

        if (declared?.CodePage == Encoding.UTF8.CodePage || (declared is null && MostlyUtf8(bytes)))
        {
            return DecodeLenient(Encoding.UTF8, bytes); // as declared: only the bad sequences become U+FFFD
        }

        if (declared is null)
        {
            return DecodeLenient(Encoding.GetEncoding(1252), bytes);
        }

        // A single-byte Western declaration over bytes that are valid multi-byte UTF-8 is a wrong label.
        if (isUtf8 && declared.IsSingleByte && declared.CodePage is 1252 or 28591 or 20127 && HasNonAscii(bytes))
        {
            return StrictUtf8.GetString(bytes);
        }

        return DecodeLenient(declared, bytes);
    }

    private static string DecodeLenient(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        var lenient = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
        return lenient.GetString(bytes);
    }

    private static (Encoding? Encoding, int Length) DetectBom(byte[] b) => b switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
        [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4),
        [0xFF, 0xFE, 0x00, 0x00, ..] => (new UTF32Encoding(bigEndian: false, byteOrderMark: false), 4),
        [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
        [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
        _ => (null, 0),
    };

    private static Encoding? DetectWideWithoutBom(byte[] b) => b switch
    {
        [0x00, 0x00, 0x00, 0x3C, ..] => new UTF32Encoding(bigEndian: true, byteOrderMark: false),
        [0x3C, 0x00, 0x00, 0x00, ..] => new UTF32Encoding(bigEndian: false, byteOrderMark: false),
        [0x00, 0x3C, 0x00, 0x3F, ..] => Encoding.BigEndianUnicode,
        [0x3C, 0x00, 0x3F, 0x00, ..] => Encoding.Unicode,
        [0x4C, 0x6F, 0xA7, 0x94, ..] => Encoding.GetEncoding(37),
        _ => null,
    };

    private static string? DeclaredEncoding(byte[] bytes)
    {
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 512));
        var match = XmlDeclarationEncoding().Match(head);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static Encoding? Resolve(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        try
        {
            var encoding = Encoding.GetEncoding(name.Trim());

            // UTF-16 and UTF-32 declared over bytes that were not detected as wide are wrong labels.
            return encoding is UnicodeEncoding or UTF32Encoding ? null : encoding;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Undeclared bytes with more well-formed UTF-8 characters beyond ASCII than broken sequences: UTF-8 with a few bad bytes, not Windows-1252.</summary>
    private static bool MostlyUtf8(byte[] bytes)
    {
        var text = DecodeLenient(Encoding.UTF8, bytes);
        int good = 0, bad = 0;
        foreach (var c in text)
        {
            if (c == '\uFFFD')
            {
                bad++;
            }
            else if (c > 0x7F)
            {
                good++;
            }
        }

        return good > bad;
    }

    private static bool IsValidUtf8(byte[] bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    private static bool HasNonAscii(byte[] bytes) => !System.Text.Ascii.IsValid(bytes);

    [GeneratedRegex("""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:\-]+)["']""")]
    private static partial Regex XmlDeclarationEncoding();
}
