using ChatCrm.Core.Common;
using ChatCrm.Core.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Core.Accounts;

/// <summary>
/// The sign-up, sign-in, reset and email-change steps behind the account pages. Every reply that follows an address
/// is the same whether or not an account has it; the difference only shows in the mailbox.
/// </summary>
public sealed class AccountFlows(
    IServiceScopeFactory scopes,
    EmailCodeService codes,
    CodeSendThrottle throttle,
    SessionService sessions,
    IEmailSender email,
    TimeProvider clock)
{
    public const string SameReply = "If that address can be used, we have emailed it a 6-digit code. It works for 5 minutes.";

    public async Task<SignInOutcome> RegisterAsync(string displayName, string emailAddress, string password, string? ipAddress, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var candidate = new AppUser { DisplayName = displayName.Trim(), Email = emailAddress.Trim(), UserName = "candidate" };
        var passwordCheck = await ValidatePasswordAsync(users, candidate, password);
        if (passwordCheck is not null) return new SignInOutcome(SignInStatus.InvalidCredentials, Message: passwordCheck);
        if (!throttle.TryAcquire(emailAddress, CodePurpose.ConfirmSignUp, ipAddress, out var wait)) return SignInOutcome.Throttled(wait);

        var existing = await users.FindByEmailAsync(emailAddress);
        if (existing is { EmailConfirmed: true })
        {
            await email.SendAsync(EmailTemplates.Build(existing.Email!, "You already have a ChatCrm account", existing.DisplayName,
                ["Someone (maybe you) tried to sign up with this address, but it already has an account.",
                 "Sign in instead, or use \"Forgot password\" if you no longer know your password."]), cancellationToken);
            return new SignInOutcome(SignInStatus.CodeSent);
        }
        if (existing is not null)
        {
            await SendCodeAsync(existing, CodePurpose.ConfirmSignUp, existing.Email!, cancellationToken);
            return new SignInOutcome(SignInStatus.CodeSent);
        }

        candidate.UserName = await UserNames.FreeUserNameAsync(users, emailAddress);
        candidate.CreatedAt = clock.GetUtcNow();
        var created = await users.CreateAsync(candidate, password);
        if (!created.Succeeded)
        {
            // A parallel sign-up with the same address lost the race to the unique index: same reply as above.
            return new SignInOutcome(SignInStatus.CodeSent);
        }
        await users.AddToRoleAsync(candidate, Roles.Client);
        await SendCodeAsync(candidate, CodePurpose.ConfirmSignUp, candidate.Email!, cancellationToken);
        return new SignInOutcome(SignInStatus.CodeSent);
    }

    public async Task<SignInOutcome> ResendAsync(string emailAddress, CodePurpose purpose, string? ipAddress, CancellationToken cancellationToken = default)
    {
        if (!throttle.TryAcquire(emailAddress, purpose, ipAddress, out var wait)) return SignInOutcome.Throttled(wait);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(emailAddress);
        var locked = user is not null && await users.IsLockedOutAsync(user);
        // A failed-password lockout ends on its own or by a reset; an admin lock does not.
        var lockedByAdmin = locked && user!.LockoutEnd >= AdminAccountService.LockedByAdminUntil;
        var eligible = user is not null && purpose switch
        {
            CodePurpose.ConfirmSignUp => !user.EmailConfirmed && !locked,
            CodePurpose.SignIn => user.EmailConfirmed && !locked,
            CodePurpose.ResetPassword => user.EmailConfirmed && !lockedByAdmin,
            _ => false,
        };
        if (eligible) await SendCodeAsync(user!, purpose, user!.Email!, cancellationToken);
        return new SignInOutcome(SignInStatus.CodeSent);
    }

    /// <summary>Confirms a new account's address; the person is then signed in.</summary>
    public async Task<SignInOutcome> ConfirmSignUpAsync(string emailAddress, string code, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(emailAddress);
        if (user is null || user.EmailConfirmed) return new SignInOutcome(SignInStatus.InvalidCredentials, Message: new CodeCheck(CodeCheckStatus.Invalid).Message);
        var check = await codes.VerifyAsync(user.Id, CodePurpose.ConfirmSignUp, code, cancellationToken);
        if (!check.IsValid) return new SignInOutcome(SignInStatus.InvalidCredentials, Message: check.Message);
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        return new SignInOutcome(SignInStatus.SignedIn, user.Id);
    }

    /// <summary>Step one of password sign-in: checks the password (counting failures toward lockout), then mails a code.</summary>
    public async Task<SignInOutcome> BeginPasswordSignInAsync(string emailAddress, string password, string? ipAddress, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(emailAddress);
        if (user is null)
        {
            // Hash anyway, so an unknown address takes as long to answer as a known one.
            users.PasswordHasher.HashPassword(new AppUser(), password);
            return new SignInOutcome(SignInStatus.InvalidCredentials, Message: "Wrong email or password.");
        }
        if (await users.IsLockedOutAsync(user)) return SignInOutcome.Locked(user.LockoutEnd, clock.GetUtcNow());
        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            return await users.IsLockedOutAsync(user)
                ? SignInOutcome.Locked(user.LockoutEnd, clock.GetUtcNow())
                : new SignInOutcome(SignInStatus.InvalidCredentials, Message: "Wrong email or password.");
        }
        await users.ResetAccessFailedCountAsync(user);
        var purpose = user.EmailConfirmed ? CodePurpose.SignIn : CodePurpose.ConfirmSignUp;
        if (!throttle.TryAcquire(emailAddress, purpose, ipAddress, out var wait)) return SignInOutcome.Throttled(wait);
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

    /// <summary>Step two: the emailed code. Wrong codes count toward lockout like wrong passwords.</summary>
    public async Task<SignInOutcome> CompleteSignInAsync(string emailAddress, string code, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(emailAddress);
        if (user is null) return new SignInOutcome(SignInStatus.InvalidCredentials, Message: new CodeCheck(CodeCheckStatus.Invalid).Message);
        if (await users.IsLockedOutAsync(user)) return SignInOutcome.Locked(user.LockoutEnd, clock.GetUtcNow());
        var check = await codes.VerifyAsync(user.Id, CodePurpose.SignIn, code, cancellationToken);
        if (!check.IsValid)
        {
            await users.AccessFailedAsync(user);
            return await users.IsLockedOutAsync(user)
                ? SignInOutcome.Locked(user.LockoutEnd, clock.GetUtcNow())
                : new SignInOutcome(SignInStatus.InvalidCredentials, Message: check.Message);
        }
        await users.ResetAccessFailedCountAsync(user);
        return new SignInOutcome(SignInStatus.SignedIn, user.Id);
    }

    public Task<SignInOutcome> RequestPasswordResetAsync(string emailAddress, string? ipAddress, CancellationToken cancellationToken = default) =>
        ResendAsync(emailAddress, CodePurpose.ResetPassword, ipAddress, cancellationToken);

    /// <summary>Sets a new password with an emailed code, and signs every browser out.</summary>
    public async Task<Result> ResetPasswordAsync(string emailAddress, string code, string newPassword, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(emailAddress);
        if (user is null) return Result.Fail(new CodeCheck(CodeCheckStatus.Invalid).Message);
        // Check the password before the code, so a weak password does not use up a good code.
        var passwordCheck = await ValidatePasswordAsync(users, user, newPassword);
        if (passwordCheck is not null) return Result.Fail(passwordCheck);
        var check = await codes.VerifyAsync(user.Id, CodePurpose.ResetPassword, code, cancellationToken);
        if (!check.IsValid) return Result.Fail(check.Message);

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, newPassword);
        if (!reset.Succeeded) return Result.Fail(Describe(reset));
        // A reset after a failed-password lockout is the way back in; an admin lock stays.
        if (user.LockoutEnd is { } end && end < clock.GetUtcNow().AddYears(10)) await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await sessions.EndAllAsync(user.Id, cancellationToken: cancellationToken);
        return Result.Ok();
    }

    public async Task<Result> ChangePasswordAsync(Guid userId, string currentPassword, string newPassword, bool endOtherSessions, Guid? currentSession, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null) return Result.Fail("Your account no longer exists.");
        var changed = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!changed.Succeeded) return Result.Fail(Describe(changed));
        if (endOtherSessions) await sessions.EndAllAsync(user.Id, currentSession, cancellationToken);
        return Result.Ok();
    }

    /// <summary>Mails a code to the new address; the address changes only when that code comes back.</summary>
    public async Task<SignInOutcome> RequestEmailChangeAsync(Guid userId, string newEmail, string? ipAddress, CancellationToken cancellationToken = default)
    {
        if (!throttle.TryAcquire(newEmail, CodePurpose.ChangeEmail, ipAddress, out var wait)) return SignInOutcome.Throttled(wait);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null) return new SignInOutcome(SignInStatus.InvalidCredentials, Message: "Your account no longer exists.");
        var owner = await users.FindByEmailAsync(newEmail);
        if (owner is null)
        {
            await SendCodeAsync(user, CodePurpose.ChangeEmail, newEmail.Trim(), cancellationToken);
        }
        else if (owner.Id != user.Id)
        {
            await email.SendAsync(EmailTemplates.Build(owner.Email!, "Someone tried to use your address", owner.DisplayName,
                ["Another ChatCrm account asked to change its email to this address. Nothing was changed.",
                 "If this was not expected, you can ignore this mail."]), cancellationToken);
        }
        return new SignInOutcome(SignInStatus.CodeSent);
    }

    public async Task<Result> ConfirmEmailChangeAsync(Guid userId, string code, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null) return Result.Fail("Your account no longer exists.");
        var check = await codes.VerifyAsync(user.Id, CodePurpose.ChangeEmail, code, cancellationToken);
        if (!check.IsValid) return Result.Fail(check.Message);
        var token = await users.GenerateChangeEmailTokenAsync(user, check.SentTo!);
        var changed = await users.ChangeEmailAsync(user, check.SentTo!, token);
        return changed.Succeeded ? Result.Ok() : Result.Fail("That address is already in use by another account.");
    }

    internal async Task SendCodeAsync(AppUser user, CodePurpose purpose, string to, CancellationToken cancellationToken)
    {
        await codes.IssueAsync(user.Id, purpose, to, code => CodeEmails.Build(to, user.DisplayName, purpose, code), cancellationToken);
    }

    internal async Task SendInvitationAsync(AppUser user, CancellationToken cancellationToken)
    {
        await codes.IssueAsync(user.Id, CodePurpose.ResetPassword, user.Email!, code => CodeEmails.Invitation(user.Email!, user.DisplayName, code), cancellationToken);
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
