using ChatCrm.Tests.Fixtures;
using Microsoft.Playwright;

namespace ChatCrm.Tests.E2E.Admin;

[Collection(BrowserGroup.Name)]
public sealed class MailQueueBrowserTests(BrowserFixture browser, SmtpServerFixture smtp) : BrowserTestBase(browser, smtp)
{
    [Fact]
    public async Task AnInvitationTheMailServerRefusesShowsAsFailedWithItsReplyAndTheAdminCanQueueItAgain()
    {
        // The SMTP server answers 550 for this address, as a real server does for a mailbox that does not exist.
        var email = UniqueEmail(SmtpServerFixture.RefusedPrefix + "new");
        var admin = await NewPageAsync();
        await SignInAsync(admin, AdminEmail, AdminPassword);
        await admin.GotoAsync("/admin/accounts/new");
        await WaitForCircuitAsync(admin);
        await admin.GetByLabel("Display name").FillAsync("Nora Nobody");
        await admin.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(admin.GetByText($"Account created for {email}.", new() { Exact = false })).ToBeVisibleAsync();

        await admin.GetByRole(AriaRole.Link, new() { Name = "Mail queue" }).ClickAsync();
        await WaitForPathAsync(admin, "/admin/mail");
        await WaitForCircuitAsync(admin);
        var row = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        // The sender may still be on its first try when the page loads: the list shows what is stored, so reload it.
        for (var deadline = DateTime.UtcNow.AddSeconds(15); !await row.GetByText("Failed").IsVisibleAsync() && DateTime.UtcNow < deadline;)
        {
            await Task.Delay(500);
            await admin.ReloadAsync();
            await WaitForCircuitAsync(admin);
        }
        await Assertions.Expect(row.GetByText("Failed")).ToBeVisibleAsync();
        await Assertions.Expect(row).ToContainTextAsync("Your new ChatCrm account");
        await Assertions.Expect(row).ToContainTextAsync("SMTP 550");
        // The body (with its code) is never shown.
        await Assertions.Expect(admin.GetByText("enter this code")).ToHaveCountAsync(0);

        await WaitForCircuitAsync(admin);
        await row.GetByRole(AriaRole.Button, new() { Name = $"Retry the mail to {email}" }).ClickAsync();
        await Assertions.Expect(admin.GetByText($"The mail to {email} is queued again.")).ToBeVisibleAsync();
    }
}
