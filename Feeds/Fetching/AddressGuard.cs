using System.Net;
using System.Net.Sockets;

namespace Radar.Feeds.Fetching;

/// <summary>
/// Refuses connections to loopback, private, link-local, unique-local and unspecified addresses.
/// It runs in the socket connect callback, after DNS, so neither a hostname that resolves inside
/// nor a redirect to an inside address gets through.
/// </summary>
public static class AddressGuard
{
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var v6 = address.GetAddressBytes();
            if (EmbeddedIPv4(v6) is { } embedded)
            {
                return IsPublic(embedded); // NAT64, 6to4 and IPv4-compatible forms reach the IPv4 address inside
            }

            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6Teredo
                || (v6[0] & 0xFE) == 0xFC // unique local
                || (v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0x0D && v6[3] == 0xB8) // documentation
                || (v6[0] == 0x01 && v6.AsSpan(1, 7).IndexOfAnyExcept((byte)0) < 0)); // 100::/64, discard
        }

        var b = address.GetAddressBytes();
        return b[0] switch
        {
            0 or 10 or 127 => false,
            100 when b[1] is >= 64 and <= 127 => false, // carrier-grade NAT, 100.64.0.0/10
            169 when b[1] == 254 => false, // link-local, cloud metadata
            172 when b[1] is >= 16 and <= 31 => false,
            192 when b[1] == 168 => false,
            192 when b[1] == 0 && b[2] is 0 or 2 => false, // IETF protocol assignments, documentation
            198 when b[1] is 18 or 19 => false, // benchmarking, 198.18.0.0/15
            198 when b[1] == 51 && b[2] == 100 => false, // documentation
            203 when b[1] == 0 && b[2] == 113 => false, // documentation
            >= 224 => false, // multicast and reserved
            _ => true,
        };
    }

    /// <summary>
    /// The IPv4 address an IPv6 address carries to a router that would reach it: NAT64
    /// (64:ff9b::/96 and the local-use 64:ff9b:1::/48), 6to4 (2002::/16) and the old IPv4-compatible
    /// ::a.b.c.d. Null for any other IPv6 address.
    /// </summary>
    private static IPAddress? EmbeddedIPv4(byte[] v6)
    {
        if (v6[0] == 0x00 && v6[1] == 0x64 && v6[2] == 0xFF && v6[3] == 0x9B && (v6.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0 || (v6[4] == 0 && v6[5] == 1)))
        {
            return new IPAddress(v6.AsSpan(12, 4));
        }

        if (v6[0] == 0x20 && v6[1] == 0x02)
        {
            return new IPAddress(v6.AsSpan(2, 4));
        }

        return v6.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0 && (v6[12] | v6[13]) != 0 ? new IPAddress(v6.AsSpan(12, 4)) : null;
    }

    /// <summary>A <see cref="SocketsHttpHandler.ConnectCallback"/> that connects only to public addresses.</summary>
    public static async ValueTask<Stream> ConnectPublicOnlyAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        var allowed = addresses.Where(IsPublic).ToArray();
        if (allowed.Length == 0 || allowed.Length != addresses.Length)
        {
            throw new PrivateAddressException(host);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
