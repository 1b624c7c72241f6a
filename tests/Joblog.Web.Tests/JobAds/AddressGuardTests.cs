using System.Net;
using Joblog.Web.Features.JobAds;
using Shouldly;

namespace Joblog.Web.Tests.JobAds;

/// <summary>Which addresses the job-ad reader may connect to: public unicast only, in IPv4 and IPv6.</summary>
public sealed class AddressGuardTests
{
    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("10.1.2.3")]
    [InlineData("100.64.0.1")]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.255.254")]
    [InlineData("169.254.169.254")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.0.10")]
    [InlineData("192.0.2.1")]
    [InlineData("198.18.0.1")]
    [InlineData("224.0.0.251")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::127.0.0.1")]
    [InlineData("64:ff9b::7f00:1")]
    [InlineData("fe80::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456:789a::1")]
    [InlineData("ff02::1")]
    [InlineData("2001:db8::1")]
    [InlineData("2002:7f00:1::1")]
    public void loopback_private_link_local_unique_local_multicast_and_special_addresses_are_refused(string address) =>
        AddressGuard.IsPublic(IPAddress.Parse(address)).ShouldBeFalse();

    [Theory]
    [InlineData("1.1.1.1")]
    [InlineData("80.62.116.1")]
    [InlineData("172.32.0.1")]
    [InlineData("192.169.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("::ffff:93.184.216.34")]
    [InlineData("64:ff9b::5db8:d822")]
    [InlineData("2a00:1450:4001:82b::200e")]
    [InlineData("2001:4860:4860::8888")]
    public void public_addresses_are_allowed(string address) =>
        AddressGuard.IsPublic(IPAddress.Parse(address)).ShouldBeTrue();
}
