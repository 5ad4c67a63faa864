namespace ChatCrm.Core.Accounts;

/// <summary>
/// How often codes may be mailed (<see cref="CodeSendThrottle"/>: a cooldown per address and purpose, hourly caps per
/// address and per IP), counted once for every server of one ChatCrm.
/// </summary>
public interface ICodeSendThrottle
{
    /// <summary>Records a send if allowed (null); otherwise says how long to wait.</summary>
    Task<TimeSpan?> TryAcquireAsync(string email, CodePurpose purpose, string? ipAddress);

    /// <inheritdoc cref="CodeSendThrottle.EndCooldown"/>
    Task EndCooldownAsync(string email, CodePurpose purpose);
}

/// <summary>
/// Stand-ins for codes that were not mailed (<see cref="CodeDecoys"/>), kept where every server of one ChatCrm sees
/// them: a guess on any server must be answered as one on the server that took the request would be.
/// </summary>
public interface ICodeDecoys
{
    Task IssueAsync(string key, CodePurpose purpose);

    Task ForgetAsync(string key, CodePurpose purpose);

    /// <inheritdoc cref="CodeDecoys.Check"/>
    Task<CodeCheck?> CheckAsync(string key, CodePurpose purpose);
}
