using ChatCrm.Core.Accounts;
using ChatCrm.Tests.Fixtures;

namespace ChatCrm.Tests.Integration.Accounts;

/// <summary>AccountFlows: password reset and email change, each by a code from the delivered mail.</summary>
[Collection(SmtpServerGroup.Name)]
public sealed class RecoveryFlowTests(SmtpServerFixture smtp) : IAsyncLifetime
{
    private static readonly string Password = TestPasswords.New();
    private static readonly string NewPassword = TestPasswords.New();
    private const string Ip = "203.0.113.30";

    private CoreServices _core = null!;

    private AccountFlows Flows => _core.Get<AccountFlows>();

    private AccountChanges Changes => _core.Get<AccountChanges>();

    private SessionService Sessions => _core.Get<SessionService>();

    private Mailbox Mail => smtp.Mailbox;

    public async Task InitializeAsync() => _core = await CoreServices.StartAsync(smtp);

    public async Task DisposeAsync() => await _core.DisposeAsync();

    [Fact]
    public async Task ResettingThePasswordByCodeEndsEverySession()
    {
        var user = await _core.CreateUserAsync("Ola Dahl", TestAddresses.New("ola"), Password);
        var laptop = await Sessions.StartAsync(user.Id, Ip, "laptop");
        var phone = await Sessions.StartAsync(user.Id, Ip, "phone");

        var requested = await Flows.RequestPasswordResetAsync(user.Email!, Ip);
        var code = await Mail.WaitForCodeAsync(user.Email!, "Reset your ChatCrm password");
        var reset = await Flows.ResetPasswordAsync(user.Email!, code, NewPassword);

        Assert.Equal(SignInStatus.CodeSent, requested.Status);
        Assert.True(reset.Succeeded, reset.Error);
        Assert.False(await Sessions.ValidateAsync(laptop, user.Id, Ip));
        Assert.False(await Sessions.ValidateAsync(phone, user.Id, Ip));
        var stored = await _core.FindUserAsync(user.Email!);
        Assert.True(await _core.WithUsersAsync(users => users.CheckPasswordAsync(stored, NewPassword)));
        Assert.False(await _core.WithUsersAsync(users => users.CheckPasswordAsync(stored, Password)));
    }

    [Fact]
    public async Task AWeakNewPasswordDoesNotUseUpTheResetCode()
    {
        var user = await _core.CreateUserAsync("Pia Lund", TestAddresses.New("pia"), Password);
        await Flows.RequestPasswordResetAsync(user.Email!, Ip);
        var code = await Mail.WaitForCodeAsync(user.Email!, "Reset");

        var weak = await Flows.ResetPasswordAsync(user.Email!, code, "password12345!");
        var good = await Flows.ResetPasswordAsync(user.Email!, code, NewPassword);

        Assert.False(weak.Succeeded);
        Assert.True(good.Succeeded, good.Error);
    }

    [Fact]
    public async Task AResetRequestForAnUnknownAddressRepliesTheSameAndMailsNothing()
    {
        var known = await _core.CreateUserAsync("Quin Roy", TestAddresses.New("quin"), Password);
        var unknown = TestAddresses.New("ghost");

        var forKnown = await Flows.RequestPasswordResetAsync(known.Email!, Ip);
        var forUnknown = await Flows.RequestPasswordResetAsync(unknown, Ip);

        Assert.Equal(forKnown, forUnknown);
        await Mail.WaitForMailAsync(known.Email!, "Reset");
        await _core.DeliverQueuedMailAsync();
        Assert.Empty(Mail.MailTo(unknown));
    }

    [Fact]
    public async Task ChangingEmailByCodeMovesTheAccountToTheNewAddress()
    {
        var user = await _core.CreateUserAsync("Rae Holt", TestAddresses.New("rae"), Password);
        var newAddress = TestAddresses.New("rae.new");

        var requested = await Changes.RequestEmailChangeAsync(user.Id, newAddress, Ip);
        var code = await Mail.WaitForCodeAsync(newAddress, "Confirm your new ChatCrm email address");
        var unchangedMeanwhile = await _core.FindUserAsync(user.Email!);
        var confirmed = await Changes.ConfirmEmailChangeAsync(user.Id, code);

        Assert.Equal(SignInStatus.CodeSent, requested.Status);
        Assert.Equal(user.Id, unchangedMeanwhile.Id);
        Assert.True(confirmed.Succeeded, confirmed.Error);
        Assert.Equal(user.Id, (await _core.FindUserAsync(newAddress)).Id);
        Assert.Null(await _core.WithUsersAsync(users => users.FindByEmailAsync(user.Email!)));
        await _core.DeliverQueuedMailAsync();
        Assert.Empty(Mail.MailTo(user.Email!)); // the code goes to the address being proven, not the old one
    }

    [Fact]
    public async Task ChangingEmailToATakenAddressWarnsItsOwnerAndChangesNothing()
    {
        var user = await _core.CreateUserAsync("Sol Finch", TestAddresses.New("sol"), Password);
        var owner = await _core.CreateUserAsync("Tia Marsh", TestAddresses.New("tia"), Password);
        var free = TestAddresses.New("free");

        var forTaken = await Changes.RequestEmailChangeAsync(user.Id, owner.Email!, Ip);
        var forFree = await Changes.RequestEmailChangeAsync(user.Id, free, "203.0.113.31");

        Assert.Equal(forFree, forTaken);
        var warning = await Mail.WaitForMailAsync(owner.Email!);
        Assert.Contains("Someone tried to use your address", warning.Subject, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => Mailbox.ExtractCode(warning));
        Assert.Equal(user.Id, (await _core.FindUserAsync(user.Email!)).Id);
        Assert.Equal(owner.Id, (await _core.FindUserAsync(owner.Email!)).Id);
    }

    [Fact]
    public async Task AResetCodeIsTheWayBackAfterAFailedPasswordLockout()
    {
        var user = await _core.CreateUserAsync("Uma Bell", TestAddresses.New("uma"), Password);
        var failures = _core.Get<Microsoft.Extensions.Options.IOptions<AccountOptions>>().Value.MaxFailedAccessAttempts;
        for (var i = 0; i < failures; i++) await Flows.BeginPasswordSignInAsync(user.Email!, TestPasswords.New(), Ip);
        Assert.Equal(SignInStatus.LockedOut, (await Flows.BeginPasswordSignInAsync(user.Email!, Password, Ip)).Status);

        await Flows.RequestPasswordResetAsync(user.Email!, Ip);
        var code = await Mail.WaitForCodeAsync(user.Email!, "Reset");
        var reset = await Flows.ResetPasswordAsync(user.Email!, code, NewPassword);

        Assert.True(reset.Succeeded, reset.Error);
        _core.Clock.Advance(TimeSpan.FromSeconds(61)); // past the resend cooldown the reset mail started
        Assert.Equal(SignInStatus.CodeSent, (await Flows.BeginPasswordSignInAsync(user.Email!, NewPassword, Ip)).Status);
    }

    [Fact]
    public async Task AResetCodeIsNotMailedToAnAccountAnAdminLocked()
    {
        var admin = await _core.CreateUserAsync("Vic Admin", TestAddresses.New("vic"), Password, Roles.Admin);
        var user = await _core.CreateUserAsync("Wes Hart", TestAddresses.New("wes"), Password);
        Assert.True((await _core.Get<AdminAccountService>().LockAsync(new Actor(admin.Id, Roles.Admin), user.Id)).Succeeded);

        var requested = await Flows.RequestPasswordResetAsync(user.Email!, Ip);

        Assert.Equal(SignInStatus.CodeSent, requested.Status); // the same reply as always
        await _core.DeliverQueuedMailAsync();
        Assert.Empty(Mail.MailTo(user.Email!));
    }

    [Fact]
    public async Task WrongCodesForAnEmailChangeReadAlikeWhetherTheNewAddressIsTakenOrFree()
    {
        var toTaken = await _core.CreateUserAsync("Tess Taken", TestAddresses.New("tess"), Password);
        var toFree = await _core.CreateUserAsync("Finn Free", TestAddresses.New("finn"), Password);
        var owner = await _core.CreateUserAsync("Oona Owner", TestAddresses.New("oona"), Password);
        var free = TestAddresses.New("freeaddr");
        await Changes.RequestEmailChangeAsync(toTaken.Id, owner.Email!, Ip);
        await Changes.RequestEmailChangeAsync(toFree.Id, free, "203.0.113.32");
        var code = await Mail.WaitForCodeAsync(free);
        var wrong = code == "000000" ? "111111" : "000000";

        var takenReplies = new List<string?>();
        var freeReplies = new List<string?>();
        for (var i = 0; i < 4; i++)
        {
            takenReplies.Add((await Changes.ConfirmEmailChangeAsync(toTaken.Id, wrong)).Error);
            freeReplies.Add((await Changes.ConfirmEmailChangeAsync(toFree.Id, wrong)).Error);
        }

        Assert.Equal(freeReplies, takenReplies);
        Assert.Contains("not right", takenReplies[0], StringComparison.Ordinal);
        Assert.Contains("no longer works", takenReplies[2], StringComparison.Ordinal);
    }
}
