namespace Radar.Feeds.Fetching;

/// <summary>The feed's host is (or resolves to) an address inside the network.</summary>
public sealed class PrivateAddressException(string host)
    : IOException($"{host} is a private, loopback or link-local address; set Radar:Feeds:AllowPrivateAddresses to allow it")
{
    public string Host { get; } = host;
}
