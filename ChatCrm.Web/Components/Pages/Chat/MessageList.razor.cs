using ChatCrm.Core.Accounts;
using ChatCrm.Core.Chat;
using ChatCrm.Core.Common;
using ChatCrm.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MudBlazor;

namespace ChatCrm.Web.Components.Pages.Chat;

/// <summary>
/// A chat's history on screen: by key, newest page first, older pages as the reader scrolls up (chat.js keeps their
/// place), or a window around a search hit with newer pages below; live messages and edits; read marks while the tab
/// is visible; and the actions on one's own messages. Read ticks follow their own events (<see cref="ReadTicks"/>).
/// </summary>
public sealed partial class MessageList : IMessageActions
{
    /// <summary>A search hit opens with this many newer messages below it.</summary>
    private const int ContextAfter = 25;

    /// <summary>A reply's original further up than this many pages opens as a window around it instead.</summary>
    private const int JumpPagesMax = 10;

    [Inject] private MessageService Messages { get; set; } = default!;
    [Inject] private ReaderClock Time { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private IOptions<ChatOptions> Options { get; set; } = default!;
    [Inject] private ReactionService Reactions { get; set; } = default!;
    [Inject] private PinService Pins { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Parameter, EditorRequired] public Guid ConversationId { get; set; }

    /// <summary>Open at this message (a search hit) instead of the newest.</summary>
    [Parameter] public long? At { get; set; }

    [Parameter, EditorRequired] public ConversationDetails Details { get; set; } = default!;

    /// <summary>"Reply" was chosen on a message: the composer answers it.</summary>
    [Parameter] public EventCallback<MessageView> ReplyRequested { get; set; }

    /// <summary>Staff in a client's chat: each message offers "Open a ticket" for the client.</summary>
    [Parameter] public bool OffersTickets { get; set; }

    private readonly MessageHistory _history = new();
    private readonly ReadReceipts _receipts = new();
    private readonly List<ChatEvent> _early = [];
    private readonly CancellationTokenSource _life = new();
    private Actor _actor = default!;
    private bool _loaded;
    private bool _loadingOlder;
    private bool _loadingNewer;
    private bool _visible;
    private long _markedSeq;
    private long _visibleFrom;
    private long? _scrollTo;
    private Scroll _scroll;
    private ElementReference _listElement;
    private IJSObjectReference? _module;
    private IJSObjectReference? _list;
    private DotNetObjectReference<MessageList>? _self;

    private enum Scroll
    {
        None,
        Bottom,
        ToMessage,
    }

    private bool IsGroup => Details.Kind == ConversationKind.Group;

    private TimeSpan DeleteWindow => TimeSpan.FromMinutes(Options.Value.DeleteForEveryoneMinutes);

    protected override async Task OnInitializedAsync()
    {
        _actor = await GetActorAsync();
        // Listening before the first read: events that arrive during it wait in _early.
        Listen(_actor.UserId);
        try
        {
            var before = At is { } at ? at + ContextAfter : (long?)null;
            var page = await Messages.GetPageAsync(_actor, ConversationId, before, _life.Token);
            _visibleFrom = page.VisibleFrom;
            _history.Start(page, before);
            _receipts.Merge(page.Readers);
            _loaded = true;
            foreach (var early in _early) Apply(early);
            _early.Clear();
            (_scroll, _scrollTo) = At is null ? (Scroll.Bottom, null) : (Scroll.ToMessage, At);
        }
        catch (OperationCanceledException) when (_life.IsCancellationRequested)
        {
            // Closed while loading.
        }
        catch (Exception ex)
        {
            ReportChat(ex, "load chat history");
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!_loaded || _life.IsCancellationRequested) return;
        try
        {
            if (_list is null)
            {
                _self = DotNetObjectReference.Create(this);
                _module = await JS.InvokeAsync<IJSObjectReference>("import", _life.Token, "./" + Assets["js/chat.js"]);
                _list = await _module.InvokeAsync<IJSObjectReference>("attachList", _life.Token, _listElement, _self, _history.HasOlder, _history.HasNewer);
                _visible = await _list.InvokeAsync<bool>("visible", _life.Token);
            }
            switch (_scroll)
            {
                case Scroll.Bottom:
                    _scroll = Scroll.None;
                    await _list.InvokeVoidAsync("scrollToBottom", _life.Token);
                    break;
                case Scroll.ToMessage:
                    _scroll = Scroll.None;
                    await _list.InvokeVoidAsync("setEnds", _life.Token, _history.HasOlder, _history.HasNewer);
                    await _list.InvokeVoidAsync("scrollToMessage", _life.Token, _scrollTo);
                    break;
            }
            await MarkReadAsync();
        }
        catch (Exception ex) when (ex is OperationCanceledException or JSDisconnectedException)
        {
            // Closed (another chat chosen, or the tab went away) while talking to the browser.
        }
    }

    protected override Task OnChatEventAsync(ChatEvent chatEvent)
    {
        if (chatEvent is EventsMissed) return _loaded ? CatchUpAsync() : Task.CompletedTask;
        if (chatEvent.ConversationId != ConversationId || chatEvent is not (MessagePosted or MessageChanged)) return Task.CompletedTask;
        if (!_loaded) _early.Add(chatEvent);
        else if (Apply(chatEvent)) StateHasChanged();
        return Task.CompletedTask;
    }

    private bool Apply(ChatEvent chatEvent)
    {
        switch (chatEvent)
        {
            // Reading older history (a search hit): the new message waits until the reader comes back down.
            // A live message goes to every member alike; a quote this reader may not see is hidden here.
            case MessagePosted posted when !_history.HasNewer:
                _history.Upsert(posted.Message.ForReaderFrom(_visibleFrom));
                return true;
            case MessageChanged changed:
                _history.Replace(changed.Message.ForReaderFrom(_visibleFrom));
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Events may have been missed (another server's were held up by a Redis outage): the newest page is read again
    /// and merged, so what was sent meanwhile shows in its place, with the read ticks as they are now.
    /// </summary>
    private async Task CatchUpAsync()
    {
        if (_history.HasNewer) return; // reading older history: the newest is read on the way back down anyway
        try
        {
            var page = await Messages.GetPageAsync(_actor, ConversationId, null, _life.Token);
            foreach (var message in page.Messages) _history.Upsert(message);
            _receipts.Merge(page.Readers);
            StateHasChanged();
            await MarkReadAsync();
        }
        catch (OperationCanceledException) when (_life.IsCancellationRequested)
        {
            // Closed while reading.
        }
    }

    /// <summary>A message the composer just sent, shown at once (before its live event comes round).</summary>
    public void ShowSent(MessageView sent)
    {
        if (_history.HasNewer)
        {
            JumpToLatest();
            return;
        }
        _history.Upsert(sent);
        _scroll = Scroll.Bottom;
        StateHasChanged();
    }

    private void JumpToLatest() => Navigation.NavigateTo($"/chat/{ConversationId}");

    private MessageRow RowFor(MessageView message, MessageView? previous, DateTimeOffset now)
    {
        var mine = message.SenderId == _actor.UserId;
        var tick = _receipts.TickFor(message, _actor.UserId, IsGroup);
        var present = Details.IsMember && !message.IsDeleted;
        return new MessageRow(message, mine, IsGroup,
            ShowSender: IsGroup && !mine && previous?.SenderId != message.SenderId,
            SenderHasAvatar: Details.Members.FirstOrDefault(m => m.UserId == message.SenderId)?.HasAvatar == true,
            Clock: Time.TimeOfDay(message.CreatedAt), Tick: tick?.Text, ReadBy: tick?.Names,
            CanEdit: mine && present && message.Kind == MessageKind.Text,
            CanDelete: mine && present && now - message.CreatedAt < DeleteWindow,
            Reader: _actor.UserId,
            Mentioned: MentionsOf(message),
            CanAnswer: present && !Details.OtherAccountDeleted,
            CanPin: present && Details.MayPin,
            CanOpenTicket: OffersTickets && !message.IsDeleted);
    }

    // The user names to highlight: those of the people the message mentions, as the chat's members are named now.
    private MentionNames? MentionsOf(MessageView message)
    {
        if (message.Mentions is not { Count: > 0 } ids) return null;
        var names = Details.Members.Where(m => ids.Contains(m.UserId) && m.UserName is not null).Select(m => m.UserName!).ToList();
        var reader = Details.Members.FirstOrDefault(m => m.UserId == _actor.UserId)?.UserName;
        return names.Count == 0 ? null : new MentionNames(names, reader);
    }

    private async Task MarkReadAsync()
    {
        if (!_visible || _history.NewestSeq is not { } newest || newest <= _markedSeq) return;
        _markedSeq = newest;
        try
        {
            await Messages.MarkReadAsync(_actor, ConversationId, newest, _life.Token);
        }
        catch (OperationCanceledException) when (_life.IsCancellationRequested)
        {
            // Closed meanwhile.
        }
        catch (Exception ex)
        {
            // A read mark is worth retrying on the next message, not worth bothering the reader.
            _markedSeq = 0;
            ChatLog.ActionFailed(Logger, ex, "mark read");
        }
    }

    [JSInvokable]
    public async Task SetVisible(bool visible)
    {
        _visible = visible;
        await MarkReadAsync();
    }

    /// <summary>The page before the oldest one shown; JS keeps the reader's place while it is inserted above.</summary>
    [JSInvokable]
    public async Task<bool> LoadOlder()
    {
        await LoadOlderPageAsync();
        StateHasChanged();
        return _history.HasOlder;
    }

    // False when the page could not be read (already said) or another load is under way.
    private async Task<bool> LoadOlderPageAsync()
    {
        if (_loadingOlder || !_history.HasOlder || _history.OldestSeq is not { } oldest) return false;
        _loadingOlder = true;
        try
        {
            var page = await Messages.GetPageAsync(_actor, ConversationId, oldest, _life.Token);
            _history.AddOlder(page);
            _receipts.Merge(page.Readers);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _history.StopLoading();
            ReportChat(ex, "load older messages");
            return false;
        }
        finally
        {
            _loadingOlder = false;
        }
    }

    /// <summary>After a jump into older history: the next page towards the newest, as the reader scrolls down.</summary>
    [JSInvokable]
    public async Task<bool> LoadNewer()
    {
        if (_loadingNewer || !_history.HasNewer || _history.NewestSeq is not { } newest) return _history.HasNewer;
        _loadingNewer = true;
        try
        {
            var before = newest + Options.Value.PageSize + 1;
            var page = await Messages.GetPageAsync(_actor, ConversationId, before, _life.Token);
            _history.AddNewer(page, before);
            _receipts.Merge(page.Readers);
            StateHasChanged();
            await MarkReadAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _history.StopLoading();
            ReportChat(ex, "load newer messages");
            StateHasChanged();
        }
        finally
        {
            _loadingNewer = false;
        }
        return _history.HasNewer;
    }

    // Called from a MessageItem's own handler, which renders only that item: the list renders here.
    async Task<bool> IMessageActions.EditAsync(MessageView message, string text)
    {
        MessageView? edited = null;
        if (!await RunChatAsync("edit message", async actor => edited = await Messages.EditAsync(actor, message.Id, text, _life.Token))) return false;
        _history.Replace(edited!);
        StateHasChanged();
        return true;
    }

    Task IMessageActions.ReplyAsync(MessageView message) => ReplyRequested.InvokeAsync(message);

    async Task IMessageActions.ReactAsync(MessageView message, string emoji)
    {
        MessageView? shown = null;
        if (!await RunChatAsync("react", async actor => shown = await Reactions.ToggleAsync(actor, message.Id, emoji, _life.Token))) return;
        _history.Replace(shown!.ForReaderFrom(_visibleFrom));
        StateHasChanged();
    }

    async Task IMessageActions.SetPinnedAsync(MessageView message, bool pinned)
    {
        MessageView? shown = null;
        if (!await RunChatAsync(pinned ? "pin message" : "unpin message", async actor => shown = await Pins.SetPinnedAsync(actor, message.Id, pinned, _life.Token))) return;
        _history.Replace(shown!.ForReaderFrom(_visibleFrom));
        StateHasChanged();
    }

    /// <summary>
    /// Shows a message of this chat: at once if it is on screen, else after loading the older pages up to it by key
    /// (the reader then scrolls back down through them); one further up than <see cref="JumpPagesMax"/> pages opens
    /// as a window around it, like a search hit.
    /// </summary>
    public async Task JumpToAsync(long seq)
    {
        for (var pages = 0; _history.OldestSeq > seq && _history.HasOlder && pages < JumpPagesMax; pages++)
        {
            if (!await LoadOlderPageAsync()) return;
        }
        if (_history.OldestSeq is { } oldest && oldest <= seq && (_history.NewestSeq >= seq || !_history.HasNewer))
        {
            _scrollTo = seq;
            _scroll = Scroll.ToMessage;
            StateHasChanged();
            return;
        }
        Navigation.NavigateTo($"/chat/{ConversationId}?at={seq}");
    }

    Task IMessageActions.JumpToAsync(long seq) => JumpToAsync(seq);

    Task IMessageActions.ShowPersonAsync(Guid userId) => PersonCardDialog.ShowAsync(Dialogs, userId);

    async Task IMessageActions.DeleteAsync(MessageView message)
    {
        MessageView? deleted = null;
        if (!await RunChatAsync("delete message", async actor => deleted = await Messages.DeleteAsync(actor, message.Id, _life.Token),
                confirm: () => Confirmations.AskAsync("Delete message", "Delete this message for everyone? It shows as “message deleted” in the chat.", "Delete")))
            return;
        _history.Replace(deleted!);
        StateHasChanged();
    }

    protected override async ValueTask OnDisposingAsync()
    {
        await _life.CancelAsync();
        try
        {
            if (_list is not null)
            {
                await _list.InvokeVoidAsync("dispose");
                await _list.DisposeAsync();
            }
            if (_module is not null) await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The tab is gone; there is nothing left to release on its side.
        }
        _self?.Dispose();
        _life.Dispose();
    }
}
