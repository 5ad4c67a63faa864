using ChatCrm.Core.Accounts;
using ChatCrm.Core.Chat;
using ChatCrm.Core.Common;
using ChatCrm.Web.Components.Account;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace ChatCrm.Web.Components.Pages.Chat;

/// <summary>
/// Writing in a chat: Enter sends and Shift+Enter breaks the line (chat.js), the draft survives switching chats
/// (<see cref="ChatDrafts"/>), "typing" goes out at most every 3 s and stops after 4 s idle or on sending, and files
/// upload one after another with a progress bar, refused early with the configured limits when too large.
/// </summary>
public sealed partial class Composer
{
    private const int MaxFilesAtOnce = 10;
    private static readonly TimeSpan TypingEvery = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan TypingIdle = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan ProgressPaintEvery = TimeSpan.FromMilliseconds(100);

    [Inject] private MessageService Messages { get; set; } = default!;
    [Inject] private ChatFileStore FileStore { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private ChatDrafts Drafts { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private IOptions<ChatOptions> Options { get; set; } = default!;
    [Inject] private ILogger<Composer> Logger { get; set; } = default!;

    [Parameter, EditorRequired] public Guid ConversationId { get; set; }

    /// <summary>A message this composer sent, to show at once (before its live event comes round).</summary>
    [Parameter] public EventCallback<MessageView> Sent { get; set; }

    private readonly CancellationTokenSource _life = new();
    private Actor _actor = default!;
    private string? _text;
    private string? _error;
    private readonly Queue<string> _outbox = new();
    private bool _draining;
    private bool _uploading;
    private string? _uploadName;
    private int _uploadIndex;
    private int _uploadCount;
    private double _percent;
    private DateTimeOffset _lastPaint;
    private DateTimeOffset _typingSentAt = DateTimeOffset.MinValue;
    private bool _typingOn;
    private CancellationTokenSource? _idle;
    private ElementReference _textarea;
    private ElementReference _attachButton;
    private ElementReference _sendButton;
    private InputFile? _fileInput;
    private IJSObjectReference? _module;
    private IJSObjectReference? _composer;
    private DotNetObjectReference<Composer>? _self;

    private string LimitsText
    {
        get
        {
            var o = Options.Value;
            return $"Attach files: images up to {ChatFormat.Megabytes(o.ImageMaxBytes)}, videos up to {ChatFormat.Megabytes(o.VideoMaxBytes)}, " +
                   $"other files up to {ChatFormat.Megabytes(o.FileMaxBytes)}";
        }
    }

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentActor.GetAsync();
        _text = Drafts.Get(ConversationId);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || _fileInput?.Element is not { } fileInput) return;
        try
        {
            _self = DotNetObjectReference.Create(this);
            _module = await JS.InvokeAsync<IJSObjectReference>("import", _life.Token, "./" + Assets["js/chat.js"]);
            _composer = await _module.InvokeAsync<IJSObjectReference>("attachComposer", _life.Token, _textarea, fileInput, _attachButton, _sendButton, _self, _text);
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
        StateHasChanged();
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
        _error = null;
        try
        {
            // The message itself clears "typing…" on the other side (Conversation drops the sender's typing line when
            // their message arrives); a separate "stopped typing" round trip first would only delay the message.
            _typingOn = false;
            _typingSentAt = DateTimeOffset.MinValue;
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
                    _error = ex.Message;
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
            _error = "The message was not sent: it is back in the box. Please try again.";
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
        if (string.IsNullOrWhiteSpace(_text))
        {
            await StopTypingAsync();
            return;
        }
        var now = Clock.GetUtcNow();
        if (now - _typingSentAt >= TypingEvery)
        {
            _typingSentAt = now;
            _typingOn = true;
            await SetTypingAsync(true);
        }
        // Each keystroke restarts the idle wait.
        if (_idle is not null) await _idle.CancelAsync();
        _idle?.Dispose();
        _idle = new CancellationTokenSource();
        _ = StopTypingWhenIdleAsync(_idle.Token);
    }

    private async Task StopTypingWhenIdleAsync(CancellationToken idle)
    {
        try
        {
            await Task.Delay(TypingIdle, idle);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        await InvokeAsync(StopTypingAsync);
    }

    private async Task StopTypingAsync()
    {
        if (!_typingOn) return;
        _typingOn = false;
        _typingSentAt = DateTimeOffset.MinValue;
        await SetTypingAsync(false);
    }

    private async Task SetTypingAsync(bool typing)
    {
        try
        {
            await Messages.SetTypingAsync(_actor, ConversationId, typing, _life.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Typing is a courtesy: a failure here must never get in the way of writing.
            ChatLog.TypingFailed(Logger, ex);
        }
        catch (OperationCanceledException)
        {
            // Closed.
        }
    }

    private async Task UploadAsync(InputFileChangeEventArgs e)
    {
        _error = null;
        if (_uploading)
        {
            // Only a paste can start a second upload (the button is off meanwhile).
            _error = "Wait until the current upload has finished, then attach again.";
            return;
        }
        if (e.FileCount > MaxFilesAtOnce)
        {
            _error = $"Attach at most {MaxFilesAtOnce} files at a time.";
            return;
        }
        var files = e.GetMultipleFiles(MaxFilesAtOnce);
        var problems = new List<string>();
        _uploading = true;
        try
        {
            for (var i = 0; i < files.Count; i++)
            {
                var file = files[i];
                if (Refusal(file) is { } refusal)
                {
                    problems.Add(refusal);
                    continue;
                }
                _uploadName = file.Name;
                _uploadIndex = i + 1;
                _uploadCount = files.Count;
                _percent = 0;
                StateHasChanged();
                try
                {
                    await using var browserStream = file.OpenReadStream(FileStore.MaxBytes, _life.Token);
                    await using var counted = new ProgressStream(browserStream, read => ShowProgress(read, file.Size));
                    var sent = await Messages.SendFileAsync(_actor, ConversationId, counted, file.Name, null, _life.Token);
                    await Sent.InvokeAsync(sent);
                }
                catch (ChatRuleException ex)
                {
                    problems.Add($"{file.Name}: {ex.Message}");
                }
                catch (IOException ex)
                {
                    ChatLog.UploadInterrupted(Logger, ex, file.Size);
                    problems.Add($"{file.Name} did not finish uploading. Please try again.");
                }
            }
        }
        catch (ForbiddenException ex)
        {
            problems.Add(ex.Message);
        }
        catch (OperationCanceledException) when (_life.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            ChatLog.ActionFailed(Logger, ex, "upload files");
            problems.Add("The upload failed. Please try again.");
        }
        finally
        {
            _uploading = false;
        }
        if (problems.Count > 0) _error = string.Join(" ", problems);
    }

    // Refuse before sending a single byte what the server would refuse after reading it all; the store checks again
    // from the file's real content.
    private string? Refusal(IBrowserFile file)
    {
        var o = Options.Value;
        var extension = Path.GetExtension(file.Name);
        if (o.BlockedExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase)) return $"{file.Name}: files of type {extension} cannot be sent.";
        if (file.Size == 0) return $"{file.Name} is empty.";
        var (what, limit) = file.ContentType switch
        {
            var t when t.StartsWith("image/", StringComparison.OrdinalIgnoreCase) => ("Pictures", o.ImageMaxBytes),
            var t when t.StartsWith("video/", StringComparison.OrdinalIgnoreCase) => ("Videos", o.VideoMaxBytes),
            _ => ("Files", o.FileMaxBytes),
        };
        return file.Size > limit
            ? $"{file.Name} is too large ({ChatFormat.Size(file.Size)}): {what.ToLowerInvariant()} can be at most {ChatFormat.Megabytes(limit)}."
            : null;
    }

    private void ShowProgress(long read, long total)
    {
        var percent = total <= 0 ? 100 : Math.Min(100, Math.Round(read * 100.0 / total));
        var now = Clock.GetUtcNow();
        if (percent == _percent || (now - _lastPaint < ProgressPaintEvery && percent < 100)) return;
        _percent = percent;
        _lastPaint = now;
        _ = InvokeAsync(StateHasChanged);
    }

    public async ValueTask DisposeAsync()
    {
        // Keep what was typed for when this chat is opened again, and tell the others the typing stopped.
        Drafts.Set(ConversationId, _text);
        if (_typingOn)
        {
            _typingOn = false;
            _ = Messages.SetTypingAsync(_actor, ConversationId, false).ContinueWith(
                t => ChatLog.TypingFailed(Logger, t.Exception!), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
        await _life.CancelAsync();
        if (_idle is not null) await _idle.CancelAsync();
        _idle?.Dispose();
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
