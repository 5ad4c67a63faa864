using ChatCrm.Tests.Fixtures;
using Microsoft.Playwright;

namespace ChatCrm.Tests.E2E.Chat;

/// <summary>Sign-up asks for first and last name, user name and an optional mobile; clicking a person shows their card.</summary>
[Collection(BrowserGroup.Name)]
public sealed class ProfileCardBrowserTests(BrowserFixture browser, SmtpServerFixture smtp) : ChatBrowserTestBase(browser, smtp)
{
    [Fact]
    public async Task SignUpTakesNamesUserNameAndMobileSaysATakenUserNameAndTheCardShowsThemToOthers()
    {
        // The admin's user name (made from their address when the app set them up) is taken.
        var taken = AdminEmail.Split('@')[0];
        var page = await NewPageAsync("Europe/Lisbon");
        await page.GotoAsync("/account/register");
        var email = UniqueEmail("ines");
        await page.GetByLabel("First name").FillAsync("Inês");
        await page.GetByLabel("Last name").FillAsync("Duarte");
        await page.GetByLabel("User name").FillAsync(taken.ToUpperInvariant());
        await page.GetByLabel("Mobile number (optional)").FillAsync("+351 912 345 678");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password (at least 12 characters)").FillAsync(ClientPassword);
        await page.GetByLabel("Repeat the password").FillAsync(ClientPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.GetByText("That user name is taken. Try another.")).ToBeVisibleAsync();

        // Everything typed is still there but the passwords; another user name goes through.
        await Assertions.Expect(page.GetByLabel("First name")).ToHaveValueAsync("Inês");
        var userName = "ines.duarte." + email[5..11];
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password (at least 12 characters)").FillAsync(ClientPassword);
        await page.GetByLabel("Repeat the password").FillAsync(ClientPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await WaitForPathAsync(page, "/account/register/confirm");
        await EnterCodeAsync(page, await Mailbox.WaitForCodeAsync(email, "Confirm your ChatCrm account"), "Confirm");
        await WaitForPathAsync(page, "/");
        await page.GotoAsync("/account/profile");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByLabel("Phone (optional)")).ToHaveValueAsync("+351 912 345 678");

        // The admin opens a chat with her and clicks her picture: her card, with her local time.
        await OpenChatPageAsync(page);
        var admin = await AdminStartsChatWithAsync("Inês Duarte");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Show Inês Duarte's profile" }).ClickAsync();
        var card = admin.GetByRole(AriaRole.Dialog, new() { Name = "Inês Duarte" });
        await Assertions.Expect(card).ToContainTextAsync("@" + userName);
        await Assertions.Expect(card).ToContainTextAsync("online");
        await Assertions.Expect(card.GetByText("Local time")).ToBeVisibleAsync();
        await Assertions.Expect(card).ToContainTextAsync("(Europe/Lisbon");
    }
}
