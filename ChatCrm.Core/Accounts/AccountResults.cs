using ChatCrm.Core.Common;

namespace ChatCrm.Core.Accounts;

public enum SignInStatus
{
    /// <summary>A code was mailed (or, for an unknown address, the same reply is given).</summary>
    CodeSent,
    InvalidCredentials,
    /// <summary>
    /// The account is locked. The words are those of a wrong password or code, so that no reply tells a locked
    /// account from an unknown address; the owner learns of the lock by mail, or from the right code.
    /// </summary>
    LockedOut,
    /// <summary>The address is not confirmed yet; a new confirmation code was sent.</summary>
    NotConfirmed,
    Throttled,
    SignedIn,
}

public sealed record SignInOutcome(SignInStatus Status, Guid? UserId = null, string? Message = null)
{
    public static SignInOutcome Throttled(TimeSpan retryAfter) =>
        new(SignInStatus.Throttled, Message: $"Too many codes asked for. Try again in {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))} seconds.");

    /// <summary>An address the mailer could not parse: refused before anything is looked up or stored.</summary>
    public static SignInOutcome BadAddress { get; } = new(SignInStatus.InvalidCredentials, Message: EmailAddresses.InvalidMessage);

    /// <param name="time">The account's own zone: only its owner (who typed its right code) reads this.</param>
    public static SignInOutcome Locked(DateTimeOffset? until, ReaderTime time) =>
        new(SignInStatus.LockedOut, Message: until is null || AdminAccountService.IsAdminLock(until)
            ? "This account is locked. Ask an administrator to unlock it."
            : $"Too many failed attempts. This account is locked until {time.Long(until.Value)}.");
}
