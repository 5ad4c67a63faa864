using ChatCrm.Core.Accounts;
using ChatCrm.Core.Chat;
using ChatCrm.Core.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Web.Components.Layout;

/// <summary>
/// Online status from the circuits themselves (DESIGN.md "Presence"): each open page of a signed-in person is a
/// circuit; the first one connected makes them online, the last one gone makes them offline and records "last seen".
/// A page counts while its connection is up, not for as long as the server keeps a disconnected circuit in case it
/// comes back (minutes), so a closed laptop shows as offline at once. Scoped: one per circuit.
/// </summary>
internal sealed partial class PresenceCircuitHandler(
    AuthenticationStateProvider authentication,
    PresenceTracker presence,
    ChatEvents events,
    IDbContextFactory<ChatCrmDbContext> dbFactory,
    TimeProvider clock,
    ILogger<PresenceCircuitHandler> logger) : CircuitHandler
{
    private Guid? _userId;
    private bool _counted;

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        _userId = state.User.GetUserId();
    }

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (_userId is not { } userId || _counted) return;
        _counted = true;
        if (presence.CircuitOpened(userId)) await AnnounceAsync(userId, true, null, cancellationToken);
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken) => GoneAsync(cancellationToken);

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken) => GoneAsync(cancellationToken);

    private async Task GoneAsync(CancellationToken cancellationToken)
    {
        if (_userId is not { } userId || !_counted) return;
        _counted = false;
        if (!presence.CircuitClosed(userId)) return;
        var now = clock.GetUtcNow();
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(set => set.SetProperty(u => u.LastSeenAt, now), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPresenceFailure(ex, userId);
        }
        await AnnounceAsync(userId, false, now, cancellationToken);
    }

    // Presence is told only to people who share a chat with the person, not to everyone.
    private async Task AnnounceAsync(Guid userId, bool online, DateTimeOffset? lastSeen, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var contacts = await (
                from mine in db.Participants
                where mine.UserId == userId && mine.LeftAt == null
                join other in db.Participants on mine.ConversationId equals other.ConversationId
                where other.UserId != userId && other.LeftAt == null
                select other.UserId).Distinct().ToListAsync(cancellationToken);
            await events.PublishAsync(contacts, new PresenceChanged(userId, online, lastSeen));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPresenceFailure(ex, userId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record or announce presence for {UserId}")]
    private partial void LogPresenceFailure(Exception exception, Guid userId);
}
