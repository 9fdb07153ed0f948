using System.Security.Cryptography;
using System.Text;

namespace Radar.Bot.WebSub;

/// <summary>The <c>X-Hub-Signature</c> check of a pushed body (WebSub §8): <c>method=hex</c>, an HMAC of the raw body with the subscription's secret.</summary>
public static class WebSubSignature
{
    public const string Header = "X-Hub-Signature";

    /// <summary>True when <paramref name="header"/> is a sha1, sha256, sha384 or sha512 HMAC of <paramref name="body"/> under <paramref name="secret"/>.</summary>
    public static bool IsValid(string? header, string secret, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(body);
        var parts = header?.Split('=', 2);
        if (parts is not [var method, var hex])
        {
            return false;
        }

        var key = Encoding.UTF8.GetBytes(secret);
        byte[]? expected = method.Trim().ToLowerInvariant() switch
        {
#pragma warning disable CA5350 // WebSub names sha1 among its signature methods; hubs still send it
            "sha1" => HMACSHA1.HashData(key, body),
#pragma warning restore CA5350
            "sha256" => HMACSHA256.HashData(key, body),
            "sha384" => HMACSHA384.HashData(key, body),
            "sha512" => HMACSHA512.HashData(key, body),
            _ => null,
        };
        byte[] given;
        try
        {
            given = Convert.FromHexString(hex.Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        return expected is not null && CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>The header value a hub sends for <paramref name="body"/> (sha256): for tests and the local hub.</summary>
    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
