namespace ChatCrm.Core.Accounts;

public enum SignInStatus
{
    /// <summary>A code was mailed (or, for an unknown address, the same reply is given).</summary>
    CodeSent,
    InvalidCredentials,
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

    public static SignInOutcome Locked(DateTimeOffset? until, DateTimeOffset now) =>
        new(SignInStatus.LockedOut, Message: until is null || until > now.AddYears(10)
            ? "This account is locked. Ask an administrator to unlock it."
            : $"Too many failed attempts. This account is locked until {until:yyyy-MM-dd HH:mm} UTC.");
}
