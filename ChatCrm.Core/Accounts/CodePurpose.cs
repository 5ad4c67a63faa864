namespace ChatCrm.Core.Accounts;

/// <summary>What an email code may be used for; a code issued for one purpose never serves another.</summary>
public enum CodePurpose
{
    ConfirmSignUp = 1,
    SignIn = 2,
    ResetPassword = 3,
    ChangeEmail = 4,
}
