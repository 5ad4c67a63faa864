using ChatCrm.Tests.Fixtures;
using Microsoft.Extensions.Options;

namespace ChatCrm.Tests.Integration.SeveralServers;

/// <summary>
/// A server joining others (ConnectionStrings:Redis) without what they must share does not start: a code mailed
/// through one server would be refused by the next, a file sent through one would be missing on the next.
/// </summary>
public sealed class SharedKeysRequiredTests
{
    [Theory]
    [InlineData("ChatCrm:Accounts:CodeHashKey")]
    [InlineData("ChatCrm:Campaigns:UnsubscribeKey")]
    [InlineData("ChatCrm:UploadsDirectory")]
    public async Task WithoutWhatEveryServerSharesTheStartStopsNamingIt(string key)
    {
        var settings = new Dictionary<string, string?>
        {
            // Never reached: the settings are refused before anything connects.
            ["ConnectionStrings:Redis"] = "127.0.0.1:1",
            ["ChatCrm:Accounts:CodeHashKey"] = new string('k', 40),
            ["ChatCrm:Campaigns:UnsubscribeKey"] = new string('u', 40),
            ["ChatCrm:UploadsDirectory"] = Path.Combine(Path.GetTempPath(), "chatcrm-shared-uploads-never-made"),
            [key] = null,
        };

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => CoreServices.StartAsync(settings: settings));

        Assert.Contains(key, failure.Message, StringComparison.Ordinal);
        Assert.Contains("every server", failure.Message, StringComparison.Ordinal);
        Assert.Single(failure.Failures);
    }
}
