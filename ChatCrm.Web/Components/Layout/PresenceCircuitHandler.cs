using ChatCrm.Core.Accounts;
using ChatCrm.Core.Chat;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace ChatCrm.Web.Components.Layout;

/// <summary>
/// Online status from the circuits themselves (DESIGN.md "Presence"): each open page of a signed-in person is a
/// circuit; the first one connected (on any server) makes them online, the last one gone makes them offline and
/// records "last seen". A page counts while its connection is up, not for as long as the server keeps a disconnected
/// circuit in case it comes back (minutes), so a closed laptop shows as offline at once. Scoped: one per circuit.
/// </summary>
internal sealed class PresenceCircuitHandler(
    AuthenticationStateProvider authentication,
    PresenceTracker presence,
    PresenceAnnouncer announcer) : CircuitHandler
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
        if (await presence.CircuitOpenedAsync(userId)) await announcer.CameOnlineAsync(userId, cancellationToken);
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken) => GoneAsync(cancellationToken);

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken) => GoneAsync(cancellationToken);

    private async Task GoneAsync(CancellationToken cancellationToken)
    {
        if (_userId is not { } userId || !_counted) return;
        _counted = false;
        if (await presence.CircuitClosedAsync(userId)) await announcer.WentOfflineAsync(userId, cancellationToken);
    }
}
