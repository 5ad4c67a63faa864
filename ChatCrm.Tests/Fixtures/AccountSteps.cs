namespace ChatCrm.Tests.Fixtures;

/// <summary>What a person does on the account pages, over any <see cref="FormClient"/> (in memory or real HTTP).</summary>
public static class AccountSteps
{
    /// <summary>
    /// Password, then the code the person reads wherever it went (the mailbox, the outbox folder); ends on "/".
    /// </summary>
    public static async Task SignInAsync(this FormClient client, string email, string password, Func<Task<string>> readCode)
    {
        var step = await client.SubmitAsync("/account/login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.True(step.RedirectPath == "/account/login/code", $"Password step for {email} did not go on: {step}");
        var done = await client.SubmitAsync("/account/login/code", "login-code", new() { ["Input.Code"] = await readCode() });
        Assert.True(done.RedirectPath == "/", $"Code step for {email} did not sign in: {done}");
    }
}
