using System.Net;
using ChatCrm.Core.Accounts;
using ChatCrm.Tests.Fixtures;

namespace ChatCrm.Tests.Integration.SeveralServers;

/// <summary>
/// The limits that guard sign-in count once for all servers on one Redis: the code-mail cooldown and caps, the
/// stand-ins for codes that were not mailed, and the per-IP form-post limit.
/// </summary>
[Collection(SeveralServersGroup.Name)]
public sealed class SharedLimitsTests(PostgresFixture postgres, RedisFixture redis, SmtpServerFixture smtp) : IClassFixture<SmtpServerFixture>
{
    [Fact]
    public async Task ACodeMailedThroughOneServerStartsTheCooldownOnTheOtherAndTheCapsCountBoth()
    {
        var settings = await SettingsAsync(new() { ["ChatCrm:Accounts:CodesPerAddressPerHour"] = "3", ["ChatCrm:Accounts:ResendCooldownSeconds"] = "60" });
        await using var one = await CoreServices.StartAsync(settings: settings);
        await using var two = await CoreServices.StartAsync(settings: settings);
        var email = TestAddresses.New("limits");

        Assert.Null(await one.Get<ICodeSendThrottle>().TryAcquireAsync(email, CodePurpose.SignIn, "198.51.100.1"));
        var wait = await two.Get<ICodeSendThrottle>().TryAcquireAsync(email, CodePurpose.SignIn, "198.51.100.2");

        Assert.NotNull(wait);
        Assert.InRange(wait.Value, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(60));
        // A code killed by wrong tries ends the wait everywhere; the hourly cap still counts the sends of both.
        await two.Get<ICodeSendThrottle>().EndCooldownAsync(email, CodePurpose.SignIn);
        Assert.Null(await one.Get<ICodeSendThrottle>().TryAcquireAsync(email, CodePurpose.SignIn, "198.51.100.1"));
        await one.Get<ICodeSendThrottle>().EndCooldownAsync(email, CodePurpose.SignIn);
        Assert.Null(await two.Get<ICodeSendThrottle>().TryAcquireAsync(email, CodePurpose.SignIn, "198.51.100.2"));
        await two.Get<ICodeSendThrottle>().EndCooldownAsync(email, CodePurpose.SignIn);
        Assert.InRange((await one.Get<ICodeSendThrottle>().TryAcquireAsync(email, CodePurpose.SignIn, "198.51.100.1"))!.Value,
            TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(60));
    }

    [Fact]
    public async Task AStandInIssuedOnOneServerAnswersGuessesOnTheOtherAndItsTriesAddUp()
    {
        var settings = await SettingsAsync(new() { ["ChatCrm:Accounts:CodeMaxAttempts"] = "3" });
        await using var one = await CoreServices.StartAsync(settings: settings);
        await using var two = await CoreServices.StartAsync(settings: settings);
        var email = TestAddresses.New("nobody");
        Assert.Null(await two.Get<ICodeDecoys>().CheckAsync(email, CodePurpose.SignIn));

        await one.Get<ICodeDecoys>().IssueAsync(email, CodePurpose.SignIn);

        Assert.Equal(CodeCheckStatus.Invalid, (await two.Get<ICodeDecoys>().CheckAsync(email, CodePurpose.SignIn))!.Status);
        Assert.Equal(CodeCheckStatus.Invalid, (await one.Get<ICodeDecoys>().CheckAsync(email, CodePurpose.SignIn))!.Status);
        Assert.Equal(CodeCheckStatus.Exhausted, (await two.Get<ICodeDecoys>().CheckAsync(email, CodePurpose.SignIn))!.Status);
        Assert.Equal(CodeCheckStatus.Exhausted, (await one.Get<ICodeDecoys>().CheckAsync(email, CodePurpose.SignIn))!.Status);
        // A real code for the address takes the stand-in away on every server.
        await two.Get<ICodeDecoys>().ForgetAsync(email, CodePurpose.SignIn);
        Assert.Null(await one.Get<ICodeDecoys>().CheckAsync(email, CodePurpose.SignIn));
    }

    [Fact]
    public async Task FormPostsFromOneAddressAreLimitedOnceForBothServers()
    {
        var settings = await SettingsAsync(new() { ["ChatCrm:Accounts:AccountPostsPerIpPerMinute"] = "2" });
        using var one = new ChatCrmAppFactory(smtp, settings);
        using var two = new ChatCrmAppFactory(smtp, settings);
        using var onOne = one.CreateFormClient();
        using var onTwo = two.CreateFormClient();
        var fields = new Dictionary<string, string> { ["Input.Email"] = TestAddresses.New("nobody"), ["Input.Password"] = TestPasswords.New() };
        // The windows are whole minutes of the clock (RedisWindowLimiter): three posts across a minute's end would
        // count in two windows (seen once in CI at hh:mm:59), so they start clear of it.
        var intoMinute = DateTimeOffset.UtcNow.TimeOfDay.TotalSeconds % 60;
        if (intoMinute > 45) await Task.Delay(TimeSpan.FromSeconds(60.2 - intoMinute));

        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await onOne.SubmitAsync("/account/login", "login", fields)).Status);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await onTwo.SubmitAsync("/account/login", "login", fields)).Status);

        // The third post of the minute, on either server, is one too many.
        using var content = new FormUrlEncodedContent(await onOne.FillFormAsync("/account/login", "login", fields));
        using var refused = await onOne.Http.PostAsync("/account/login", content);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    private async Task<IReadOnlyDictionary<string, string?>> SettingsAsync(Dictionary<string, string?> more)
    {
        foreach (var (key, value) in redis.Settings(Guid.NewGuid().ToString("N")[..8])) more[key] = value;
        return await postgres.SettingsAsync(more);
    }
}
