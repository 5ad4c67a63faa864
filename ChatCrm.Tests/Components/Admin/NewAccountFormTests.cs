using Bunit;
using ChatCrm.Core.Accounts;
using ChatCrm.Tests.Fixtures;
using ChatCrm.Web.Components.Pages.Admin;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ChatCrm.Tests.Components.Admin;

/// <summary>The admin's new-account form: Core's sentences beside the fields, nothing created until they are right.</summary>
public sealed class NewAccountFormTests
{
    [Fact]
    public async Task WrongFieldsShowCoresSentencesBesideThemAndARightFormCreatesTheAccount()
    {
        await using var core = await CoreServices.StartAsync();
        var admin = await core.CreateUserAsync("Ada Admin", TestAddresses.New("ada"), null, Roles.Admin);
        await using var context = new BunitContext();
        context.AddScreenServices(core, admin, Roles.Admin);
        context.RenderHosts();
        var page = context.Render<NewAccount>();

        await page.Find("form").SubmitAsync();
        page.WaitForAssertion(() => Assert.Equal([NewAccountInput.DisplayNameRequired, NewAccountInput.EmailRequired],
            ScreenContext.FieldMessages(page.Find("form"))));

        await ScreenContext.FieldIn(page.Find("form"), "Display name").ChangeAsync(new ChangeEventArgs { Value = new string('x', AppUser.DisplayNameMax + 1) });
        await ScreenContext.FieldIn(page.Find("form"), "Email").ChangeAsync(new ChangeEventArgs { Value = "Nora <nora@example.test>" });
        await page.Find("form").SubmitAsync();
        page.WaitForAssertion(() => Assert.Equal([$"Use at most {AppUser.DisplayNameMax} characters.", EmailAddresses.InvalidMessage],
            ScreenContext.FieldMessages(page.Find("form"))));
        Assert.Null(await core.WithUsersAsync(users => users.FindByEmailAsync("nora@example.test")));

        var email = TestAddresses.New("nora");
        await ScreenContext.FieldIn(page.Find("form"), "Display name").ChangeAsync(new ChangeEventArgs { Value = "Nora New" });
        await ScreenContext.FieldIn(page.Find("form"), "Email").ChangeAsync(new ChangeEventArgs { Value = email });
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.NotNull(context.Services.GetRequiredService<ISnackbar>().ShownSnackbars
            .SingleOrDefault(s => s.Message?.StartsWith($"Account created for {email}.", StringComparison.Ordinal) == true)));
        var created = await core.FindUserAsync(email);
        Assert.Equal("Nora New", created.DisplayName);
        Assert.Equal([Roles.Client], await core.WithUsersAsync(users => users.GetRolesAsync(created)));
        // A fresh form for the next person, with no message left over.
        page.WaitForAssertion(() => Assert.Equal("", ScreenContext.FieldIn(page.Find("form"), "Email").GetAttribute("value") ?? ""));
        Assert.Empty(ScreenContext.FieldMessages(page.Find("form")));
    }

    [Fact]
    public async Task AnAddressThatAlreadyHasAnAccountIsSaidBesideTheEmailField()
    {
        await using var core = await CoreServices.StartAsync();
        var admin = await core.CreateUserAsync("Ada Admin", TestAddresses.New("ada"), null, Roles.Admin);
        await using var context = new BunitContext();
        context.AddScreenServices(core, admin, Roles.Admin);
        context.RenderHosts();
        var page = context.Render<NewAccount>();

        await ScreenContext.FieldIn(page.Find("form"), "Display name").ChangeAsync(new ChangeEventArgs { Value = "Ada Again" });
        await ScreenContext.FieldIn(page.Find("form"), "Email").ChangeAsync(new ChangeEventArgs { Value = admin.Email });
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal([AdminAccountService.EmailTaken], ScreenContext.FieldMessages(page.Find("form"))));
        // Said once, where the fix is typed: no snackbar repeats it.
        Assert.Empty(context.Services.GetRequiredService<ISnackbar>().ShownSnackbars);
    }
}
