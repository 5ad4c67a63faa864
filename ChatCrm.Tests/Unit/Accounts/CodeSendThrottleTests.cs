using ChatCrm.Core.Accounts;
using ChatCrm.Tests.Fixtures;
using Microsoft.Extensions.Options;

namespace ChatCrm.Tests.Unit.Accounts;

public sealed class CodeSendThrottleTests
{
    private readonly ShiftableClock _clock = new();

    [Fact]
    public void ASecondCodeWithinTheCooldownIsRefusedWithTheRemainingWait()
    {
        var throttle = Throttle(cooldownSeconds: 60);
        Assert.True(throttle.TryAcquire("ann@example.test", CodePurpose.SignIn, "10.0.0.1", out _));

        _clock.Advance(TimeSpan.FromSeconds(20));
        // Case and spaces do not make a new address.
        Assert.False(throttle.TryAcquire("  ANN@example.test ", CodePurpose.SignIn, "10.0.0.2", out var wait));
        Assert.InRange(wait, TimeSpan.FromSeconds(35), TimeSpan.FromSeconds(40));

        _clock.Advance(TimeSpan.FromSeconds(41));
        Assert.True(throttle.TryAcquire("ann@example.test", CodePurpose.SignIn, "10.0.0.1", out _));
    }

    [Fact]
    public void TheCooldownHoldsOnlyTheSamePurpose()
    {
        var throttle = Throttle(cooldownSeconds: 60);
        Assert.True(throttle.TryAcquire("dee@example.test", CodePurpose.ConfirmSignUp, "10.0.0.1", out _));
        // Confirming a sign-up, then signing in on another device at once, is not a resend.
        Assert.True(throttle.TryAcquire("dee@example.test", CodePurpose.SignIn, "10.0.0.1", out _));
        Assert.False(throttle.TryAcquire("dee@example.test", CodePurpose.SignIn, "10.0.0.1", out _));
    }

    [Fact]
    public void AnAddressGetsOnlyItsHourlyCapEvenFromManyIps()
    {
        var throttle = Throttle(cooldownSeconds: 1, perAddress: 3);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(throttle.TryAcquire("bob@example.test", CodePurpose.SignIn, $"10.0.1.{i}", out _), $"send {i + 1} of 3 was refused");
            _clock.Advance(TimeSpan.FromSeconds(2));
        }

        Assert.False(throttle.TryAcquire("bob@example.test", CodePurpose.SignIn, "10.0.1.9", out var wait));
        Assert.True(wait > TimeSpan.FromMinutes(55), $"Expected to wait for the oldest send to age out, got {wait}.");
        Assert.True(throttle.TryAcquire("someone.else@example.test", CodePurpose.SignIn, "10.0.1.9", out _));

        _clock.Advance(TimeSpan.FromHours(1));
        Assert.True(throttle.TryAcquire("bob@example.test", CodePurpose.SignIn, "10.0.1.9", out _));
    }

    [Fact]
    public void AnIpGetsOnlyItsHourlyCapAcrossAddresses()
    {
        var throttle = Throttle(perIp: 3);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(throttle.TryAcquire($"person{i}@example.test", CodePurpose.SignIn, "192.0.2.7", out _), $"address {i + 1} of 3 was refused");
        }

        Assert.False(throttle.TryAcquire("person3@example.test", CodePurpose.SignIn, "192.0.2.7", out var wait));
        Assert.True(wait > TimeSpan.FromMinutes(55), $"Expected to wait about an hour, got {wait}.");
        Assert.True(throttle.TryAcquire("person3@example.test", CodePurpose.SignIn, "192.0.2.8", out _));
    }

    [Fact]
    public void ARefusedRequestDoesNotCountTowardTheCap()
    {
        var throttle = Throttle(cooldownSeconds: 10, perAddress: 2);
        Assert.True(throttle.TryAcquire("cy@example.test", CodePurpose.SignIn, null, out _));
        for (var i = 0; i < 5; i++) Assert.False(throttle.TryAcquire("cy@example.test", CodePurpose.SignIn, null, out _));

        _clock.Advance(TimeSpan.FromSeconds(11));
        Assert.True(throttle.TryAcquire("cy@example.test", CodePurpose.SignIn, null, out _));
    }

    private CodeSendThrottle Throttle(int cooldownSeconds = 60, int perAddress = 5, int perIp = 30) =>
        new(Options.Create(new AccountOptions
        {
            ResendCooldownSeconds = cooldownSeconds,
            CodesPerAddressPerHour = perAddress,
            CodesPerIpPerHour = perIp,
        }), _clock);
}
