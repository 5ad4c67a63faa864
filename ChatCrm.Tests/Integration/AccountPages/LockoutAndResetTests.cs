using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ChatCrm.Tests.Fixtures;

namespace ChatCrm.Tests.Integration.AccountPages;

[Collection(AccountPagesGroup.Name)]
public sealed partial class LockoutAndResetTests(SmtpServerFixture smtp) : AccountPagesTestBase(smtp)
{
    private static Task<PageResponse> PasswordStepAsync(FormClient client, string email, string password) =>
        client.SubmitAsync("/account/login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountTheOwnerIsMailedUntilWhenAndThePageSaysWhatItSaysToEveryone()
    {
        var email = UniqueEmail("locked");
        await App.CreateUserAsync("Lou Locked", email, GoodPassword);
        using var client = App.CreateFormClient();
        var replies = new List<string>();
        var wrong = TestPasswords.New();
        for (var i = 0; i < 5; i++) replies.Add(StatusLine((await PasswordStepAsync(client, email, wrong)).Html));

        // Even the right password is refused now, and no code is mailed: only the lock notice.
        var right = await PasswordStepAsync(client, email, GoodPassword);
        replies.Add(StatusLine(right.Html));
        var unknown = await PasswordStepAsync(client, UniqueEmail("nobody"), wrong);

        Assert.All(replies, r => Assert.Equal(StatusLine(unknown.Html), r));
        Assert.Contains("Wrong email or password", replies[0], StringComparison.Ordinal);
        await App.DeliverQueuedMailAsync();
        var notice = Assert.Single(Mailbox.MailTo(email));
        Assert.Contains("locked", notice.Subject, StringComparison.Ordinal);

        // The promised end: the configured 15 minutes from now (this test does not move the app's clock).
        // A new account has no zone yet (its browser never opened a live page): the notice says UTC.
        var until = DateTimeOffset.ParseExact(LockedUntil().Match(notice.TextBody).Groups[1].Value, "dddd d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal);
        Assert.InRange(until - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(13.9), TimeSpan.FromMinutes(15));
    }

    private static string StatusLine(string html) => StatusAlert().Match(html).Value;

    // The refusal's alert (StatusMessage): its role and colour, and its sentence.
    [GeneratedRegex("<div role=\"alert\" class=\"mud-alert [^\"]*\">.*?<div class=\"mud-alert-message\">[^<]*</div>", RegexOptions.Singleline)]
    private static partial Regex StatusAlert();

    [GeneratedRegex(@"locked until (\w+ \d{1,2} \w+ \d{4}, \d{2}:\d{2}) \(UTC\)")]
    private static partial Regex LockedUntil();

    [Fact]
    public async Task PasswordResetByCodeSetsTheNewPasswordAndSignsOutEveryDevice()
    {
        var email = UniqueEmail("reset");
        await App.CreateUserAsync("Rita Reset", email, GoodPassword);
        using var signedIn = await App.SignedInClientAsync(email, GoodPassword);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/")).Status);

        using var client = App.CreateFormClient();
        Assert.Equal("/account/reset", (await client.SubmitAsync("/account/forgot", "forgot", new() { ["Input.Email"] = email })).RedirectPath);
        var code = await Mailbox.WaitForCodeAsync(email, "Reset your ChatCrm password");

        var weak = await client.SubmitAsync("/account/reset", "reset", new() { ["Input.Code"] = code, ["Input.Password"] = "qwertyuiop123" });
        Assert.Contains("too common", weak.Text, StringComparison.Ordinal);

        var newPassword = TestPasswords.New();
        var reset = await client.SubmitAsync("/account/reset", "reset", new() { ["Input.Code"] = code, ["Input.Password"] = newPassword });
        Assert.Equal("/account/login", reset.RedirectPath);

        Assert.Equal("/account/login", (await signedIn.GetAsync("/")).RedirectPath);
        Assert.Contains("Wrong email or password", (await PasswordStepAsync(client, email, GoodPassword)).Text, StringComparison.Ordinal);
        using var again = await App.SignedInClientAsync(email, newPassword);
    }

    [Fact]
    public async Task SigningOutEndsTheSessionSoACopiedCookieNoLongerWorks()
    {
        var email = UniqueEmail("signout");
        await App.CreateUserAsync("Sam Signout", email, GoodPassword);
        using var client = await App.SignedInClientAsync(email, GoodPassword);

        // Someone copied the cookie before the sign-out.
        var copied = new CookieContainer();
        copied.Add(client.Cookies.GetAllCookies());
        using var thief = App.CreateFormClient(copied);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/account/manage/password")).Status);

        var signedOut = await client.SubmitAsync("/account/manage/password", "/account/logout", "logout", new() { ["returnUrl"] = "/account/login" });
        Assert.Equal("/account/login", signedOut.RedirectPath);
        Assert.Equal("/account/login", (await client.GetAsync("/")).RedirectPath);
        Assert.Equal("/account/login", (await thief.GetAsync("/account/manage/password")).RedirectPath);
    }
}

[Collection(AccountPagesGroup.Name)]
public sealed class ChangePasswordTests(SmtpServerFixture smtp) : AccountPagesTestBase(smtp)
{
    [Fact]
    public async Task ChangingThePasswordCanSignOutTheOtherDevicesAndKeepsThisOne()
    {
        var email = UniqueEmail("change");
        await App.CreateUserAsync("Cleo Change", email, GoodPassword);
        var newPassword = TestPasswords.New();
        using var laptop = await App.SignedInClientAsync(email, GoodPassword);
        using var phone = await App.SignedInClientAsync(email, GoodPassword);

        var wrong = await laptop.SubmitAsync("/account/manage/password", "change-password", new()
        {
            ["Input.CurrentPassword"] = TestPasswords.New(),
            ["Input.NewPassword"] = newPassword,
            ["Input.EndOtherSessions"] = "true",
        });
        Assert.Contains("Incorrect password", wrong.Text, StringComparison.Ordinal);

        var changed = await laptop.SubmitAsync("/account/manage/password", "change-password", new()
        {
            ["Input.CurrentPassword"] = GoodPassword,
            ["Input.NewPassword"] = newPassword,
            ["Input.EndOtherSessions"] = "true",
        });
        Assert.Equal("/account/manage/password", changed.RedirectPath);
        Assert.Contains("other devices are signed out", (await laptop.GetAsync("/account/manage/password")).Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/")).Status);
        Assert.Equal("/account/login", (await phone.GetAsync("/")).RedirectPath);
    }

    [Fact]
    public async Task AvatarsAreOnlyServedToSignedInPeople()
    {
        var user = await App.CreateUserAsync("Ava Tar", UniqueEmail("avatar"), GoodPassword);
        using var anonymous = App.CreateFormClient();
        Assert.Equal("/account/login", (await anonymous.GetAsync($"/files/avatars/{user.Id}")).RedirectPath);
        using var signedIn = await App.SignedInClientAsync(user.Email!, GoodPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await signedIn.GetAsync($"/files/avatars/{user.Id}")).Status);
    }
}
