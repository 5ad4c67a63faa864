using ChatCrm.Core.Accounts;
using ChatCrm.Core.Chat;

namespace ChatCrm.Web.Components.Pages.Chat;

/// <summary>
/// Tells the others in a chat that this person is typing (their <see cref="TypingLine"/> shows it): at most every 3 s
/// while the text changes, and "stopped" after 4 s without a keystroke, when the box is emptied or when the composer
/// closes. Sending a message says nothing: the message itself ends the other side's line, and a separate "stopped"
/// first would only delay it. Typing is a courtesy, so a failure here never gets in the way of writing.
/// </summary>
internal sealed class TypingSignal(MessageService messages, Actor actor, Guid conversationId, TimeProvider clock,
    Func<Func<Task>, Task> onCircuit, ILogger logger) : IDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(4);

    private readonly CancellationTokenSource _life = new();
    private DateTimeOffset _sentAt = DateTimeOffset.MinValue;
    private bool _on;
    private CancellationTokenSource? _idle;

    public async Task TextChangedAsync(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            await StopAsync();
            return;
        }
        var now = clock.GetUtcNow();
        if (now - _sentAt >= Every)
        {
            _sentAt = now;
            _on = true;
            await SetAsync(true);
        }
        // Each keystroke restarts the idle wait.
        if (_idle is not null) await _idle.CancelAsync();
        _idle?.Dispose();
        _idle = new CancellationTokenSource();
        _ = StopWhenIdleAsync(_idle.Token);
    }

    /// <summary>A message went: the others' typing line ends with it.</summary>
    public void MessageSent()
    {
        _on = false;
        _sentAt = DateTimeOffset.MinValue;
    }

    private async Task StopWhenIdleAsync(CancellationToken idle)
    {
        try
        {
            await Task.Delay(Idle, idle);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        await onCircuit(StopAsync);
    }

    private async Task StopAsync()
    {
        if (!_on) return;
        _on = false;
        _sentAt = DateTimeOffset.MinValue;
        await SetAsync(false);
    }

    private async Task SetAsync(bool typing)
    {
        try
        {
            await messages.SetTypingAsync(actor, conversationId, typing, _life.Token);
        }
        catch (OperationCanceledException)
        {
            // Closed.
        }
        catch (Exception ex)
        {
            ChatLog.TypingFailed(logger, ex);
        }
    }

    /// <summary>The composer closes: "stopped" goes out without waiting (the page may be going away).</summary>
    public void Dispose()
    {
        if (_on)
        {
            _on = false;
            _ = messages.SetTypingAsync(actor, conversationId, false).ContinueWith(
                t => ChatLog.TypingFailed(logger, t.Exception!), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
        _life.Cancel();
        _life.Dispose();
        _idle?.Cancel();
        _idle?.Dispose();
    }
}
