using ChatCrm.Core.Accounts;
using ChatCrm.Core.Chat;
using ChatCrm.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ChatCrm.Web.Components.Pages.Chat;

/// <summary>
/// The person's chats, newest activity first, kept live: any chat event reloads the list (coalesced, so a burst of
/// messages costs one query), presence changes only repaint the dots. The search box filters chats by name and also
/// finds people to start a chat with and messages across all chats. Loads go through one <see cref="LatestLoad"/>, so a
/// live refresh and a search never overlap and the newest one wins.
/// </summary>
public sealed partial class ChatList
{
    private static readonly TimeSpan SearchDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan RefreshDelay = TimeSpan.FromMilliseconds(100);

    [Inject] private ConversationService Conversations { get; set; } = default!;
    [Inject] private MessageService Messages { get; set; } = default!;
    [Inject] private PresenceTracker Presence { get; set; } = default!;
    [Inject] private ReaderClock Time { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The chat open beside the list, highlighted.</summary>
    [Parameter] public Guid? ActiveId { get; set; }

    private readonly LatestLoad _loads = new();
    private readonly Debouncer _typing = new(SearchDelay);
    private Actor _actor = default!;
    private IReadOnlyList<ChatListItem>? _items;
    private IReadOnlyList<PersonResult> _people = [];
    private IReadOnlyList<MessageSearchHit> _hits = [];
    private string? _search;
    private bool _searchPending;
    private RefreshGate? _refresh;

    private bool Searching => !string.IsNullOrWhiteSpace(_search);

    protected override async Task OnInitializedAsync()
    {
        _actor = await GetActorAsync();
        _refresh = new RefreshGate(RefreshAsync, RefreshDelay);
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
            case TicketChanged:
                break;
            case ReadAdvanced read when read.ReaderId != _actor.UserId:
                // Someone else's read mark changes their counts, not this list's.
                break;
            default:
                await _refresh!.RequestAsync();
                break;
        }
    }

    // Everything the list shows for what is in the search box: the chats, and while searching people and messages too.
    private async Task LoadAsync()
    {
        var text = _search?.Trim() ?? "";
        await LoadListAsync(_loads, "chat list", async cancellation =>
        {
            var items = await Conversations.ListAsync(_actor, text.Length == 0 ? null : text, cancellation);
            var people = text.Length >= 2 ? await Conversations.SearchPeopleAsync(_actor, text, 8, cancellation) : [];
            var hits = text.Length >= MessageService.SearchMinLength ? await Messages.SearchAsync(_actor, text, cancellationToken: cancellation) : [];
            return () => (_items, _people, _hits) = (items, people, hits);
        });
        // A failed first load leaves an empty list (the outcome says why), not a spinner for ever.
        _items ??= [];
        _searchPending = false;
    }

    private async Task RefreshAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    // Waits for a pause in typing; each keystroke cancels the previous wait (STYLE.md #7).
    private async Task SearchChangedAsync()
    {
        _searchPending = true;
        if (await _typing.WaitAsync()) await LoadAsync();
    }

    private async Task OpenDirectAsync(Guid personId)
    {
        Guid? opened = null;
        if (!await RunChatAsync("open direct chat", async actor => opened = await Conversations.OpenDirectAsync(actor, personId))) return;
        _search = null;
        Navigation.NavigateTo($"/chat/{opened}");
        await LoadAsync();
    }

    private Task NewChatAsync() => OpenFromDialogAsync<NewChatDialog>("New chat");

    private Task NewGroupAsync() => OpenFromDialogAsync<NewGroupDialog>("New group");

    // Each dialog closes with the chat to open (or is cancelled).
    private async Task OpenFromDialogAsync<TDialog>(string title) where TDialog : IComponent
    {
        var dialog = await Dialogs.ShowAsync<TDialog>(title);
        if (await dialog.Result is { Canceled: false, Data: Guid id })
        {
            Navigation.NavigateTo($"/chat/{id}");
            await LoadAsync();
        }
    }

    protected override ValueTask OnDisposingAsync()
    {
        _loads.Dispose();
        _typing.Dispose();
        return ValueTask.CompletedTask;
    }
}
