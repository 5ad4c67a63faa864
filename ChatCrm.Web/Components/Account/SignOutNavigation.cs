namespace ChatCrm.Web.Components.Account;

/// <summary>
/// One circuit's "go to sign-in" after its session ended. Two parts notice it at once (the layout's
/// SignedOutRedirect and the router's RedirectToLogin); two full-page navigations would abort each other in the
/// browser, so only the first one goes.
/// </summary>
public sealed class SignOutNavigation
{
    private int _started;

    /// <returns>True for the first caller in this circuit only.</returns>
    public bool TryStart() => Interlocked.Exchange(ref _started, 1) == 0;
}
