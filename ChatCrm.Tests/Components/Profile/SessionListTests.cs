using Bunit;
using ChatCrm.Core.Accounts;
using ChatCrm.Tests.Fixtures;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SessionsPage = ChatCrm.Web.Components.Pages.Profile.Sessions;

namespace ChatCrm.Tests.Components.Profile;

/// <summary>The sessions page: a card per signed-in browser (this one marked), and ending another one.</summary>
public sealed class SessionListTests
{
    [Fact]
    public async Task EachBrowserIsACardAndEndingAnotherOneSignsItOut()
    {
        await using var core = await CoreServices.StartAsync();
        var me = await core.CreateUserAsync("Sol Sessions", TestAddresses.New("sol"), null);
        var sessions = core.Get<SessionService>();
        var other = await sessions.StartAsync(me.Id, "192.0.2.7", "Mozilla/5.0 (Windows NT 10.0) Firefox/128.0");
        var here = await sessions.StartAsync(me.Id, "192.0.2.8", "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0");
        await using var context = new BunitContext();
        context.AddScreenServices(core, me, Roles.Client, sessionId: here);
        context.RenderHosts();
        var page = context.Render<SessionsPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".session-list > li").Count));
        var cards = page.FindAll(".session-list > li");
        var thisOne = cards.Single(c => c.TextContent.Contains("Chrome on Linux", StringComparison.Ordinal));
        var theOther = cards.Single(c => c.TextContent.Contains("Firefox on Windows", StringComparison.Ordinal));
        Assert.Contains("This browser", thisOne.TextContent);
        Assert.DoesNotContain("This browser", theOther.TextContent);
        Assert.Contains("IP 192.0.2.7", theOther.TextContent);
        Assert.Equal("Sign out here", thisOne.QuerySelector("button")!.TextContent.Trim());

        await theOther.QuerySelector("button")!.ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".session-list > li")));
        Assert.Equal([here], (await sessions.ListActiveAsync(me.Id)).Select(s => s.Id));
        Assert.Contains(context.Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == "Session ended. That browser is signed out.");
    }
}
