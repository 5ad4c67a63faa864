using System.Globalization;
using ChatCrm.Core.Accounts;
using ChatCrm.Tests.Fixtures;

namespace ChatCrm.Tests.Integration.Accounts;

/// <summary>
/// Codes are only ever read from the mail the SMTP server received: the app mails a sign-in code (AccountFlows), the
/// test takes it from the mailbox and hands it to EmailCodeService as a person would type it.
/// </summary>
[Collection(SmtpServerGroup.Name)]
public sealed class EmailCodeServiceTests(SmtpServerFixture smtp) : IAsyncLifetime
{
    private static readonly string Password = TestPasswords.New();

    private CoreServices _core = null!;
    private AppUser _user = null!;

    private EmailCodeService Codes => _core.Get<EmailCodeService>();

    public async Task InitializeAsync()
    {
        _core = await CoreServices.StartAsync(smtp);
        _user = await _core.CreateUserAsync("Dana Park", TestAddresses.New("dana"), Password);
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    [Fact]
    public async Task AValidCodeWorksOnce()
    {
        var code = await MailSignInCodeAsync();

        var first = await Codes.VerifyAsync(_user.Id, CodePurpose.SignIn, code);
        var second = await Codes.VerifyAsync(_user.Id, CodePurpose.SignIn, code);

        Assert.Equal(CodeCheckStatus.Valid, first.Status);
        Assert.Equal(_user.Email, first.SentTo);
        Assert.Equal(CodeCheckStatus.Invalid, second.Status);
    }

    [Fact]
    public async Task SpacesInATypedCodeDoNotMatter()
    {
        var code = await MailSignInCodeAsync();

        var check = await Codes.VerifyAsync(_user.Id, CodePurpose.SignIn, $" {code[..3]} {code[3..]} ");

        Assert.Equal(CodeCheckStatus.Valid, check.Status);
    }

    [Fact]
    public async Task WrongCodeThreeTimesKillsTheCode()
    {
        var code = await MailSignInCodeAsync();
        var wrong = Wrong(code);

        var tries = new List<CodeCheckStatus>();
        for (var i = 0; i < 3; i++) tries.Add((await Codes.VerifyAsync(_user.Id, CodePurpose.SignIn, wrong)).Status);
        var rightAfterwards = await Codes.VerifyAsync(_user.Id, CodePurpose.SignIn, code);

        Assert.Equal([CodeCheckStatus.Invalid, CodeCheckStatus.Invalid, CodeCheckStatus.Exhausted], tries);
        Assert.False(rightAfterwards.IsValid, "The right code still worked after three wrong tries.");
    }

    [Fact]
    public async Task TwoWrongTriesLeaveTheCodeUsable()
    {
        var code = await MailSignInCodeAsync();

        await Codes.VerifyAsync(_user.Id, CodePurpose.SignIn, Wrong(code));
        await Codes.VerifyAsync(_user.Id, CodePurpose.SignIn, "abcdef");

        Assert.True((await Codes.VerifyAsync(_user.Id, CodePurpose.SignIn, code)).IsValid);
    }

    [Fact]
    public async Task AnExpiredCodeFails()
    {
        var code = await MailSignInCodeAsync();

        _core.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var check = await Codes.VerifyAsync(_user.Id, CodePurpose.SignIn, code);

        Assert.Equal(CodeCheckStatus.Expired, check.Status);
        Assert.Contains("expired", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACodeStillWorksJustBeforeItExpires()
    {
        var code = await MailSignInCodeAsync();

        _core.Clock.Advance(TimeSpan.FromMinutes(4.5));

        Assert.True((await Codes.VerifyAsync(_user.Id, CodePurpose.SignIn, code)).IsValid);
    }

    [Fact]
    public async Task ANewerCodeRetiresTheOlderOne()
    {
        var older = await MailSignInCodeAsync();
        var newer = await MailSignInCodeAsync();
        // Two random codes match once in a million; then ask again, so the test checks what it means to.
        while (newer == older) newer = await MailSignInCodeAsync();

        var olderCheck = await Codes.VerifyAsync(_user.Id, CodePurpose.SignIn, older);
        var newerCheck = await Codes.VerifyAsync(_user.Id, CodePurpose.SignIn, newer);

        Assert.False(olderCheck.IsValid, "The older code still worked after a newer one was mailed.");
        Assert.True(newerCheck.IsValid);
    }

    [Fact]
    public async Task ASignInCodeDoesNotConfirmAPasswordReset()
    {
        var code = await MailSignInCodeAsync();

        var asReset = await Codes.VerifyAsync(_user.Id, CodePurpose.ResetPassword, code);
        var asEmailChange = await Codes.VerifyAsync(_user.Id, CodePurpose.ChangeEmail, code);
        var reset = await _core.Get<AccountFlows>().ResetPasswordAsync(_user.Email!, code, "a brand new passphrase here");

        Assert.Equal(CodeCheckStatus.Invalid, asReset.Status);
        Assert.Equal(CodeCheckStatus.Invalid, asEmailChange.Status);
        Assert.False(reset.Succeeded);
        var user = await _core.FindUserAsync(_user.Email!);
        Assert.True(await _core.WithUsersAsync(users => users.CheckPasswordAsync(user, Password)), "The password changed.");
        // The code is still good for what it was mailed for.
        Assert.True((await Codes.VerifyAsync(_user.Id, CodePurpose.SignIn, code)).IsValid);
    }

    /// <summary>Asks the app to mail a sign-in code, past the resend cooldown, and reads it from the delivered mail.</summary>
    private async Task<string> MailSignInCodeAsync()
    {
        _core.Clock.Advance(TimeSpan.FromSeconds(61));
        var outcome = await _core.Get<AccountFlows>().SendSignInCodeAsync(_user.Email!, "198.51.100.7");
        Assert.Equal(SignInStatus.CodeSent, outcome.Status);
        return await smtp.Mailbox.WaitForCodeAsync(_user.Email!, "sign-in code");
    }

    private static string Wrong(string code) =>
        ((int.Parse(code, CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
}
