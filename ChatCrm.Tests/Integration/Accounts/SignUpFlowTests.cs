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

        var registered = await Flows.RegisterAsync(Person("Eli Moss"), email, Password, Ip);
        var code = await Mail.WaitForCodeAsync(email, "Confirm your ChatCrm account");
        Assert.False((await _core.FindUserAsync(email)).EmailConfirmed, "The address counted as confirmed before the code came back.");
        var confirmed = await Flows.ConfirmSignUpAsync(email, code);

        Assert.Equal(SignInStatus.CodeSent, registered.Status);
        Assert.Equal(SignInStatus.SignedIn, confirmed.Status);
        var user = await _core.FindUserAsync(email);
        Assert.Equal(user.Id, confirmed.UserId);
        Assert.True(user.EmailConfirmed);
        Assert.Equal("Eli Moss", user.DisplayName);
        Assert.StartsWith("eli.moss", user.UserName, StringComparison.Ordinal);
        Assert.Equal([Roles.Client], await _core.WithUsersAsync(users => users.GetRolesAsync(user)));
        Assert.Equal(SignInStatus.InvalidCredentials, (await Flows.ConfirmSignUpAsync(email, code)).Status);
    }

    [Fact]
    public async Task RegisteringAConfirmedAddressMailsAnAlreadyHaveAnAccountNoteAndRepliesTheSame()
    {
        var existing = await _core.CreateUserAsync("Fay Orr", TestAddresses.New("fay"), Password);
        var fresh = TestAddresses.New("newcomer");

        var forFresh = await Flows.RegisterAsync(Person("Newcomer"), fresh, Password, Ip);
        var forExisting = await Flows.RegisterAsync(Person("Intruder"), existing.Email!, TestPasswords.New(), Ip);

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

        var outcome = await Flows.RegisterAsync(Person("Gus Hale"), email, "password12345!", Ip);

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
        await Flows.RegisterAsync(Person("Hana Ito"), email, Password, Ip);
        var first = await Mail.WaitForCodeAsync(email, "Confirm");

        _core.Clock.Advance(TimeSpan.FromSeconds(61)); // past the resend cooldown
        var again = await Flows.RegisterAsync(Person("Hana Ito"), email, Password, Ip);
        var second = await Mail.WaitForCodeAsync(email, "Confirm");

        Assert.Equal(SignInStatus.CodeSent, again.Status);
        if (first != second) Assert.Equal(SignInStatus.InvalidCredentials, (await Flows.ConfirmSignUpAsync(email, first)).Status);
        Assert.Equal(SignInStatus.SignedIn, (await Flows.ConfirmSignUpAsync(email, second)).Status);
    }

    [Fact]
    public async Task ASecondRegistrationWithinTheCooldownIsThrottled()
    {
        var email = TestAddresses.New("ivo");
        await Flows.RegisterAsync(Person("Ivo Lind"), email, Password, Ip);

        var again = await Flows.RegisterAsync(Person("Ivo Lind"), email, Password, Ip);

        Assert.Equal(SignInStatus.Throttled, again.Status);
        await _core.DeliverQueuedMailAsync();
        Assert.Single(Mail.MailTo(email));
    }

    [Fact]
    public async Task SignUpKeepsTheChosenUserNameAndMobileAndSaysATakenUserNameWhateverTheAddress()
    {
        var email = TestAddresses.New("jo");
        var jo = new SignUpPerson { FirstName = " Jo ", LastName = "Park", UserName = "Jo.Park" + Guid.NewGuid().ToString("N")[..6], Mobile = " +44 20 7946 0958 " };

        Assert.Equal(SignInStatus.CodeSent, (await Flows.RegisterAsync(jo, email, Password, Ip)).Status);
        var user = await _core.FindUserAsync(email);
        Assert.Equal(("Jo Park", jo.UserName.ToLowerInvariant(), "+44 20 7946 0958"), (user.DisplayName, user.UserName, user.PhoneNumber));

        // The same user name again: said, for a new address and for Jo's own alike, and nothing is mailed or made.
        var other = TestAddresses.New("kim");
        var forOther = await Flows.RegisterAsync(new SignUpPerson { FirstName = "Kim", LastName = "Li", UserName = jo.UserName.ToUpperInvariant() }, other, Password, Ip);
        var forJo = await Flows.RegisterAsync(jo, email, Password, "203.0.113.11");
        Assert.Equal((SignInStatus.InvalidCredentials, UserNames.Taken), (forOther.Status, forOther.Message));
        Assert.Equal(forOther, forJo);
        await _core.DeliverQueuedMailAsync();
        Assert.Empty(Mail.MailTo(other));
        Assert.Null(await _core.WithUsersAsync(users => users.FindByEmailAsync(other)));
        Assert.Equal(UserNames.PatternMessage, (await Flows.RegisterAsync(new SignUpPerson { FirstName = "A", LastName = "B", UserName = "no spaces" }, other, Password, Ip)).Message);
    }

    private static SignUpPerson Person(string name)
    {
        var parts = name.Split(' ', 2);
        return new SignUpPerson
        {
            FirstName = parts[0],
            LastName = parts.Length > 1 ? parts[1] : "Tester",
            UserName = $"{name.Replace(' ', '.').ToLowerInvariant()}.{Guid.NewGuid().ToString("N")[..6]}",
        };
    }
}
