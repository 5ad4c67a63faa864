using ChatCrm.Core.Accounts;
using Microsoft.AspNetCore.WebUtilities;

namespace ChatCrm.Web.Components.Account;

/// <summary>Why a signed-in browser was sent to the sign-in page, which says it in words.</summary>
public enum SignedOutReason
{
    /// <summary>Its session was ended: from the sessions list, by an admin, or by a change to the account.</summary>
    SessionEnded,

    /// <summary>The account is locked (by an admin, or after too many wrong passwords).</summary>
    Locked,
}

/// <summary>
/// Carries a <see cref="SignedOutReason"/> to the sign-in page as <c>?signedOut=ended|locked</c>. Only a browser whose
/// own cookie (or open page) was just refused is sent there with a reason, found from that cookie's own account; the
/// sign-in page reads nothing but that word, so it says the same fixed sentence to anyone who opens the same address
/// and nothing about any account (a locked or unknown address still gets the one reply every sign-in gets).
/// </summary>
public static class SignedOutReasons
{
    public const string QueryName = "signedOut";

    private const string Ended = "ended";
    private const string LockedValue = "locked";
    private static readonly object ItemKey = new();

    public static string ToQueryValue(this SignedOutReason reason) => reason == SignedOutReason.Locked ? LockedValue : Ended;

    /// <summary>The sentence for the sign-in page, or null for no or an unknown reason.</summary>
    public static string? Describe(string? queryValue) => queryValue switch
    {
        Ended => "You were signed out because this session was ended: from your sessions list, by an administrator, " +
                 "or by a change to your account such as a new password or role. Sign in again to go on.",
        LockedValue => "You were signed out because your account is locked. If you do not know why, ask your administrator.",
        _ => null,
    };

    /// <summary>The sign-in page's address for an open page whose sign-in ended under it.</summary>
    public static string LoginUrl(SignedOutReason reason, string? returnUrl = null)
    {
        var query = new Dictionary<string, string?> { [QueryName] = reason.ToQueryValue() };
        if (returnUrl is not null) query["returnUrl"] = returnUrl;
        return QueryHelpers.AddQueryString("/account/login", query);
    }

    /// <summary>Keeps the reason a cookie was refused for the rest of this request (the redirect to sign in).</summary>
    internal static void Remember(HttpContext http, SignedOutReason reason) => http.Items[ItemKey] = reason;

    /// <summary>The sign-in redirect of a request whose cookie was refused carries the reason.</summary>
    internal static string AddTo(string loginRedirect, HttpContext http) =>
        http.Items[ItemKey] is SignedOutReason reason ? QueryHelpers.AddQueryString(loginRedirect, QueryName, reason.ToQueryValue()) : loginRedirect;

    /// <summary>Locked if the account is locked now, else the session ended (also when the account is gone).</summary>
    internal static async Task<SignedOutReason> FindAsync(AccountLockout lockout, Guid? userId, CancellationToken cancellationToken) =>
        userId is { } id && await lockout.LockedUntilAsync(id, cancellationToken) is not null ? SignedOutReason.Locked : SignedOutReason.SessionEnded;
}
