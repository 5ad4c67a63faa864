using ChatCrm.Core.Common;
using ChatCrm.Core.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatCrm.Core.Accounts;

/// <summary>
/// The sign-up, sign-in and reset steps behind the account pages. Every reply that follows an address
/// is the same in words, status and (within a small factor) time whether or not an account has it, and whether or
/// not that account is locked; the difference only shows in the mailbox. So an unknown address hashes the password as
/// a known one does, a code never mailed is answered by a stand-in (<see cref="CodeDecoys"/>), and a lock is told to
/// the account's owner by mail while the page gives everyone the same sentence.
/// </summary>
public sealed class AccountFlows(
    IServiceScopeFactory scopes,
    EmailCodeService codes,
    ICodeDecoys decoys,
    ReplyPacing pacing,
    ICodeSendThrottle throttle,
    AccountLockout lockout,
    SessionService sessions,
    MailOutbox outbox,
    IOptions<AccountOptions> options,
    TimeProvider clock)
{
    private const string SendCodeStep = "send-code";

    /// <summary>The reply to every "send me a code" step, whatever the address.</summary>
    public string SameReply => $"If that address can be used, we have emailed it a 6-digit code. It works for {CodeLifetime}.";

    /// <summary>How long a code works, in words, from <see cref="AccountOptions.CodeLifetimeMinutes"/>.</summary>
    public string CodeLifetime => CodeEmails.Lifetime(CodeLifetimeMinutes);

    /// <summary>
    /// The one answer to a failed password step: wrong address, wrong password and a locked account read alike, so
    /// the page never tells whether an address has an account. The owner of a locked account learns it by mail.
    /// </summary>
    public string SignInFailedReply =>
        $"Wrong email or password. After {options.Value.MaxFailedAccessAttempts} failed attempts an account is locked for " +
        $"{options.Value.LockoutMinutes} minutes, and its owner gets an email saying so.";

    /// <summary>
    /// Signs a new person up (a Client, confirmed by a mailed code). Replies the same whether the address has an account
    /// or not; a user name taken is said (user names are public: members see them in every chat).
    /// </summary>
    public async Task<SignInOutcome> RegisterAsync(SignUpPerson person, string emailAddress, string password, string? ipAddress, CancellationToken cancellationToken = default)
    {
        if (!EmailAddresses.IsValid(emailAddress)) return SignInOutcome.BadAddress;
        var userName = UserNames.Normalize(person.UserName);
        if (!UserNames.IsValid(userName)) return new SignInOutcome(SignInStatus.InvalidCredentials, Message: UserNames.PatternMessage);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var mobile = string.IsNullOrWhiteSpace(person.Mobile) ? null : person.Mobile.Trim();
        var candidate = new AppUser { DisplayName = person.DisplayName, Email = emailAddress.Trim(), UserName = userName, PhoneNumber = mobile };
        var passwordCheck = await ValidatePasswordAsync(users, candidate, password);
        if (passwordCheck is not null) return new SignInOutcome(SignInStatus.InvalidCredentials, Message: passwordCheck);
        // Before the address is looked at, so the answer is the same for every address.
        if (await users.FindByNameAsync(userName) is not null) return new SignInOutcome(SignInStatus.InvalidCredentials, Message: UserNames.Taken);
        if (await throttle.TryAcquireAsync(emailAddress, CodePurpose.ConfirmSignUp, ipAddress) is { } wait) return SignInOutcome.Throttled(wait);

        var existing = await users.FindByEmailAsync(emailAddress);
        // A new account's password is hashed below; hashing it for a known address too keeps both equally slow.
        if (existing is not null) users.PasswordHasher.HashPassword(candidate, password);
        if (existing is { EmailConfirmed: true })
        {
            await decoys.IssueAsync(emailAddress, CodePurpose.ConfirmSignUp);
            await outbox.SendAsync(EmailTemplates.Build(existing.Email!, "You already have a ChatCrm account", existing.DisplayName,
                ["Someone (maybe you) tried to sign up with this address, but it already has an account.",
                 "Sign in instead, or use \"Forgot password\" if you no longer know your password."]), cancellationToken);
            return new SignInOutcome(SignInStatus.CodeSent);
        }
        if (existing is not null)
        {
            await SendCodeAsync(existing, CodePurpose.ConfirmSignUp, existing.Email!, cancellationToken);
            return new SignInOutcome(SignInStatus.CodeSent);
        }

        candidate.CreatedAt = clock.GetUtcNow();
        var created = await users.CreateAsync(candidate, password);
        if (!created.Succeeded)
        {
            // A parallel sign-up with the same address lost the race to the unique index: same reply as above.
            await decoys.IssueAsync(emailAddress, CodePurpose.ConfirmSignUp);
            return new SignInOutcome(SignInStatus.CodeSent);
        }
        await users.AddToRoleAsync(candidate, Roles.Client);
        await SendCodeAsync(candidate, CodePurpose.ConfirmSignUp, candidate.Email!, cancellationToken);
        return new SignInOutcome(SignInStatus.CodeSent);
    }

    public async Task<SignInOutcome> ResendAsync(string emailAddress, CodePurpose purpose, string? ipAddress, CancellationToken cancellationToken = default)
    {
        if (!EmailAddresses.IsValid(emailAddress)) return SignInOutcome.BadAddress;
        if (await throttle.TryAcquireAsync(emailAddress, purpose, ipAddress) is { } wait) return SignInOutcome.Throttled(wait);
        var started = ReplyPacing.Start();
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(emailAddress);
        var locked = user is not null && lockout.IsLocked(user);
        // A failed-password lockout ends on its own or by a reset; an admin lock does not.
        var lockedByAdmin = locked && AdminAccountService.IsAdminLock(user!.LockoutEnd);
        var eligible = user is not null && purpose switch
        {
            CodePurpose.ConfirmSignUp => !user.EmailConfirmed && !locked,
            CodePurpose.SignIn => user.EmailConfirmed && !locked,
            CodePurpose.ResetPassword => user.EmailConfirmed && !lockedByAdmin,
            _ => false,
        };
        if (!eligible)
        {
            await decoys.IssueAsync(emailAddress, purpose);
            await pacing.PadAsync(SendCodeStep, started, cancellationToken);
            return new SignInOutcome(SignInStatus.CodeSent);
        }
        await SendCodeAsync(user!, purpose, user!.Email!, cancellationToken);
        pacing.RecordReal(SendCodeStep, started);
        return new SignInOutcome(SignInStatus.CodeSent);
    }

    /// <summary>Confirms a new account's address; the person is then signed in.</summary>
    public async Task<SignInOutcome> ConfirmSignUpAsync(string emailAddress, string code, CancellationToken cancellationToken = default)
    {
        var started = ReplyPacing.Start();
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(emailAddress);
        var pending = user is { EmailConfirmed: false } ? user : null;
        var (check, stored) = await CheckCodeAsync(pending, emailAddress, CodePurpose.ConfirmSignUp, code, cancellationToken);
        if (!check.IsValid)
        {
            await PaceAsync("confirm-code", stored, started, cancellationToken);
            return new SignInOutcome(SignInStatus.InvalidCredentials, Message: check.Message);
        }
        pending!.EmailConfirmed = true;
        await users.UpdateAsync(pending);
        return new SignInOutcome(SignInStatus.SignedIn, pending.Id);
    }

    /// <summary>Step one of password sign-in: checks the password (counting failures toward lockout), then mails a code.</summary>
    public async Task<SignInOutcome> BeginPasswordSignInAsync(string emailAddress, string password, string? ipAddress, CancellationToken cancellationToken = default)
    {
        if (!EmailAddresses.IsValid(emailAddress)) return SignInOutcome.BadAddress;
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(emailAddress);
        if (user is null || user.PasswordHash is null || lockout.IsLocked(user))
        {
            // Hash anyway, so an unknown, password-less or locked account takes as long to answer as a wrong password;
            // a locked account's password is not checked, so guessing on during the lock learns nothing.
            users.PasswordHasher.HashPassword(new AppUser(), password);
            var locked = user is not null && lockout.IsLocked(user);
            return new SignInOutcome(locked ? SignInStatus.LockedOut : SignInStatus.InvalidCredentials, Message: SignInFailedReply);
        }
        if (!await users.CheckPasswordAsync(user, password))
        {
            var failure = await CountFailureAsync(user, cancellationToken);
            return new SignInOutcome(failure == FailureCount.Counted ? SignInStatus.InvalidCredentials : SignInStatus.LockedOut, Message: SignInFailedReply);
        }
        await lockout.ResetCountAsync(user.Id, cancellationToken);
        var purpose = user.EmailConfirmed ? CodePurpose.SignIn : CodePurpose.ConfirmSignUp;
        if (await throttle.TryAcquireAsync(emailAddress, purpose, ipAddress) is { } wait) return SignInOutcome.Throttled(wait);
        if (!user.EmailConfirmed)
        {
            await SendCodeAsync(user, CodePurpose.ConfirmSignUp, user.Email!, cancellationToken);
            return new SignInOutcome(SignInStatus.NotConfirmed, Message: "Confirm your email address first: we have sent you a new code.");
        }
        await SendCodeAsync(user, CodePurpose.SignIn, user.Email!, cancellationToken);
        return new SignInOutcome(SignInStatus.CodeSent);
    }

    /// <summary>"Email me a code": no password; the same reply for every address.</summary>
    public Task<SignInOutcome> SendSignInCodeAsync(string emailAddress, string? ipAddress, CancellationToken cancellationToken = default) =>
        ResendAsync(emailAddress, CodePurpose.SignIn, ipAddress, cancellationToken);

    /// <summary>
    /// Step two: the emailed code. Wrong codes count toward lockout like wrong passwords. The words come from the code
    /// alone (not right, no longer works, expired), as they do for an address without an account; only someone holding
    /// the right code hears that the account is locked.
    /// </summary>
    public async Task<SignInOutcome> CompleteSignInAsync(string emailAddress, string code, CancellationToken cancellationToken = default)
    {
        var started = ReplyPacing.Start();
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(emailAddress);
        var (check, stored) = await CheckCodeAsync(user, emailAddress, CodePurpose.SignIn, code, cancellationToken);
        if (!check.IsValid)
        {
            var failure = user is null ? FailureCount.Counted : await CountFailureAsync(user, cancellationToken);
            await PaceAsync("sign-in-code", stored, started, cancellationToken);
            return new SignInOutcome(failure == FailureCount.Counted ? SignInStatus.InvalidCredentials : SignInStatus.LockedOut, Message: check.Message);
        }
        if (await lockout.LockedUntilAsync(user!.Id, cancellationToken) is { } until) return SignInOutcome.Locked(until, ReaderTime.For(user!.TimeZone));
        await lockout.ResetCountAsync(user.Id, cancellationToken);
        return new SignInOutcome(SignInStatus.SignedIn, user.Id);
    }

    public Task<SignInOutcome> RequestPasswordResetAsync(string emailAddress, string? ipAddress, CancellationToken cancellationToken = default) =>
        ResendAsync(emailAddress, CodePurpose.ResetPassword, ipAddress, cancellationToken);

    /// <summary>Sets a new password with an emailed code, and signs every browser out.</summary>
    public async Task<Result> ResetPasswordAsync(string emailAddress, string code, string newPassword, CancellationToken cancellationToken = default)
    {
        var started = ReplyPacing.Start();
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(emailAddress);
        // The password before the code, so a weak password does not use up a good code; for every address alike, so
        // the order of the answers does not tell whether it has an account.
        var passwordCheck = await ValidatePasswordAsync(users, user ?? new AppUser { Email = emailAddress.Trim() }, newPassword);
        if (passwordCheck is not null) return Result.Fail(passwordCheck);
        var (check, stored) = await CheckCodeAsync(user, emailAddress, CodePurpose.ResetPassword, code, cancellationToken);
        if (!check.IsValid)
        {
            await PaceAsync("reset-code", stored, started, cancellationToken);
            return Result.Fail(check.Message);
        }

        var token = await users.GeneratePasswordResetTokenAsync(user!);
        var reset = await users.ResetPasswordAsync(user!, token, newPassword);
        if (!reset.Succeeded) return Result.Fail(Describe(reset));
        // A reset is the way back in after a failed-attempt lock; an admin lock stays.
        await lockout.LiftFailedAttemptLockAsync(user!.Id, cancellationToken);
        await sessions.EndAllAsync(user.Id, cancellationToken: cancellationToken);
        return Result.Ok();
    }

    /// <summary>
    /// Mails a real code. Any stand-in for the address and purpose goes first: it would otherwise answer before the real
    /// code (an address asked about before its account existed, then invited or signed up).
    /// </summary>
    internal async Task SendCodeAsync(AppUser user, CodePurpose purpose, string to, CancellationToken cancellationToken)
    {
        await decoys.ForgetAsync(to, purpose);
        await codes.IssueAsync(user.Id, purpose, to, code => CodeEmails.Build(to, user.DisplayName, purpose, code, CodeLifetimeMinutes), cancellationToken);
    }

    /// <inheritdoc cref="SendCodeAsync"/>
    internal async Task SendInvitationAsync(AppUser user, CancellationToken cancellationToken)
    {
        await decoys.ForgetAsync(user.Email!, CodePurpose.ResetPassword);
        await codes.IssueAsync(user.Id, CodePurpose.ResetPassword, user.Email!,
            code => CodeEmails.Invitation(user.Email!, user.DisplayName, code, CodeLifetimeMinutes), cancellationToken);
    }

    private int CodeLifetimeMinutes => options.Value.CodeLifetimeMinutes;

    /// <summary>
    /// Checks a typed code: against the stand-in if the last send for this address mailed none, else against the
    /// account's latest code (<c>Stored</c>: the database was asked). A code the tries killed ends the resend wait, so
    /// "send a new one" works at once.
    /// </summary>
    private async Task<(CodeCheck Check, bool Stored)> CheckCodeAsync(AppUser? user, string emailAddress, CodePurpose purpose, string code,
        CancellationToken cancellationToken)
    {
        var stored = false;
        var check = await decoys.CheckAsync(emailAddress, purpose);
        if (check is null && user is not null)
        {
            check = await codes.VerifyAsync(user.Id, purpose, code, cancellationToken);
            stored = true;
        }
        check ??= new CodeCheck(CodeCheckStatus.Invalid);
        if (check.Status == CodeCheckStatus.Exhausted) await throttle.EndCooldownAsync(emailAddress, purpose);
        return (check, stored);
    }

    /// <summary>A failed step that asked the database sets the pace; one answered without it waits as long.</summary>
    private Task PaceAsync(string step, bool real, long started, CancellationToken cancellationToken)
    {
        if (!real) return pacing.PadAsync(step, started, cancellationToken);
        pacing.RecordReal(step, started);
        return Task.CompletedTask;
    }

    /// <summary>Counts a failed attempt; the failure that locks the account queues a mail telling its owner, with the lock.</summary>
    private async Task<FailureCount> CountFailureAsync(AppUser user, CancellationToken cancellationToken)
    {
        return await lockout.RecordFailureAsync(user.Id, until => EmailTemplates.Build(user.Email!,
            "Your ChatCrm account is locked for a while", user.DisplayName,
            [$"After {options.Value.MaxFailedAccessAttempts} failed sign-in attempts, your account is locked until {ReaderTime.For(user.TimeZone).Long(until)}.",
             "If that was not you, someone may be guessing your password: \"Forgot your password?\" on the sign-in page sets a new one and lifts the lock."]),
            cancellationToken);
    }

    internal static async Task<string?> ValidatePasswordAsync(UserManager<AppUser> users, AppUser user, string password)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            if (!result.Succeeded) errors.AddRange(result.Errors);
        }
        return errors.Count == 0 ? null : string.Join(" ", errors.Select(e => e.Description).Distinct());
    }

    internal static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
