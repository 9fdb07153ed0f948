using System.Net;
using Radar.Feeds.Fetching;

namespace Radar.Tests.Feeds.Fetching;

public sealed class AddressGuardTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")] // carrier-grade NAT
    [InlineData("100.127.255.254")]
    [InlineData("198.18.0.1")] // benchmarking
    [InlineData("198.19.255.255")]
    [InlineData("192.0.0.8")]
    [InlineData("::1")]
    [InlineData("fd00::1")]
    [InlineData("fe80::1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("64:ff9b::a00:1")] // NAT64 of 10.0.0.1
    [InlineData("64:ff9b::7f00:1")] // NAT64 of 127.0.0.1
    [InlineData("64:ff9b:1::a9fe:a9fe")] // local-use NAT64 of 169.254.169.254
    [InlineData("2002:a00:1::1")] // 6to4 of 10.0.0.1
    [InlineData("2002:7f00:1::")] // 6to4 of 127.0.0.1
    [InlineData("::a00:1")] // IPv4-compatible 10.0.0.1
    [InlineData("2001:db8::1")]
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2")] // Teredo
    public void InsideAddressesAreRefused(string address)
    {
        Assert.False(AddressGuard.IsPublic(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("100.128.0.1")]
    [InlineData("198.20.0.1")]
    [InlineData("2606:4700::6810:84e5")]
    [InlineData("64:ff9b::5db8:d70e")] // NAT64 of a public address
    [InlineData("2002:5db8:d70e::1")] // 6to4 of a public address
    public void OutsideAddressesAreAllowed(string address)
    {
        Assert.True(AddressGuard.IsPublic(IPAddress.Parse(address)));
    }
}
