using Bunit;
using ChatCrm.Core.Accounts;
using ChatCrm.Tests.Fixtures;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using ProfilePage = ChatCrm.Web.Components.Pages.Profile.Profile;

namespace ChatCrm.Tests.Components.Profile;

/// <summary>The profile form: Core's rules beside the fields, a taken user name beside its field, a stale save offered a reload.</summary>
public sealed class ProfileFormTests : IAsyncLifetime
{
    private CoreServices _core = null!;
    private AppUser _me = null!;

    public async Task InitializeAsync()
    {
        _core = await CoreServices.StartAsync();
        _me = await _core.CreateUserAsync("Pia Profile", TestAddresses.New("pia"), null);
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    private IRenderedComponent<MudSnackbarProvider> _snackbars = null!;

    private IRenderedComponent<ProfilePage> Render(BunitContext context)
    {
        context.AddScreenServices(_core, _me, Roles.Client);
        _snackbars = context.RenderHosts().Snackbars;
        var page = context.Render<ProfilePage>();
        page.WaitForAssertion(() => page.Find("form"));
        return page;
    }

    [Fact]
    public async Task BrokenRulesShowCoresSentencesBesideTheirFieldsAndNothingIsSaved()
    {
        await using var context = new BunitContext();
        var page = Render(context);

        await ScreenContext.FieldIn(page.Find("form"), "Display name").ChangeAsync(new ChangeEventArgs { Value = "" });
        await ScreenContext.FieldIn(page.Find("form"), "User name").ChangeAsync(new ChangeEventArgs { Value = "pi" });
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal(["Enter your name.", "3 to 32 characters."], ScreenContext.FieldMessages(page.Find("form"))));
        Assert.Equal("Pia Profile", (await _core.Get<ProfileService>().GetViewAsync(_me.Id))!.DisplayName);
    }

    [Fact]
    public async Task ATakenUserNameIsSaidBesideItsField()
    {
        var other = await _core.CreateUserAsync("Quin Other", TestAddresses.New("quin"), null);
        await using var context = new BunitContext();
        var page = Render(context);

        await ScreenContext.FieldIn(page.Find("form"), "User name").ChangeAsync(new ChangeEventArgs { Value = other.UserName });
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal([ProfileService.UserNameTaken], ScreenContext.FieldMessages(page.Find("form"))));
        // Said once, where the fix is typed: no snackbar repeats it.
        Assert.Empty(context.Services.GetRequiredService<ISnackbar>().ShownSnackbars);
    }

    [Fact]
    public async Task ASaveAfterAnotherTabSavedIsAConflictOfferedWithReload()
    {
        await using var context = new BunitContext();
        var page = Render(context);
        var profiles = _core.Get<ProfileService>();
        var me = new Actor(_me.Id, Roles.Client);
        var otherTab = (await profiles.GetFormAsync(me))!;
        otherTab.StatusText = "From the other tab";
        Assert.True((await profiles.SaveAsync(me, otherTab)).Succeeded);

        await ScreenContext.FieldIn(page.Find("form"), "Status").ChangeAsync(new ChangeEventArgs { Value = "From this tab" });
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() =>
        {
            var warning = Assert.Single(context.Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Severity == Severity.Warning);
            Assert.Equal(ProfileService.ChangedElsewhere, warning.Message);
        });
        _snackbars.WaitForAssertion(() => Assert.Contains(_snackbars.FindAll("button"), b => b.TextContent.Trim() == "Reload"));
        Assert.Equal("From the other tab", (await profiles.GetFormAsync(me))!.StatusText);
    }
}
