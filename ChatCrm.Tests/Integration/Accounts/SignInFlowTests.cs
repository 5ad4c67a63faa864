using System.Globalization;
using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Tests.Fixtures;

namespace ChatCrm.Tests.Integration.Accounts;

/// <summary>AccountFlows: password plus mailed code, code-only sign-in, and lockout.</summary>
[Collection(SmtpServerGroup.Name)]
public sealed class SignInFlowTests(SmtpServerFixture smtp) : IAsyncLifetime
{
    private static readonly string Password = TestPasswords.New();
    private const string Ip = "203.0.113.20";

    private CoreServices _core = null!;

    private AccountFlows Flows => _core.Get<AccountFlows>();

    private Mailbox Mail => smtp.Mailbox;

    public async Task InitializeAsync() =>
        _core = await CoreServices.StartAsync(smtp, new Dictionary<string, string?>
        {
            ["ChatCrm:Accounts:MaxFailedAccessAttempts"] = "3",
            ["ChatCrm:Accounts:LockoutMinutes"] = "15",
        });

    public async Task DisposeAsync() => await _core.DisposeAsync();

    [Fact]
    public async Task TheRightPasswordMailsACodeThatSignsIn()
    {
        var user = await _core.CreateUserAsync("Jo Kim", TestAddresses.New("jo"), Password);

        var begun = await Flows.BeginPasswordSignInAsync(user.Email!, Password, Ip);
        var code = await Mail.WaitForCodeAsync(user.Email!, "sign-in code");
        var completed = await Flows.CompleteSignInAsync(user.Email!, code);

        Assert.Equal(SignInStatus.CodeSent, begun.Status);
        Assert.Equal(SignInStatus.SignedIn, completed.Status);
        Assert.Equal(user.Id, completed.UserId);
    }

    [Fact]
    public async Task WrongPasswordsLockTheAccountAndTheOwnerIsToldUntilWhenByMail()
    {
        var user = await _core.CreateUserAsync("Kai Berg", TestAddresses.New("kai"), Password);

        var first = await Flows.BeginPasswordSignInAsync(user.Email!, TestPasswords.New(), Ip);
        var second = await Flows.BeginPasswordSignInAsync(user.Email!, TestPasswords.New(), Ip);
        var third = await Flows.BeginPasswordSignInAsync(user.Email!, TestPasswords.New(), Ip);
        var rightButLocked = await Flows.BeginPasswordSignInAsync(user.Email!, Password, Ip);

        Assert.Equal(SignInStatus.InvalidCredentials, first.Status);
        Assert.Equal(SignInStatus.InvalidCredentials, second.Status);
        Assert.Equal(SignInStatus.LockedOut, third.Status);
        var lockedUntil = (await _core.FindUserAsync(user.Email!)).LockoutEnd;
        Assert.NotNull(lockedUntil);
        Assert.InRange(lockedUntil.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        // The page says the same sentence for a wrong password and a locked account; the owner's mail says until when.
        Assert.All(new[] { first, second, third, rightButLocked }, o => Assert.Equal(Flows.SignInFailedReply, o.Message));
        Assert.Equal(SignInStatus.LockedOut, rightButLocked.Status);
        await _core.DeliverQueuedMailAsync();
        var notice = Assert.Single(Mail.MailTo(user.Email!));
        Assert.Contains($"locked until {lockedUntil.Value.UtcDateTime.ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture)} (UTC).",
            notice.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLockNoticeAndTheLockedMessageReadInTheOwnersZone()
    {
        var user = await _core.CreateUserAsync("Noa Lind", TestAddresses.New("noa"), Password);
        Assert.True((await _core.Get<ProfileService>().SetTimeZoneAsync(new Actor(user.Id, Roles.Client), "America/New_York")).Succeeded);
        for (var i = 0; i < 3; i++) await Flows.BeginPasswordSignInAsync(user.Email!, TestPasswords.New(), Ip);
        var lockedUntil = (await _core.FindUserAsync(user.Email!)).LockoutEnd!.Value;
        var expected = ReaderTime.For("America/New_York").Long(lockedUntil);

        await _core.DeliverQueuedMailAsync();

        var notice = Assert.Single(Mail.MailTo(user.Email!));
        Assert.Contains($"locked until {expected}.", notice.TextBody, StringComparison.Ordinal);
        Assert.EndsWith("(America/New_York)", expected, StringComparison.Ordinal);
        Assert.Contains("Too many failed attempts. This account is locked until " + expected, SignInOutcome.Locked(lockedUntil, ReaderTime.For("America/New_York")).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongCodesCountTowardLockoutLikeWrongPasswords()
    {
        var user = await _core.CreateUserAsync("Lea Voss", TestAddresses.New("lea"), Password);
        await Flows.BeginPasswordSignInAsync(user.Email!, Password, Ip);
        var code = await Mail.WaitForCodeAsync(user.Email!, "sign-in code");
        var wrong = code == "000000" ? "000001" : "000000";

        var outcomes = new List<SignInStatus>();
        for (var i = 0; i < 3; i++) outcomes.Add((await Flows.CompleteSignInAsync(user.Email!, wrong)).Status);

        Assert.Equal([SignInStatus.InvalidCredentials, SignInStatus.InvalidCredentials, SignInStatus.LockedOut], outcomes);
        Assert.True((await _core.FindUserAsync(user.Email!)).LockoutEnd > DateTimeOffset.UtcNow);
        Assert.Equal(SignInStatus.LockedOut, (await Flows.CompleteSignInAsync(user.Email!, code)).Status);
        Assert.Contains("locked", (await Mail.WaitForMailAsync(user.Email!)).Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CodeSignInForAnUnknownAddressRepliesLikeAKnownOneAndMailsNothing()
    {
        var known = await _core.CreateUserAsync("Max Ruiz", TestAddresses.New("max"), Password);
        var unknown = TestAddresses.New("nobody");

        var forKnown = await Flows.SendSignInCodeAsync(known.Email!, Ip);
        var forUnknown = await Flows.SendSignInCodeAsync(unknown, Ip);

        Assert.Equal(forKnown, forUnknown);
        var code = await Mail.WaitForCodeAsync(known.Email!, "sign-in code");
        // Mail is written before the SMTP server answers, so anything sent to the unknown address would be here now.
        await _core.DeliverQueuedMailAsync();
        Assert.Empty(Mail.MailTo(unknown));
        Assert.Equal(SignInStatus.SignedIn, (await Flows.CompleteSignInAsync(known.Email!, code)).Status);
    }

    [Fact]
    public async Task ThePasswordStepOfAnUnconfirmedAccountMailsAConfirmationCodeInstead()
    {
        var user = await _core.CreateUserAsync("Nia Cole", TestAddresses.New("nia"), Password, confirmed: false);

        var begun = await Flows.BeginPasswordSignInAsync(user.Email!, Password, Ip);
        var code = await Mail.WaitForCodeAsync(user.Email!, "Confirm your ChatCrm account");

        Assert.Equal(SignInStatus.NotConfirmed, begun.Status);
        Assert.Equal(SignInStatus.SignedIn, (await Flows.ConfirmSignUpAsync(user.Email!, code)).Status);
    }
}
