using ChatCrm.Tests.Fixtures;
using Microsoft.Playwright;

namespace ChatCrm.Tests.E2E;

[Collection(BrowserGroup.Name)]
public sealed class SignUpAndSignInBrowserTests(BrowserFixture browser, SmtpServerFixture smtp) : BrowserTestBase(browser, smtp)
{
    [Fact]
    public async Task NewcomerSignsUpReadsTheCodeFromTheMailboxSignsInAndSeesTheDashboard()
    {
        var email = UniqueEmail("newcomer");
        var password = TestPasswords.New();
        var page = await NewPageAsync();

        await page.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await CompleteSignUpAsync(page, "Nadia Newcomer", email, password);
        await Assertions.Expect(page.GetByText("Nadia Newcomer").First).ToBeVisibleAsync();

        // Another device: password plus a new code, then the dashboard.
        var laptop = await NewPageAsync();
        await SignInAsync(laptop, email, password);
        await Assertions.Expect(laptop.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(laptop.GetByText("Nadia Newcomer").First).ToBeVisibleAsync();
    }
}
