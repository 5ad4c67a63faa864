using ChatCrm.Core.Accounts;
using Microsoft.AspNetCore.Components.Authorization;

namespace ChatCrm.Web.Components.Account;

/// <summary>The signed-in person of this circuit or request, as the Core services want it.</summary>
internal sealed class CurrentActor(AuthenticationStateProvider authentication)
{
    public async Task<Actor> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return Actor.FromPrincipal(state.User) ?? throw new InvalidOperationException("No signed-in person on this page.");
    }
}
