using ChatCrm.Core.Accounts;
using ChatCrm.Tests.Fixtures;

namespace ChatCrm.Tests.Integration.Accounts;

/// <summary>AccountFlows: sign-up and its confirmation code, with the code taken from the delivered mail.</summary>
[Collection(SmtpServerGroup.Name)]
public sealed class SignUpFlowTests(SmtpServerFixture smtp) : IAsyncLifetime
{
    private static readonly string Password = TestPasswords.New();
    private const string Ip = "203.0.113.10";

    private CoreServices _core = null!;

    private AccountFlows Flows => _core.Get<AccountFlows>();

    private Mailbox Mail => smtp.Mailbox;

    public async Task InitializeAsync() => _core = await CoreServices.StartAsync(smtp);

    public async Task DisposeAsync() => await _core.DisposeAsync();

    [Fact]
    public async Task RegisteringMailsACodeThatConfirmsTheAddressAndSignsIn()
    {
        var email = TestAddresses.New("eli");

        var registered = await Flows.RegisterAsync("Eli Moss", email, Password, Ip);
        var code = await Mail.WaitForCodeAsync(email, "Confirm your ChatCrm account");
        Assert.False((await _core.FindUserAsync(email)).EmailConfirmed, "The address counted as confirmed before the code came back.");
        var confirmed = await Flows.ConfirmSignUpAsync(email, code);

        Assert.Equal(SignInStatus.CodeSent, registered.Status);
        Assert.Equal(SignInStatus.SignedIn, confirmed.Status);
        var user = await _core.FindUserAsync(email);
        Assert.Equal(user.Id, confirmed.UserId);
        Assert.True(user.EmailConfirmed);
        Assert.Equal("Eli Moss", user.DisplayName);
        Assert.Equal([Roles.Client], await _core.WithUsersAsync(users => users.GetRolesAsync(user)));
        Assert.Equal(SignInStatus.InvalidCredentials, (await Flows.ConfirmSignUpAsync(email, code)).Status);
    }

    [Fact]
    public async Task RegisteringAConfirmedAddressMailsAnAlreadyHaveAnAccountNoteAndRepliesTheSame()
    {
        var existing = await _core.CreateUserAsync("Fay Orr", TestAddresses.New("fay"), Password);
        var fresh = TestAddresses.New("newcomer");

        var forFresh = await Flows.RegisterAsync("Newcomer", fresh, Password, Ip);
        var forExisting = await Flows.RegisterAsync("Intruder", existing.Email!, TestPasswords.New(), Ip);

        Assert.Equal(forFresh, forExisting);
        var note = await Mail.WaitForMailAsync(existing.Email!);
        Assert.Contains("already have a ChatCrm account", note.Subject, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => Mailbox.ExtractCode(note)); // no code to use
        await _core.DeliverQueuedMailAsync();
        Assert.Single(Mail.MailTo(existing.Email!));
        var user = await _core.FindUserAsync(existing.Email!);
        Assert.Equal("Fay Orr", user.DisplayName);
        Assert.True(await _core.WithUsersAsync(users => users.CheckPasswordAsync(user, Password)), "The existing account's password changed.");
    }

    [Fact]
    public async Task RegisteringWithACommonPasswordIsRefusedAndMailsNothing()
    {
        var email = TestAddresses.New("gus");

        var outcome = await Flows.RegisterAsync("Gus Hale", email, "password12345!", Ip);

        Assert.Equal(SignInStatus.InvalidCredentials, outcome.Status);
        Assert.Contains("too common", outcome.Message, StringComparison.Ordinal);
        await _core.DeliverQueuedMailAsync();
        Assert.Empty(Mail.MailTo(email));
        Assert.Null(await _core.WithUsersAsync(users => users.FindByEmailAsync(email)));
    }

    [Fact]
    public async Task RegisteringAgainBeforeConfirmingMailsANewCodeAndOnlyThatOneWorks()
    {
        var email = TestAddresses.New("hana");
        await Flows.RegisterAsync("Hana Ito", email, Password, Ip);
        var first = await Mail.WaitForCodeAsync(email, "Confirm");

        _core.Clock.Advance(TimeSpan.FromSeconds(61)); // past the resend cooldown
        var again = await Flows.RegisterAsync("Hana Ito", email, Password, Ip);
        var second = await Mail.WaitForCodeAsync(email, "Confirm");

        Assert.Equal(SignInStatus.CodeSent, again.Status);
        if (first != second) Assert.Equal(SignInStatus.InvalidCredentials, (await Flows.ConfirmSignUpAsync(email, first)).Status);
        Assert.Equal(SignInStatus.SignedIn, (await Flows.ConfirmSignUpAsync(email, second)).Status);
    }

    [Fact]
    public async Task ASecondRegistrationWithinTheCooldownIsThrottled()
    {
        var email = TestAddresses.New("ivo");
        await Flows.RegisterAsync("Ivo Lind", email, Password, Ip);

        var again = await Flows.RegisterAsync("Ivo Lind", email, Password, Ip);

        Assert.Equal(SignInStatus.Throttled, again.Status);
        await _core.DeliverQueuedMailAsync();
        Assert.Single(Mail.MailTo(email));
    }
}
