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

    [Parameter, EditorRequired] public Guid ConversationId { get; set; }

    /// <summary>A message this composer sent, to show at once (before its live event comes round).</summary>
    [Parameter] public EventCallback<MessageView> Sent { get; set; }

    private readonly CancellationTokenSource _life = new();
    private readonly Queue<string> _outbox = new();
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
        await SendAsync(text);
    }

    // Messages go out one at a time in the order written: a second Enter while the first message travels queues
    // behind it instead of being dropped or overtaking it.
    private async Task SendAsync(string text)
    {
        text = text.Trim();
        if (text.Length == 0) return;
        _outbox.Enqueue(text);
        if (_draining) return;
        _draining = true;
        try
        {
            _typing?.MessageSent();
            while (_outbox.TryPeek(out var next))
            {
                try
                {
                    var sent = await Messages.SendTextAsync(_actor, ConversationId, next, _life.Token);
                    _outbox.Dequeue();
                    await Sent.InvokeAsync(sent);
                }
                catch (Exception ex) when (ex is ForbiddenException or ChatRuleException)
                {
                    _outbox.Dequeue();
                    Outcomes.Refused(ex.Message);
                    await GiveBackAsync([next]);
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
            var unsent = _outbox.ToList();
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

    // Nothing the box shows comes from the server after the first render: typing needs no render round trip.
    protected override bool ShouldRender() => false;

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
