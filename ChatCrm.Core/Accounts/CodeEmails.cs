using ChatCrm.Core.Email;

namespace ChatCrm.Core.Accounts;

/// <summary>The mail that carries a code; the subject says what it is for, so a code is not typed into the wrong form.</summary>
internal static class CodeEmails
{
    public static EmailMessage Build(string to, string name, CodePurpose purpose, string code, int lifetimeMinutes)
    {
        var (subject, why) = purpose switch
        {
            CodePurpose.ConfirmSignUp => ("Confirm your ChatCrm account", "Welcome to ChatCrm. To confirm this email address, enter this code:"),
            CodePurpose.SignIn => ("Your ChatCrm sign-in code", "To finish signing in, enter this code:"),
            CodePurpose.ResetPassword => ("Reset your ChatCrm password", "To choose a new password, enter this code:"),
            CodePurpose.ChangeEmail => ("Confirm your new ChatCrm email address", "To make this your account's email address, enter this code:"),
            _ => throw new ArgumentOutOfRangeException(nameof(purpose)),
        };
        return EmailTemplates.Build(to, subject, name, [why, $"The code works for {Lifetime(lifetimeMinutes)} and only once. If you did not ask for it, ignore this mail."], code);
    }

    /// <summary>The welcome mail of an account an admin created: a password-reset code, worded as an invitation.</summary>
    public static EmailMessage Invitation(string to, string name, string code, int lifetimeMinutes) =>
        EmailTemplates.Build(to, "Your new ChatCrm account", name,
            ["An administrator created a ChatCrm account for you. To choose your password, open ChatCrm's sign-in page, " +
             "pick \"Forgot your password?\", then \"Already have a code?\", and enter this code:",
             $"The code works for {Lifetime(lifetimeMinutes)} and only once. If it has expired, \"Forgot your password?\" sends a new one."], code);

    /// <summary>How long a code works, in words: every page and mail that states it says the configured time.</summary>
    public static string Lifetime(int minutes) => minutes == 1 ? "1 minute" : $"{minutes} minutes";
}
