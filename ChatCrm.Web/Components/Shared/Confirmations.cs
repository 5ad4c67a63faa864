using MudBlazor;

namespace ChatCrm.Web.Components.Shared;

/// <summary>The one confirm helper: asks before an action that loses something, in <see cref="ConfirmDialog"/>.</summary>
public sealed class Confirmations(IDialogService dialogs)
{
    /// <returns>True only when the person pressed <paramref name="action"/>; closing or cancelling is no.</returns>
    public async Task<bool> AskAsync(string title, string message, string action, bool destructive = true)
    {
        var parameters = new DialogParameters<ConfirmDialog>
        {
            { d => d.Title, title },
            { d => d.Message, message },
            { d => d.Action, action },
            { d => d.Destructive, destructive },
        };
        var dialog = await dialogs.ShowAsync<ConfirmDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
        var result = await dialog.Result;
        return result is { Canceled: false };
    }
}
