using ChatCrm.Core.Accounts;
using ChatCrm.Core.Chat;
using ChatCrm.Core.Common;
using ChatCrm.Web.Components.Account;
using ChatCrm.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using Radzen;

namespace ChatCrm.Web.Components.Pages.Chat;

/// <summary>
/// One open chat: its history by key (newest page first, older pages as the reader scrolls up, or a window around a
/// search hit), live messages, edits, read ticks, typing and presence, and read marks while the tab is visible.
/// A person outside the chat sees only the refusal, never a title or a message.
/// </summary>
public sealed partial class Conversation : IMessageActions
{
    /// <summary>A search hit opens with this many newer messages below it.</summary>
    private const int ContextAfter = 25;
    private static readonly TimeSpan TypingShownFor = TimeSpan.FromSeconds(6);

    [Inject] private ConversationService Conversations { get; set; } = default!;
    [Inject] private MessageService Messages { get; set; } = default!;
    [Inject] private PresenceTracker Presence { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private ReaderClock Time { get; set; } = default!;
    [Inject] private DialogService Dialogs { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private IOptions<ChatOptions> Options { get; set; } = default!;
    [Inject] private ILogger<Conversation> Logger { get; set; } = default!;

    [Parameter, EditorRequired] public Guid ConversationId { get; set; }

    /// <summary>Open at this message (a search hit) instead of the newest.</summary>
    [Parameter] public long? At { get; set; }

    private readonly List<MessageView> _messages = [];
    private readonly Dictionary<Guid, ReaderMark> _readers = [];
    private readonly Dictionary<Guid, (string Name, int Version)> _typing = [];
    private readonly List<ChatEvent> _early = [];
    private readonly CancellationTokenSource _life = new();
    private Actor _actor = default!;
    private ConversationDetails? _details;
    private string? _refused;
    private string? _notice;
    private bool _loaded;
    private bool _hasOlder;
    private bool _hasNewer;
    private bool _loadingOlder;
    private bool _loadingNewer;
    private bool _visible;
    private bool _showSearch;
    private long _markedSeq;
    private int _typingVersion;
    private int _avatarVersion;
    private DateTimeOffset? _lastSeen;
    private Scroll _scroll;
    private ElementReference _listElement;
    private IJSObjectReference? _module;
    private IJSObjectReference? _list;
    private DotNetObjectReference<Conversation>? _self;

    private enum Scroll
    {
        None,
        Bottom,
        ToHit,
    }

    private bool IsGroup => _details?.Kind == ConversationKind.Group;

    private TimeSpan DeleteWindow => TimeSpan.FromMinutes(Options.Value.DeleteForEveryoneMinutes);

    private bool IsOtherOnline => !IsGroup && _details?.OtherUserId is { } other && Presence.IsOnline(other);

    private string StatusLine
    {
        get
        {
            if (_typing.Count > 0)
            {
                var names = _typing.Values.Select(t => t.Name).ToList();
                return names.Count switch
                {
                    1 => $"{names[0]} is typing…",
                    2 => $"{names[0]} and {names[1]} are typing…",
                    _ => $"{names.Count} people are typing…",
                };
            }
            if (_details is null) return "";
            if (!IsGroup)
            {
                if (_details.OtherUserId is not { } other) return "";
                return Presence.IsOnline(other)
                    ? "online"
                    : ChatFormat.LastSeen(_lastSeen, Time);
            }
            var members = _details.Members.Count;
            var online = _details.Members.Count(m => m.UserId != _actor.UserId && Presence.IsOnline(m.UserId));
            return (members == 1 ? "1 member" : $"{members} members") + (online > 0 ? $", {online} online" : "");
        }
    }

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentActor.GetAsync();
        // Listening before the first read (see ChatList): events that arrive during the read wait in _early.
        Listen(_actor.UserId);
        try
        {
            _details = await Conversations.GetDetailsAsync(_actor, ConversationId, _life.Token);
            var page = await Messages.GetPageAsync(_actor, ConversationId, At is { } at ? at + ContextAfter : null, _life.Token);
            _messages.AddRange(page.Messages);
            _hasOlder = page.HasOlder;
            _hasNewer = At is { } hit && page.Messages.Count > 0 && page.Messages[^1].Seq >= hit + ContextAfter - 1;
            SetReaders(page.Readers);
            await LoadLastSeenAsync();
            _loaded = true;
            foreach (var early in _early) await ApplyAsync(early);
            _early.Clear();
            _scroll = At is null ? Scroll.Bottom : Scroll.ToHit;
        }
        catch (ForbiddenException ex)
        {
            _refused = ex.Message;
            _details = null;
            _messages.Clear();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_details is null || !_loaded || _life.IsCancellationRequested) return;
        try
        {
            if (_list is null)
            {
                _self = DotNetObjectReference.Create(this);
                _module = await JS.InvokeAsync<IJSObjectReference>("import", _life.Token, "./" + Assets["js/chat.js"]);
                _list = await _module.InvokeAsync<IJSObjectReference>("attachList", _life.Token, _listElement, _self, _hasOlder, _hasNewer);
                _visible = await _list.InvokeAsync<bool>("visible", _life.Token);
            }
            switch (_scroll)
            {
                case Scroll.Bottom:
                    _scroll = Scroll.None;
                    await _list.InvokeVoidAsync("scrollToBottom", _life.Token);
                    break;
                case Scroll.ToHit:
                    _scroll = Scroll.None;
                    await _list.InvokeVoidAsync("scrollToMessage", _life.Token, At);
                    break;
            }
            await MarkReadAsync();
        }
        catch (Exception ex) when (ex is OperationCanceledException or JSDisconnectedException)
        {
            // Closed (another chat chosen, or the tab went away) while talking to the browser.
        }
    }

    protected override async Task OnChatEventAsync(ChatEvent chatEvent)
    {
        if (chatEvent is PresenceChanged presence)
        {
            if (_details is null) return;
            if (presence.UserId == _details.OtherUserId && !presence.IsOnline) _lastSeen = presence.LastSeenAt;
            if (presence.UserId == _details.OtherUserId || _details.Members.Any(m => m.UserId == presence.UserId)) StateHasChanged();
            return;
        }
        if (chatEvent.ConversationId != ConversationId || _refused is not null) return;
        if (!_loaded)
        {
            _early.Add(chatEvent);
            return;
        }
        await ApplyAsync(chatEvent);
    }

    private async Task ApplyAsync(ChatEvent chatEvent)
    {
        switch (chatEvent)
        {
            case MessagePosted posted:
                if (posted.Message.SenderId is { } sender) _typing.Remove(sender);
                // Reading older history (a search hit): the new message waits until the reader comes back down.
                if (!_hasNewer) Upsert(posted.Message);
                if (posted.Message.Kind == MessageKind.System) await ReloadDetailsAsync();
                break;
            case MessageChanged changed:
                Replace(changed.Message);
                break;
            case ReadAdvanced read:
                var name = _readers.TryGetValue(read.ReaderId, out var known) ? known.DisplayName
                    : _details?.Members.FirstOrDefault(m => m.UserId == read.ReaderId)?.DisplayName ?? "";
                if (known is null || known.LastReadSeq < read.Seq) _readers[read.ReaderId] = new ReaderMark(read.ReaderId, name, read.Seq);
                break;
            case TypingChanged typing when typing.UserId != _actor.UserId:
                if (typing.IsTyping)
                {
                    var version = ++_typingVersion;
                    _typing[typing.UserId] = (typing.DisplayName, version);
                    _ = ClearTypingLaterAsync(typing.UserId, version);
                }
                else
                {
                    _typing.Remove(typing.UserId);
                }
                break;
            case ConversationChanged:
                _avatarVersion++;
                await ReloadDetailsAsync();
                break;
            default:
                return;
        }
        StateHasChanged();
    }

    // "Typing" is a hint that can be lost (a closed tab never says it stopped), so it fades on its own.
    private async Task ClearTypingLaterAsync(Guid userId, int version)
    {
        try
        {
            await Task.Delay(TypingShownFor, _life.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        if (_typing.TryGetValue(userId, out var shown) && shown.Version == version)
        {
            _typing.Remove(userId);
            StateHasChanged();
        }
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
        }
    }

    private async Task LoadLastSeenAsync()
    {
        if (_details?.OtherUserId is not { } other || IsGroup) return;
        var stored = await Conversations.LastSeenAsync(_actor, other, _life.Token);
        var live = Presence.LastSeen(other);
        _lastSeen = stored is null ? live : live is null ? stored : stored > live ? stored : live;
    }

    private void SetReaders(IReadOnlyList<ReaderMark> readers)
    {
        foreach (var mark in readers)
        {
            if (!_readers.TryGetValue(mark.UserId, out var known) || known.LastReadSeq < mark.LastReadSeq) _readers[mark.UserId] = mark;
        }
    }

    private (string Text, ReaderNames? Names)? TickFor(MessageView message)
    {
        if (message.SenderId != _actor.UserId || message.IsDeleted) return null;
        var readers = _readers.Values.Where(r => r.UserId != _actor.UserId && r.LastReadSeq >= message.Seq);
        if (!IsGroup) return (readers.Any() ? "Read" : "Sent", null);
        var names = readers.Select(r => r.DisplayName).Order(StringComparer.CurrentCultureIgnoreCase).ToList();
        return names.Count == 0 ? ("Sent", null) : ($"Read by {names.Count}", new ReaderNames(names));
    }

    private bool SenderHasAvatar(Guid? senderId) => _details?.Members.FirstOrDefault(m => m.UserId == senderId)?.HasAvatar == true;

    // History is kept sorted by sequence number, the order everyone sees; a message already here is replaced.
    private void Upsert(MessageView message)
    {
        if (_messages.Count == 0 || _messages[^1].Seq < message.Seq)
        {
            _messages.Add(message);
            return;
        }
        int low = 0, high = _messages.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_messages[middle].Seq < message.Seq) low = middle + 1;
            else high = middle;
        }
        if (low < _messages.Count && _messages[low].Seq == message.Seq) _messages[low] = message;
        else _messages.Insert(low, message);
    }

    private void Replace(MessageView message)
    {
        var index = _messages.FindIndex(m => m.Id == message.Id);
        if (index >= 0) _messages[index] = message;
    }

    private async Task MarkReadAsync()
    {
        if (!_visible || _messages.Count == 0) return;
        var newest = _messages[^1].Seq;
        if (newest <= _markedSeq) return;
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
        if (_loadingOlder || !_hasOlder || _messages.Count == 0) return _hasOlder;
        _loadingOlder = true;
        try
        {
            var page = await Messages.GetPageAsync(_actor, ConversationId, _messages[0].Seq, _life.Token);
            var oldest = _messages[0].Seq;
            _messages.InsertRange(0, page.Messages.Where(m => m.Seq < oldest));
            _hasOlder = page.HasOlder;
            SetReaders(page.Readers);
            StateHasChanged();
        }
        catch (ForbiddenException ex)
        {
            _notice = ex.Message;
            _hasOlder = false;
            StateHasChanged();
        }
        finally
        {
            _loadingOlder = false;
        }
        return _hasOlder;
    }

    /// <summary>After a jump into older history: the next page towards the newest, as the reader scrolls down.</summary>
    [JSInvokable]
    public async Task<bool> LoadNewer()
    {
        if (_loadingNewer || !_hasNewer || _messages.Count == 0) return _hasNewer;
        _loadingNewer = true;
        try
        {
            var newest = _messages[^1].Seq;
            var before = newest + Options.Value.PageSize + 1;
            var page = await Messages.GetPageAsync(_actor, ConversationId, before, _life.Token);
            _messages.AddRange(page.Messages.Where(m => m.Seq > newest));
            // Sequence numbers have no gaps, so a page that stops short of the bound was the last one.
            _hasNewer = page.Messages.Count > 0 && page.Messages[^1].Seq >= before - 1;
            SetReaders(page.Readers);
            StateHasChanged();
            await MarkReadAsync();
        }
        catch (ForbiddenException ex)
        {
            _notice = ex.Message;
            _hasNewer = false;
            StateHasChanged();
        }
        finally
        {
            _loadingNewer = false;
        }
        return _hasNewer;
    }

    private void JumpToLatest() => Navigation.NavigateTo($"/chat/{ConversationId}");

    private void OnSent(MessageView sent)
    {
        if (_hasNewer)
        {
            JumpToLatest();
            return;
        }
        Upsert(sent);
        _scroll = Scroll.Bottom;
    }

    // Called from a MessageItem's own handler, which renders only that item: the list renders here.
    async Task<string?> IMessageActions.EditAsync(MessageView message, string text)
    {
        try
        {
            Replace(await Messages.EditAsync(_actor, message.Id, text, _life.Token));
            StateHasChanged();
            return null;
        }
        catch (Exception ex) when (ex is ForbiddenException or ChatRuleException)
        {
            return ex.Message;
        }
        catch (Exception ex)
        {
            ChatLog.ActionFailed(Logger, ex, "edit message");
            return "The change could not be saved. Please try again.";
        }
    }

    async Task IMessageActions.DeleteAsync(MessageView message)
    {
        if (!await ConfirmAsync("Delete message", "Delete this message for everyone? It shows as “message deleted” in the chat.", "Delete")) return;
        await RunAsync("delete message", async () => Replace(await Messages.DeleteAsync(_actor, message.Id, _life.Token)));
        StateHasChanged();
    }

    private async Task HideAsync()
    {
        if (!await ConfirmAsync("Delete chat", "Remove this chat from your list? Nothing is deleted for the others; it comes back when someone writes.", "Delete chat")) return;
        if (await RunAsync("hide chat", () => Conversations.HideAsync(_actor, ConversationId, _life.Token))) Navigation.NavigateTo("/chat");
    }

    private async Task OpenGroupAsync()
    {
        await Dialogs.OpenAsync<GroupDialog>("Group info", new Dictionary<string, object?> { [nameof(GroupDialog.ConversationId)] = ConversationId },
            new DialogOptions { Width = "min(32rem, 95vw)", CloseDialogOnEsc = true, CloseDialogOnOverlayClick = true });
        await ReloadDetailsAsync();
    }

    private async Task<bool> ConfirmAsync(string title, string text, string okText) =>
        await Dialogs.Confirm(text, title, new ConfirmOptions
        {
            OkButtonText = okText,
            CancelButtonText = "Cancel",
            Width = "min(28rem, 95vw)",
            CloseDialogOnEsc = true,
        }) == true;

    private async Task<bool> RunAsync(string action, Func<Task> work)
    {
        _notice = null;
        try
        {
            await work();
            return true;
        }
        catch (Exception ex) when (ex is ForbiddenException or ChatRuleException)
        {
            _notice = ex.Message;
        }
        catch (Exception ex)
        {
            ChatLog.ActionFailed(Logger, ex, action);
            _notice = "Something went wrong. Please try again.";
        }
        return false;
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
