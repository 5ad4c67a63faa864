namespace ChatCrm.Web.Components.Account;

/// <summary>
/// One circuit's "go to sign-in" after its session ended. Two parts notice it at once (the layout's
/// SignedOutRedirect and the router's RedirectToLogin); two full-page navigations would abort each other in the
/// browser, so only the first one goes. The circuit's sign-in check leaves here why it failed, for the sign-in page.
/// </summary>
public sealed class SignOutNavigation
{
    private int _started;
    private volatile int _reason;

    /// <summary>Why this circuit's sign-in ended (set by the periodic check that found it ended).</summary>
    public SignedOutReason Reason
    {
        get => (SignedOutReason)_reason;
        set => _reason = (int)value;
    }

    /// <returns>True for the first caller in this circuit only.</returns>
    public bool TryStart() => Interlocked.Exchange(ref _started, 1) == 0;

    /// <summary>The sign-in page, told why this page was signed out.</summary>
    public string LoginUrl(string? returnUrl = null) => SignedOutReasons.LoginUrl(Reason, returnUrl);
}
