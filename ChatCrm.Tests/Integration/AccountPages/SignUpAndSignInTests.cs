using System.Net;
using ChatCrm.Tests.Fixtures;

namespace ChatCrm.Tests.Integration.AccountPages;

[Collection(AccountPagesGroup.Name)]
public sealed class SignUpAndSignInTests(SmtpServerFixture smtp) : AccountPagesTestBase(smtp)
{
    [Fact]
    public async Task SignUpThenConfirmCodeSignsInAndLaterSignInNeedsPasswordAndCode()
    {
        var email = UniqueEmail("newcomer");
        using var client = App.CreateFormClient();

        var registered = await client.SubmitAsync("/account/register", "register", new()
        {
            ["Input.FirstName"] = "Nora",
            ["Input.LastName"] = "Newcomer",
            ["Input.UserName"] = "nora." + Guid.NewGuid().ToString("N")[..10],
            ["Input.Email"] = email,
            ["Input.Password"] = GoodPassword,
            ["Input.ConfirmPassword"] = GoodPassword,
        });
        Assert.Equal("/account/register/confirm", registered.RedirectPath);

        // Not confirmed yet: the dashboard still sends the person to sign in.
        Assert.Equal("/account/login", (await client.GetAsync("/")).RedirectPath);

        var code = await Mailbox.WaitForCodeAsync(email, "Confirm your ChatCrm account");
        var confirmed = await client.SubmitAsync("/account/register/confirm", "confirm-code", new() { ["Input.Code"] = code });
        Assert.Equal("/", confirmed.RedirectPath);
        var dashboard = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, dashboard.Status);

        // A new browser: password, then a fresh code by mail.
        using var second = await App.SignedInClientAsync(email, GoodPassword);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/")).Status);
    }

    [Fact]
    public async Task ARefusedFormNeverWritesThePasswordBackIntoThePage()
    {
        using var client = App.CreateFormClient();
        var secret = TestPasswords.New();

        var signUp = await client.SubmitAsync("/account/register", "register", new()
        {
            ["Input.FirstName"] = "Nora",
            ["Input.LastName"] = "Newcomer",
            ["Input.UserName"] = "nora." + Guid.NewGuid().ToString("N")[..10],
            ["Input.Email"] = "x@x.test' --",
            ["Input.Password"] = secret,
            ["Input.ConfirmPassword"] = secret,
        });
        var signIn = await client.SubmitAsync("/account/login", "login", new() { ["Input.Email"] = UniqueEmail("nobody"), ["Input.Password"] = secret });

        Assert.Equal(HttpStatusCode.OK, signUp.Status);
        Assert.Contains("not an email address we can send mail to", signUp.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, signIn.Status);
        Assert.DoesNotContain(secret, signUp.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, signIn.Html, StringComparison.Ordinal);
        // The other fields keep what was typed, so only the password is typed again.
        Assert.Contains("value=\"Newcomer\"", signUp.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WeakOrCommonPasswordIsRefusedWithAMessageAndNoMail()
    {
        var email = UniqueEmail("weak");
        using var client = App.CreateFormClient();
        var page = await client.SubmitAsync("/account/register", "register", new()
        {
            ["Input.FirstName"] = "Walter",
            ["Input.LastName"] = "Weak",
            ["Input.UserName"] = "walter." + Guid.NewGuid().ToString("N")[..10],
            ["Input.Email"] = email,
            ["Input.Password"] = "password12345!",
            ["Input.ConfirmPassword"] = "password12345!",
        });
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("too common", page.Text, StringComparison.Ordinal);
        await App.DeliverQueuedMailAsync();
        Assert.Empty(Mailbox.MailTo(email));
    }

    [Fact]
    public async Task UnknownEmailGetsTheSameReplyAsAKnownOne()
    {
        var known = UniqueEmail("known");
        var unknown = UniqueEmail("unknown");
        await App.CreateUserAsync("Kim Known", known, GoodPassword);

        string Reply(PageResponse page, string email) => page.Text.Replace(email, "<address>", StringComparison.Ordinal);
        async Task<(PageResponse Post, PageResponse Next)> AskForCode(string email)
        {
            using var client = App.CreateFormClient();
            var post = await RequestSignInCodeAsync(client, email);
            return (post, await client.GetAsync(post.RedirectPath!));
        }

        var forKnown = await AskForCode(known);
        var forUnknown = await AskForCode(unknown);

        Assert.Equal(forKnown.Post.Status, forUnknown.Post.Status);
        Assert.Equal(forKnown.Post.RedirectPath, forUnknown.Post.RedirectPath);
        Assert.Equal(Reply(forKnown.Next, known), Reply(forUnknown.Next, unknown));
        await App.DeliverQueuedMailAsync();
        Assert.Single(Mailbox.MailTo(known));
        Assert.Empty(Mailbox.MailTo(unknown));

        // Sign-up with a taken address answers like a new one; the owner is told by mail instead.
        using var client = App.CreateFormClient();
        var signUp = await client.SubmitAsync("/account/register", "register", new()
        {
            ["Input.FirstName"] = "Someone",
            ["Input.LastName"] = "Else",
            ["Input.UserName"] = "someone." + Guid.NewGuid().ToString("N")[..10],
            ["Input.Email"] = known,
            ["Input.Password"] = GoodPassword,
            ["Input.ConfirmPassword"] = GoodPassword,
        });
        Assert.Equal("/account/register/confirm", signUp.RedirectPath);
        await Mailbox.WaitForMailAsync(known, "already have");
    }

    [Fact]
    public async Task CodeOnlySignInWorksAndTheUsedCodeFailsTheSecondTime()
    {
        var email = UniqueEmail("codeonly");
        await App.CreateUserAsync("Cody Only", email, GoodPassword);
        using var first = App.CreateFormClient();
        await RequestSignInCodeAsync(first, email);
        var code = await Mailbox.WaitForCodeAsync(email, "sign-in code");
        Assert.Equal("/", (await EnterSignInCodeAsync(first, code)).RedirectPath);

        using var second = App.CreateFormClient();
        App.Clock.Advance(TimeSpan.FromSeconds(2)); // past the resend cooldown
        await RequestSignInCodeAsync(second, email);
        await Mailbox.WaitForCodeAsync(email, "sign-in code"); // a newer code exists; the old one was used anyway
        var reused = await EnterSignInCodeAsync(second, code);
        Assert.Equal(HttpStatusCode.OK, reused.Status);
        Assert.Null(reused.RedirectPath);
        Assert.Contains("not right", reused.Text, StringComparison.Ordinal);
    }
}
