using Bunit;
using ChatCrm.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace ChatCrm.Tests.Components.Shared;

/// <summary>The one confirm helper: a dialog that says what will happen, whose button names the action; only that button says yes.</summary>
public sealed class ConfirmationsTests
{
    private static IRenderedComponent<MudDialogProvider> Render(BunitContext context)
    {
        context.Services.AddMudServices();
        context.Services.AddScoped<Confirmations>();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Render<MudPopoverProvider>();
        return context.Render<MudDialogProvider>();
    }

    [Fact]
    public async Task TheNamedButtonConfirmsAndTheDialogSaysWhatWillHappen()
    {
        await using var context = new BunitContext();
        var dialogs = Render(context);
        var confirmations = context.Services.GetRequiredService<Confirmations>();

        var answer = dialogs.InvokeAsync(() => confirmations.AskAsync("Delete lead?", "Ada Lovelace and her history will be deleted.", "Delete lead"));

        dialogs.WaitForAssertion(() => Assert.Contains("Ada Lovelace and her history will be deleted.", dialogs.Markup));
        Assert.Contains("Delete lead?", dialogs.Markup);
        var buttons = dialogs.FindAll("button").Where(b => b.TextContent.Trim() is "Delete lead" or "Cancel").ToList();
        Assert.Equal(["Cancel", "Delete lead"], buttons.Select(b => b.TextContent.Trim()));
        // A destructive action is drawn in the error colour.
        Assert.Contains("mud-button-filled-error", buttons[1].ClassName);

        await buttons[1].ClickAsync();
        Assert.True(await answer);
        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Ada Lovelace", dialogs.Markup));
    }

    [Fact]
    public async Task CancelSaysNo()
    {
        await using var context = new BunitContext();
        var dialogs = Render(context);
        var confirmations = context.Services.GetRequiredService<Confirmations>();

        var answer = dialogs.InvokeAsync(() => confirmations.AskAsync("Send campaign?", "It goes to 120 people now.", "Send now", destructive: false));

        dialogs.WaitForAssertion(() => Assert.Contains("It goes to 120 people now.", dialogs.Markup));
        var send = dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Send now");
        Assert.Contains("mud-button-filled-primary", send.ClassName);
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").ClickAsync();

        Assert.False(await answer);
    }
}
