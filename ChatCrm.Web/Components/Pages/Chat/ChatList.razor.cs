using ChatCrm.Core.Accounts;
using ChatCrm.Core.Chat;
using ChatCrm.Core.Common;
using ChatCrm.Web.Components.Account;
using ChatCrm.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace ChatCrm.Web.Components.Pages.Chat;

/// <summary>
/// The person's chats, newest activity first, kept live: any chat event reloads the list (coalesced, so a burst of
/// messages costs one query), presence changes only repaint the dots. The search box filters chats by name and also
/// finds people to start a chat with and messages across all chats.
/// </summary>
public sealed partial class ChatList
{
    private static readonly TimeSpan SearchDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan RefreshDelay = TimeSpan.FromMilliseconds(100);

    [Inject] private ConversationService Conversations { get; set; } = default!;
    [Inject] private MessageService Messages { get; set; } = default!;
    [Inject] private PresenceTracker Presence { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private ReaderClock Time { get; set; } = default!;
    [Inject] private DialogService Dialogs { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ILogger<ChatList> Logger { get; set; } = default!;

    /// <summary>The chat open beside the list, highlighted.</summary>
    [Parameter] public Guid? ActiveId { get; set; }

    private Actor _actor = default!;
    private IReadOnlyList<ChatListItem>? _items;
    private IReadOnlyList<PersonResult> _people = [];
    private IReadOnlyList<MessageSearchHit> _hits = [];
    private string? _search;
    private string? _error;
    private bool _searchBusy;
    private CancellationTokenSource? _pendingSearch;
    private RefreshGate? _refresh;

    private bool Searching => !string.IsNullOrWhiteSpace(_search);

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentActor.GetAsync();
        _refresh = new RefreshGate(LoadAsync, RefreshDelay);
        // Listening before the first read, not after the first render: this component only exists on a live circuit
        // (ChatPage shows it after its own first render), and an event between the read and the subscription would
        // otherwise be lost. An event during the read just queues one more refresh.
        Listen(_actor.UserId);
        await LoadAsync();
    }

    protected override async Task OnChatEventAsync(ChatEvent chatEvent)
    {
        switch (chatEvent)
        {
            case PresenceChanged:
                StateHasChanged();
                break;
            case TypingChanged:
                break;
            case ReadAdvanced read when read.ReaderId != _actor.UserId:
                // Someone else's read mark changes their counts, not this list's.
                break;
            default:
                await _refresh!.RequestAsync();
                break;
        }
    }

    private async Task LoadAsync()
    {
        try
        {
            _items = await Conversations.ListAsync(_actor, Searching ? _search : null);
        }
        catch (Exception ex)
        {
            ChatLog.ActionFailed(Logger, ex, "load chat list");
            _error = "The chat list could not be loaded. Reload the page to try again.";
            _items ??= [];
        }
        StateHasChanged();
    }

    private async Task SearchChangedAsync()
    {
        // Wait for a pause in typing; each keystroke cancels the previous search (STYLE.md #7).
        _pendingSearch?.Cancel();
        _pendingSearch?.Dispose();
        var pending = _pendingSearch = new CancellationTokenSource();
        _searchBusy = true;
        try
        {
            await Task.Delay(SearchDelay, pending.Token);
            var text = _search?.Trim() ?? "";
            var items = await Conversations.ListAsync(_actor, text.Length == 0 ? null : text, pending.Token);
            var people = text.Length >= 2 ? await Conversations.SearchPeopleAsync(_actor, text, 8, pending.Token) : [];
            var hits = text.Length >= 2 ? await Messages.SearchAsync(_actor, text, null, pending.Token) : [];
            if (pending.IsCancellationRequested) return;
            _items = items;
            _people = people;
            _hits = hits;
        }
        catch (OperationCanceledException) when (pending.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            ChatLog.ActionFailed(Logger, ex, "search chats");
            _error = "The search did not work. Please try again.";
        }
        _searchBusy = false;
    }

    private async Task OpenDirectAsync(Guid personId)
    {
        try
        {
            var id = await Conversations.OpenDirectAsync(_actor, personId);
            _search = null;
            _people = [];
            _hits = [];
            Navigation.NavigateTo($"/chat/{id}");
            await LoadAsync();
        }
        catch (Exception ex) when (ex is ForbiddenException or ChatRuleException)
        {
            _error = ex.Message;
        }
        catch (Exception ex)
        {
            ChatLog.ActionFailed(Logger, ex, "open direct chat");
            _error = "That chat could not be opened. Please try again.";
        }
    }

    private async Task NewChatAsync()
    {
        if (await Dialogs.OpenAsync<NewChatDialog>("New chat", options: DialogOptions()) is Guid id)
        {
            Navigation.NavigateTo($"/chat/{id}");
            await LoadAsync();
        }
    }

    private async Task NewGroupAsync()
    {
        if (await Dialogs.OpenAsync<NewGroupDialog>("New group", options: DialogOptions()) is Guid id)
        {
            Navigation.NavigateTo($"/chat/{id}");
            await LoadAsync();
        }
    }

    private static DialogOptions DialogOptions() => new() { Width = "min(30rem, 95vw)", CloseDialogOnEsc = true, CloseDialogOnOverlayClick = true };

    protected override ValueTask OnDisposingAsync()
    {
        _pendingSearch?.Cancel();
        _pendingSearch?.Dispose();
        return ValueTask.CompletedTask;
    }
}
