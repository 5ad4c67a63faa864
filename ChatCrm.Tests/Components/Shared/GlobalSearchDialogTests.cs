using Bunit;
using ChatCrm.Core.Search;
using ChatCrm.Tests.Components.Chat;
using ChatCrm.Tests.Integration.Chat;
using ChatCrm.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ChatCrm.Tests.Components.Shared;

/// <summary>
/// The search dialog over the real GlobalSearch: results grouped under their kind, the first one chosen, the arrows
/// moving the choice round, and Enter opening the chosen one.
/// </summary>
public sealed class GlobalSearchDialogTests : ChatTestBase
{
    [Fact]
    public async Task ResultsAreGroupedTheArrowsMoveTheChoiceAndEnterOpensIt()
    {
        await using var context = new BunitContext();
        context.UseChat(Chat, Ann);
        context.Services.AddSingleton(Chat.Core.Get<GlobalSearch>());
        var group = await Chat.GroupAsync(Ann, "Bobsled club", Cy);
        context.Render<MudPopoverProvider>();
        var dialogs = context.Render<MudDialogProvider>();
        await dialogs.InvokeAsync(() => context.Services.GetRequiredService<IDialogService>().ShowAsync<GlobalSearchDialog>("Search everything"));
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("input[aria-label='Search everything']")));

        await dialogs.Find("input[aria-label='Search everything']").InputAsync(new ChangeEventArgs { Value = "Bob" });

        // "Bob…" is a chat (the group) and a person (Bob).
        dialogs.WaitForAssertion(() => Assert.Equal(["Chats", "People"], dialogs.FindAll("[role=listbox] [role=group]").Select(g => g.GetAttribute("aria-label"))),
            TimeSpan.FromSeconds(5));
        var options = dialogs.FindAll("[role=option]");
        Assert.Equal(["true", "false"], options.Select(o => o.GetAttribute("aria-selected")));
        Assert.Equal($"/chat/{group}", options[0].GetAttribute("href"));

        var box = dialogs.Find("input[aria-label='Search everything']");
        await box.KeyDownAsync(new KeyboardEventArgs { Key = "ArrowDown" });
        Assert.Equal(["false", "true"], dialogs.FindAll("[role=option]").Select(o => o.GetAttribute("aria-selected")));
        await box.KeyDownAsync(new KeyboardEventArgs { Key = "ArrowDown" });
        Assert.Equal("true", dialogs.FindAll("[role=option]")[0].GetAttribute("aria-selected"));
        await box.KeyDownAsync(new KeyboardEventArgs { Key = "ArrowUp" });
        await box.KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });

        Assert.EndsWith($"/chat?with={Bob.Id}", context.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }
}
