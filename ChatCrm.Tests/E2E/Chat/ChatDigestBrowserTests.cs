using ChatCrm.Tests.Fixtures;
using Microsoft.Playwright;

namespace ChatCrm.Tests.E2E.Chat;

/// <summary>
/// The digest mail for messages left unread, end to end: the real app's background pass, its mail queue and a real
/// SMTP server. The delay is one minute here (fifteen by default), so this test waits for real.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class ChatDigestBrowserTests(BrowserFixture browser, SmtpServerFixture smtp) : ChatBrowserTestBase(browser, smtp, new Dictionary<string, string?>
{
    ["ChatCrm:Chat:DigestDelayMinutes"] = "1",
    ["ChatCrm:Chat:DigestPollSeconds"] = "5",
})
{
    [Fact]
    public async Task AMessageLeftUnreadComesByMailWithALinkBackAndOneThatWasReadDoesNot()
    {
        var (bea, beaEmail) = await SignUpAsync("Bea Client");
        var (cleo, cleoEmail) = await SignUpAsync("Cleo Client");
        var admin = await AdminStartsChatWithAsync("Bea Client");
        await SendAsync(admin, "Your order has shipped");
        await StartDirectChatAsync(admin, "Cleo Client");
        await SendAsync(admin, "Your order is delayed");
        // Cleo reads hers; Bea stays on her dashboard.
        await OpenChatPageAsync(cleo);
        await OpenChatAsync(cleo, AdminName);
        await Assertions.Expect(Message(cleo, "Your order is delayed")).ToBeVisibleAsync();

        var digest = await Mailbox.WaitForMailAsync(beaEmail, "unread message", TimeSpan.FromSeconds(100));
        Assert.Equal($"1 unread message in {AdminName}", digest.Subject);
        Assert.Contains($"{AdminName}: Your order has shipped", digest.TextBody, StringComparison.Ordinal);

        // The link in the mail opens the chat.
        var link = digest.TextBody.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("Open the chat: ", StringComparison.Ordinal))["Open the chat: ".Length..];
        await bea.GotoAsync(new Uri(link).PathAndQuery);
        await Assertions.Expect(Message(bea, "Your order has shipped")).ToBeVisibleAsync();

        // By now Cleo's would have come too, had she not read it.
        await Task.Delay(TimeSpan.FromSeconds(12));
        Assert.DoesNotContain(Mailbox.MailTo(cleoEmail), m => m.Subject.Contains("unread", StringComparison.Ordinal));
    }

    private async Task<(IPage Page, string Email)> SignUpAsync(string name)
    {
        var email = UniqueEmail(name.Split(' ')[0].ToLowerInvariant());
        var page = await NewPageAsync();
        await page.GotoAsync("/account/register");
        await CompleteSignUpAsync(page, name, email, ClientPassword);
        await WaitForCircuitAsync(page);
        return (page, email);
    }
}
