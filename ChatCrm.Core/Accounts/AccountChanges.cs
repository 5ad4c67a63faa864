using ChatCrm.Core.Common;
using ChatCrm.Core.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Core.Accounts;

/// <summary>
/// What a signed-in person changes about their own sign-in: the password, and the address (confirmed by a code sent
/// to the new one). The anonymous steps (sign-up, sign-in, reset) are <see cref="AccountFlows"/>.
/// </summary>
public sealed class AccountChanges(
    IServiceScopeFactory scopes,
    AccountFlows flows,
    EmailCodeService codes,
    ICodeDecoys decoys,
    ICodeSendThrottle throttle,
    SessionService sessions,
    MailOutbox outbox)
{
    public async Task<Result> ChangePasswordAsync(Guid userId, string currentPassword, string newPassword, bool endOtherSessions, Guid? currentSession, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null) return Result.Fail("Your account no longer exists.");
        var changed = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!changed.Succeeded) return Result.Fail(AccountFlows.Describe(changed));
        if (endOtherSessions) await sessions.EndAllAsync(user.Id, currentSession, cancellationToken);
        return Result.Ok();
    }

    /// <summary>Mails a code to the new address; the address changes only when that code comes back.</summary>
    public async Task<SignInOutcome> RequestEmailChangeAsync(Guid userId, string newEmail, string? ipAddress, CancellationToken cancellationToken = default)
    {
        if (!EmailAddresses.IsValid(newEmail)) return SignInOutcome.BadAddress;
        if (await throttle.TryAcquireAsync(newEmail, CodePurpose.ChangeEmail, ipAddress) is { } wait) return SignInOutcome.Throttled(wait);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null) return new SignInOutcome(SignInStatus.InvalidCredentials, Message: "Your account no longer exists.");
        var owner = await users.FindByEmailAsync(newEmail);
        if (owner is null)
        {
            await decoys.ForgetAsync(userId.ToString(), CodePurpose.ChangeEmail);
            await flows.SendCodeAsync(user, CodePurpose.ChangeEmail, newEmail.Trim(), cancellationToken);
        }
        else
        {
            // The code form then answers as if a code had gone to the new address, which has an account.
            await decoys.IssueAsync(userId.ToString(), CodePurpose.ChangeEmail);
            if (owner.Id != user.Id)
            {
                await outbox.SendAsync(EmailTemplates.Build(owner.Email!, "Someone tried to use your address", owner.DisplayName,
                    ["Another ChatCrm account asked to change its email to this address. Nothing was changed.",
                     "If this was not expected, you can ignore this mail."]), cancellationToken);
            }
        }
        return new SignInOutcome(SignInStatus.CodeSent);
    }

    public async Task<Result> ConfirmEmailChangeAsync(Guid userId, string code, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null) return Result.Fail("Your account no longer exists.");
        var check = await decoys.CheckAsync(userId.ToString(), CodePurpose.ChangeEmail) ?? await codes.VerifyAsync(user.Id, CodePurpose.ChangeEmail, code, cancellationToken);
        if (!check.IsValid) return Result.Fail(check.Message);
        var token = await users.GenerateChangeEmailTokenAsync(user, check.SentTo!);
        var changed = await users.ChangeEmailAsync(user, check.SentTo!, token);
        return changed.Succeeded ? Result.Ok() : Result.Fail("That address is already in use by another account.");
    }
}
