namespace ChatCrm.Core.Accounts;

public enum CodeCheckStatus
{
    Valid,
    /// <summary>Wrong digits, no code, or a code already used.</summary>
    Invalid,
    Expired,
    /// <summary>Too many wrong tries: the code is dead and a new one must be sent.</summary>
    Exhausted,
}

public sealed record CodeCheck(CodeCheckStatus Status, string? SentTo = null)
{
    public bool IsValid => Status == CodeCheckStatus.Valid;

    /// <summary>What the page says; never whether an account exists.</summary>
    public string Message => Status switch
    {
        CodeCheckStatus.Valid => "",
        CodeCheckStatus.Expired => "That code has expired and no longer works. Send a new one.",
        CodeCheckStatus.Exhausted => "Too many wrong tries: that code no longer works. Send a new one.",
        _ => "That code is not right. Check the latest email and try again.",
    };
}
