using ChatCrm.Core.Accounts;
using ChatCrm.Core.Chat;
using ChatCrm.Core.Contacts;
using ChatCrm.Core.Common;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ChatCrm.Web.Components.Pages.Chat;

/// <summary>
/// One open chat: its header (who, their status, the chat's tools), the history (<see cref="MessageList"/>) and the
/// box to write in (<see cref="Composer"/>), or why there is none. Live here: the chat's details, which change with
/// members, names and pictures; the typing line, presence, read ticks and the history each follow their own events.
/// A person outside the chat sees only the refusal, never a title or a message.
/// </summary>
public sealed partial class Conversation
{
    [Inject] private ConversationService Conversations { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private AlertService Alerts { get; set; } = default!;
    [Inject] private ChatInView InView { get; set; } = default!;
    [Inject] private ChatContacts Contacts { get; set; } = default!;

    [Parameter, EditorRequired] public Guid ConversationId { get; set; }

    /// <summary>Open at this message (a search hit) instead of the newest.</summary>
    [Parameter] public long? At { get; set; }

    private readonly CancellationTokenSource _life = new();
    private Actor _actor = default!;
    private ConversationDetails? _details;
    private string? _refused;
    private bool _loading = true;
    private bool _changedWhileLoading;
    private bool _showSearch;
    private bool _showPins;
    private MessageView? _replyTo;
    private ContactPanel? _contact;
    private bool _contactOpen;
    private int _avatarVersion;
    private MessageList? _list;
    private NotificationOffer? _offer;

    private bool IsGroup => _details?.Kind == ConversationKind.Group;

    protected override async Task OnInitializedAsync()
    {
        _actor = await GetActorAsync();
        InView.Open(ConversationId);
        Listen(_actor.UserId);
        await ReloadDetailsAsync();
        await LoadContactAsync();
        _loading = false;
        // A change that arrived during the first read may not be in it.
        if (_changedWhileLoading) await ReloadDetailsAsync();
    }

    protected override async Task OnChatEventAsync(ChatEvent chatEvent)
    {
        if (_refused is not null) return;
        if (chatEvent is TicketChanged)
        {
            // The client's tickets beside the chat follow changes made anywhere.
            if (_contact is null) return;
            await LoadContactAsync();
            StateHasChanged();
            return;
        }
        if (chatEvent is not EventsMissed && chatEvent.ConversationId != ConversationId) return;
        // Members, name or picture changed (or the other account went); a system line says someone joined or left;
        // or changes may have been missed while the servers were cut off from each other.
        if (chatEvent is not (ConversationChanged or EventsMissed or MessagePosted { Message.Kind: MessageKind.System })) return;
        if (_loading)
        {
            _changedWhileLoading = true;
            return;
        }
        if (chatEvent is ConversationChanged) _avatarVersion++;
        await ReloadDetailsAsync();
        StateHasChanged();
    }

    private async Task ReloadDetailsAsync()
    {
        try
        {
            _details = await Conversations.GetDetailsAsync(_actor, ConversationId, _life.Token);
        }
        catch (ForbiddenException ex)
        {
            _refused = ex.Message;
            _details = null;
        }
        catch (OperationCanceledException) when (_life.IsCancellationRequested)
        {
            // Closed meanwhile.
        }
        catch (Exception ex)
        {
            // Said through Outcomes; what was shown stays, and a chat never shown says it could not be opened.
            ReportChat(ex, "load chat");
            if (_details is null) _refused = "The chat could not be opened. Please try again.";
        }
    }

    // Staff beside a client's chat: what the CRM holds about them. A courtesy: without it the chat works.
    private async Task LoadContactAsync()
    {
        if (!_actor.IsStaff || _details is null) return;
        try
        {
            _contact = await Contacts.PanelAsync(_actor, ConversationId, _life.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ChatLog.ActionFailed(Logger, ex, "load client details");
        }
    }

    private Task ShowMessageAsync(long seq) => _list?.JumpToAsync(seq) ?? Task.CompletedTask;

    private async Task OnSent(MessageView sent)
    {
        _list?.ShowSent(sent);
        // A file sent while answering answered it: the reply bar goes, as it does when text is sent.
        if (sent.ReplyTo is not null) _replyTo = null;
        if (_offer is not null) await _offer.ConsiderAsync();
    }

    private Task<bool> ToggleMuteAsync() =>
        RunChatAsync(_details!.Muted ? "unmute chat" : "mute chat", actor => Alerts.SetMutedAsync(actor, ConversationId, !_details.Muted, _life.Token));

    private async Task HideAsync()
    {
        if (await RunChatAsync("hide chat", actor => Conversations.HideAsync(actor, ConversationId, _life.Token),
                confirm: () => Confirmations.AskAsync("Delete chat",
                    "Remove this chat from your list? Nothing is deleted for the others; it comes back when someone writes.", "Delete chat")))
            Navigation.NavigateTo("/chat");
    }

    private async Task OpenGroupAsync()
    {
        var dialog = await Dialogs.ShowAsync<GroupDialog>("Group info", new DialogParameters<GroupDialog> { { d => d.ConversationId, ConversationId } });
        await dialog.Result;
        await ReloadDetailsAsync();
    }

    protected override async ValueTask OnDisposingAsync()
    {
        InView.Close(ConversationId);
        await _life.CancelAsync();
        _life.Dispose();
    }
}
