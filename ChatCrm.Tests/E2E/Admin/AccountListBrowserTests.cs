using ChatCrm.Tests.Fixtures;
using Microsoft.Playwright;

namespace ChatCrm.Tests.E2E.Admin;

/// <summary>The admin lists read at 1280×800 with every action in view, and as cards on a 390 px phone.</summary>
[Collection(BrowserGroup.Name)]
public sealed class AccountListBrowserTests(BrowserFixture browser, SmtpServerFixture smtp) : BrowserTestBase(browser, smtp)
{
    [Fact]
    public async Task TheAccountListShowsEveryActionOnAWideScreenAndCardsOnAPhone()
    {
        // Someone besides the admin, whose row has the actions (the admin's own row has none on oneself).
        var newcomer = await NewPageAsync();
        await newcomer.GotoAsync("/account/register");
        var email = UniqueEmail("olga");
        await CompleteSignUpAsync(newcomer, "Olga Newcomer", email, TestPasswords.New());

        var page = await NewPageAsync();
        await SignInAsync(page, AdminEmail, AdminPassword);
        await page.GotoAsync("/admin/accounts");
        await WaitForCircuitAsync(page);

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        foreach (var action in new[] { "Lock", "End sessions", "Delete" })
            await ExpectWithinTheWidthAsync(page, row.GetByRole(AriaRole.Button, new() { Name = action, Exact = true }));
        var own = page.GetByRole(AriaRole.Row).Filter(new() { HasText = AdminEmail });
        await ExpectWithinTheWidthAsync(page, own.GetByRole(AriaRole.Link, new() { Name = "Your sessions" }));
        await Assertions.Expect(own.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await ExpectNoSidewaysScrollAsync(page);
        // The filters stand above the list; there is nothing to unfold.
        await Assertions.Expect(page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Filters" })).ToBeHiddenAsync();

        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await WaitForCircuitAsync(page);
        var card = page.Locator("tr.mud-table-row").Filter(new() { HasText = email });
        // No column headers on a phone: each card labels its own values (Role, State, Created beside them).
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "State" })).ToBeHiddenAsync();
        await Assertions.Expect(card).ToContainTextAsync("Active");
        await ExpectWithinTheWidthAsync(page, card.GetByRole(AriaRole.Combobox));
        foreach (var action in new[] { "Lock", "End sessions", "Delete" })
            await ExpectWithinTheWidthAsync(page, card.GetByRole(AriaRole.Button, new() { Name = action, Exact = true }));
        await ExpectNoSidewaysScrollAsync(page);

        // On the phone the search stays in sight and the role filter folds behind one button.
        var role = page.GetByRole(AriaRole.Combobox, new() { Name = "Role", Exact = true });
        await Assertions.Expect(role).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Filters" }).ClickAsync();
        await Assertions.Expect(role).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync("no-such-account");
        await Assertions.Expect(page.GetByText("No accounts match.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheMailQueueIsCardsOnAPhone()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, AdminEmail, AdminPassword);
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/admin/mail");
        await WaitForCircuitAsync(page);

        // The admin's own sign-in code mail is in the queue.
        var card = page.Locator("tr.mud-table-row").Filter(new() { HasText = AdminEmail }).First;
        await Assertions.Expect(card).ToContainTextAsync("sign-in code");
        await ExpectWithinTheWidthAsync(page, card);
        await ExpectNoSidewaysScrollAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Filters" })).ToBeVisibleAsync();
    }

    private static async Task ExpectWithinTheWidthAsync(IPage page, ILocator element)
    {
        await Assertions.Expect(element).ToBeVisibleAsync();
        var box = await element.BoundingBoxAsync() ?? throw new InvalidOperationException("Not laid out.");
        Assert.True(box.X >= 0 && box.X + box.Width <= page.ViewportSize!.Width,
            $"Out of the {page.ViewportSize.Width} px view: x {box.X}, width {box.Width}.");
    }

    private static async Task ExpectNoSidewaysScrollAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The page scrolls sideways by {overflow} px.");
    }
}
