using AngleSharp.Dom;
using Bunit;
using ChatCrm.Core.Accounts;
using ChatCrm.Tests.Fixtures;
using ChatCrm.Web.Components.Pages.Admin;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ChatCrm.Tests.Components.Admin;

/// <summary>
/// The account list: each account's card (its cells, labelled for the phone layout, and its actions), and the three
/// actions that lose something asking first through the one confirm dialog.
/// </summary>
public sealed class AccountListTests : IAsyncLifetime
{
    private CoreServices _core = null!;
    private AppUser _admin = null!;
    private AppUser _bo = null!;

    public async Task InitializeAsync()
    {
        _core = await CoreServices.StartAsync();
        _admin = await _core.CreateUserAsync("Ada Admin", TestAddresses.New("ada"), null, Roles.Admin);
        _bo = await _core.CreateUserAsync("Bo Brandt", TestAddresses.New("bo"), null, Roles.Agent);
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    private IRenderedComponent<Accounts> Render(BunitContext context, out IRenderedComponent<MudDialogProvider> dialogs)
    {
        context.AddScreenServices(_core, _admin, Roles.Admin);
        dialogs = context.RenderHosts().Dialogs;
        var page = context.Render<Accounts>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr.mud-table-row").Count));
        return page;
    }

    private static IElement RowOf(IRenderedComponent<Accounts> page, AppUser user) =>
        page.FindAll("tbody tr.mud-table-row").Single(r => r.TextContent.Contains(user.Email!, StringComparison.Ordinal));

    [Fact]
    public async Task EachAccountIsACardWithItsKeyFieldsAndActions()
    {
        await using var context = new BunitContext();
        var page = Render(context, out _);

        // Each row is drawn as a card where the list is narrow (app.css's "List pages"): its title and actions need no
        // label, every other cell carries the label the card shows before its value.
        var card = RowOf(page, _bo);
        Assert.Contains("list-row", card.ClassName);
        var title = card.QuerySelector("td.card-title")!;
        Assert.Contains("Bo Brandt", title.TextContent);
        Assert.Contains("@" + _bo.UserName, title.TextContent);
        Assert.Contains(_bo.Email!, title.TextContent);
        Assert.Equal([null, "Role", "State", "Created", null], card.QuerySelectorAll("td").Select(td => td.GetAttribute("data-label")));
        Assert.Equal("Role of Bo Brandt", card.QuerySelector("select")!.GetAttribute("aria-label"));
        Assert.Contains("Active", card.QuerySelector("td[data-label=State]")!.TextContent);
        Assert.Equal(["Lock", "End sessions", "Delete"], card.QuerySelectorAll("td.card-actions button").Select(b => b.TextContent.Trim()));
        // Only the signed-in admin's own card says "You", and it offers their own pages instead of actions on oneself.
        var own = RowOf(page, _admin);
        Assert.Contains("You", own.QuerySelector("td.card-title")!.TextContent);
        Assert.DoesNotContain("You", title.TextContent);
        Assert.Equal(["Your profile", "Your sessions"], own.QuerySelectorAll("td.card-actions a").Select(a => a.TextContent.Trim()));
        Assert.Equal(["/account/profile", "/account/sessions"], own.QuerySelectorAll("td.card-actions a").Select(a => a.GetAttribute("href")));
        Assert.Empty(own.QuerySelectorAll("td.card-actions button"));
        Assert.True(own.QuerySelector("select")!.HasAttribute("disabled"));
    }

    [Fact]
    public async Task DeleteAsksFirstAndCancelKeepsTheAccount()
    {
        await using var context = new BunitContext();
        var page = Render(context, out var dialogs);

        var cancelled = ScreenContext.Button(RowOf(page, _bo), "Delete").ClickAsync(new MouseEventArgs());
        dialogs.WaitForAssertion(() => Assert.Contains($"Delete Bo Brandt ({_bo.Email})?", dialogs.Markup));
        await ScreenContext.Button(dialogs.Find(".mud-dialog"), "Cancel").ClickAsync(new MouseEventArgs());
        await cancelled;
        Assert.NotNull(await _core.WithUsersAsync(users => users.FindByIdAsync(_bo.Id.ToString())));

        var confirmed = ScreenContext.Button(RowOf(page, _bo), "Delete").ClickAsync(new MouseEventArgs());
        dialogs.WaitForAssertion(() => Assert.Contains("This cannot be undone.", dialogs.Markup));
        await ScreenContext.Button(dialogs.Find(".mud-dialog"), "Delete account").ClickAsync(new MouseEventArgs());
        await confirmed;

        Assert.Null(await _core.WithUsersAsync(users => users.FindByIdAsync(_bo.Id.ToString())));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("tbody tr.mud-table-row")));
        Assert.Contains(context.Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == "Bo Brandt's account is deleted.");
    }

    [Fact]
    public async Task LockAsksFirstThenLocksAndTheCardOffersUnlock()
    {
        await using var context = new BunitContext();
        var page = Render(context, out var dialogs);

        var locking = ScreenContext.Button(RowOf(page, _bo), "Lock").ClickAsync(new MouseEventArgs());
        dialogs.WaitForAssertion(() => Assert.Contains("cannot sign in until an admin unlocks", dialogs.Markup));
        await ScreenContext.Button(dialogs.Find(".mud-dialog"), "Lock account").ClickAsync(new MouseEventArgs());
        await locking;

        Assert.NotNull(await _core.Get<AccountLockout>().LockedUntilAsync(_bo.Id));
        page.WaitForAssertion(() =>
        {
            var card = RowOf(page, _bo);
            Assert.Contains("Locked", card.QuerySelector("td[data-label=State]")!.TextContent);
            Assert.Equal(["Unlock", "End sessions", "Delete"], card.QuerySelectorAll("td.card-actions button").Select(b => b.TextContent.Trim()));
        });
    }

    [Fact]
    public async Task EndSessionsAsksFirstThenSignsThePersonOutEverywhere()
    {
        var sessions = _core.Get<SessionService>();
        await sessions.StartAsync(_bo.Id, "192.0.2.1", "Firefox/1");
        await sessions.StartAsync(_bo.Id, "192.0.2.2", "Chrome/1");
        await using var context = new BunitContext();
        var page = Render(context, out var dialogs);

        var ending = ScreenContext.Button(RowOf(page, _bo), "End sessions").ClickAsync(new MouseEventArgs());
        dialogs.WaitForAssertion(() => Assert.Contains("Sign Bo Brandt", dialogs.Markup));
        await ScreenContext.Button(dialogs.Find(".mud-dialog"), "End sessions").ClickAsync(new MouseEventArgs());
        await ending;

        Assert.Empty(await sessions.ListActiveAsync(_bo.Id));
    }
}
