using ChatCrm.Core.Accounts;
using ChatCrm.Core.Chat;
using ChatCrm.Core.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace ChatCrm.Web.Components.Pages.Chat;

/// <summary>
/// Writing in a chat: Enter sends and Shift+Enter breaks the line (chat.js), the draft survives switching chats
/// (<see cref="ChatDrafts"/>), messages go out one at a time in the order written, and "typing" goes out as the text
/// changes (<see cref="TypingSignal"/>). A message that could not be sent goes back into the box.
/// </summary>
public sealed partial class Composer
{
    [Inject] private MessageService Messages { get; set; } = default!;
    [Inject] private ChatDrafts Drafts { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private Mentions Mentions { get; set; } = default!;

    [Parameter, EditorRequired] public Guid ConversationId { get; set; }

    /// <summary>A message this composer sent, to show at once (before its live event comes round).</summary>
    [Parameter] public EventCallback<MessageView> Sent { get; set; }

    /// <summary>The message being answered (chosen on the message); the next message sent answers it.</summary>
    [Parameter] public MessageView? ReplyTo { get; set; }

    /// <summary>The answer was sent, or cancelled.</summary>
    [Parameter] public EventCallback ReplyDone { get; set; }

    /// <summary>In a group, "@" suggests its members.</summary>
    [Parameter] public bool InGroup { get; set; }

    private readonly CancellationTokenSource _life = new();
    private readonly Queue<(string Text, Guid? ReplyTo)> _outbox = new();
    private IReadOnlyList<PersonResult> _suggestions = [];
    private int _mentionQuery;
    private bool _render;
    private Guid? _replyShown;
    private Actor _actor = default!;
    private TypingSignal? _typing;
    private string? _text;
    private bool _draining;
    private ElementReference _root;
    private IJSObjectReference? _module;
    private IJSObjectReference? _composer;
    private DotNetObjectReference<Composer>? _self;

    protected override async Task OnInitializedAsync()
    {
        _actor = await GetActorAsync();
        _text = Drafts.Get(ConversationId);
        _typing = new TypingSignal(Messages, _actor, ConversationId, Clock, InvokeAsync, Logger);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        try
        {
            _self = DotNetObjectReference.Create(this);
            _module = await JS.InvokeAsync<IJSObjectReference>("import", _life.Token, "./" + Assets["js/chat.js"]);
            _composer = await _module.InvokeAsync<IJSObjectReference>("attachComposer", _life.Token, _root, _self, _text);
            await _composer.InvokeVoidAsync("focus", _life.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or JSDisconnectedException)
        {
            // Closed while starting.
        }
    }

    /// <summary>The text taken from the box by Enter or the send button (chat.js has already emptied the box).</summary>
    [JSInvokable]
    public async Task Send(string text)
    {
        _text = "";
        Drafts.Set(ConversationId, null);
        var replyTo = ReplyTo?.Id;
        if (replyTo is not null && text.Trim().Length > 0) await ReplyDone.InvokeAsync();
        await SendAsync(text, replyTo);
    }

    /// <summary>
    /// The "@name" being typed before the caret (chat.js), or null when there is none: the members it matches are
    /// listed. An answer that comes after a newer keystroke's is dropped.
    /// </summary>
    [JSInvokable]
    public async Task MentionQuery(string? prefix)
    {
        var query = ++_mentionQuery;
        IReadOnlyList<PersonResult> found = [];
        if (prefix is not null && InGroup)
        {
            try
            {
                found = await Mentions.SuggestAsync(_actor, ConversationId, prefix, _life.Token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Suggestions are a help: without them the name can still be typed in full.
                ChatLog.ActionFailed(Logger, ex, "suggest mentions");
            }
        }
        if (query != _mentionQuery || (found.Count == 0 && _suggestions.Count == 0)) return;
        _suggestions = found;
        _render = true;
        StateHasChanged();
    }

    private async Task CancelReplyAsync()
    {
        await ReplyDone.InvokeAsync();
        if (_composer is not null) await _composer.InvokeVoidAsync("focus", _life.Token);
    }

    // Messages go out one at a time in the order written: a second Enter while the first message travels queues
    // behind it instead of being dropped or overtaking it.
    private async Task SendAsync(string text, Guid? replyTo)
    {
        text = text.Trim();
        if (text.Length == 0) return;
        _outbox.Enqueue((text, replyTo));
        if (_draining) return;
        _draining = true;
        try
        {
            _typing?.MessageSent();
            while (_outbox.TryPeek(out var next))
            {
                try
                {
                    var sent = await Messages.SendTextAsync(_actor, ConversationId, next.Text, next.ReplyTo, _life.Token);
                    _outbox.Dequeue();
                    await Sent.InvokeAsync(sent);
                }
                catch (Exception ex) when (ex is ForbiddenException or ChatRuleException)
                {
                    _outbox.Dequeue();
                    Outcomes.Refused(ex.Message);
                    await GiveBackAsync([next.Text]);
                }
            }
        }
        catch (OperationCanceledException) when (_life.IsCancellationRequested)
        {
            // The chat was closed while sending; what was stored shows when it is opened again.
        }
        catch (Exception ex)
        {
            ChatLog.ActionFailed(Logger, ex, "send message");
            Outcomes.Refused("The message was not sent: it is back in the box. Please try again.");
            var unsent = _outbox.Select(m => m.Text).ToList();
            _outbox.Clear();
            await GiveBackAsync(unsent);
        }
        finally
        {
            _draining = false;
        }
    }

    // An unsent message goes back into the box, ahead of anything typed since, so nothing written is lost.
    private async Task GiveBackAsync(IReadOnlyList<string> texts)
    {
        var back = string.Join("\n", texts);
        try
        {
            if (_composer is not null) await _composer.InvokeVoidAsync("giveBack", back);
        }
        catch (JSDisconnectedException)
        {
            // The tab is gone; keep the text as the draft at least.
        }
        _text = string.IsNullOrEmpty(_text) ? back : back + "\n" + _text;
        Drafts.Set(ConversationId, _text);
    }

    private async Task TextChangedAsync(ChangeEventArgs e)
    {
        _text = e.Value as string;
        Drafts.Set(ConversationId, _text);
        if (_typing is not null) await _typing.TextChangedAsync(_text);
    }

    protected override void OnParametersSet()
    {
        if (ReplyTo?.Id == _replyShown) return;
        _replyShown = ReplyTo?.Id;
        _render = true;
        if (ReplyTo is not null && _composer is not null) _ = FocusAsync();
    }

    private async Task FocusAsync()
    {
        try
        {
            await _composer!.InvokeVoidAsync("focus", _life.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or JSDisconnectedException)
        {
            // Closed meanwhile.
        }
    }

    // The text box never comes from the server after the first render (typing needs no render round trip); only the
    // reply bar and the mention list above it do, when they change.
    protected override bool ShouldRender()
    {
        var render = _render;
        _render = false;
        return render;
    }

    public async ValueTask DisposeAsync()
    {
        // Keep what was typed for when this chat is opened again, and tell the others the typing stopped.
        Drafts.Set(ConversationId, _text);
        _typing?.Dispose();
        await _life.CancelAsync();
        try
        {
            if (_composer is not null)
            {
                await _composer.InvokeVoidAsync("dispose");
                await _composer.DisposeAsync();
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
