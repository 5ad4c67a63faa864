using ChatCrm.Core.Chat;
using Microsoft.AspNetCore.Components;

namespace ChatCrm.Web.Components.Pages.Chat;

/// <summary>
/// The one live-update pattern for chat components (STYLE.md #6, eShop's OrdersRefreshOnStatusChange): subscribe to
/// <see cref="ChatEvents"/>, hop onto the circuit with InvokeAsync, hand failures to the error boundary with
/// DispatchExceptionAsync, and drop the subscription on dispose. The publisher's thread is never held up: it only
/// queues the work, so a slow page cannot slow a sender down. Actions run as in every chat component
/// (<see cref="ChatActionComponent"/>).
/// </summary>
public abstract class ChatLiveComponent : ChatActionComponent, IAsyncDisposable
{
    private IDisposable? _subscription;
    private bool _disposed;

    [Inject] private ChatEvents Events { get; set; } = default!;

    /// <summary>
    /// Starts listening for the person's chat events; call once. Chat components exist only on a live circuit (the
    /// chat page shows them after its own first render), so they listen before their first read, not after their
    /// first render: an event between the read and the subscription would otherwise be lost.
    /// </summary>
    protected void Listen(Guid userId) => _subscription ??= Events.Subscribe(userId, Deliver);

    /// <summary>Runs on the circuit, one event at a time in arrival order (until it awaits).</summary>
    protected abstract Task OnChatEventAsync(ChatEvent chatEvent);

    private Task Deliver(ChatEvent chatEvent)
    {
        _ = DeliverOnCircuitAsync(chatEvent);
        return Task.CompletedTask;
    }

    private async Task DeliverOnCircuitAsync(ChatEvent chatEvent)
    {
        try
        {
            await InvokeAsync(async () =>
            {
                if (_disposed) return;
                try
                {
                    await OnChatEventAsync(chatEvent);
                }
                catch (Exception ex)
                {
                    if (!_disposed) await DispatchExceptionAsync(ex);
                }
            });
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away between the publish and this hop; nobody is left to show anything to.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        _subscription?.Dispose();
        await OnDisposingAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Release JS modules and timers here.</summary>
    protected virtual ValueTask OnDisposingAsync() => ValueTask.CompletedTask;
}
