using ChatCrm.Core.Accounts;
using ChatCrm.Core.Campaigns;
using ChatCrm.Tests.Fixtures;

namespace ChatCrm.Tests.Components.Campaigns;

/// <summary>Campaigns the screen tests start from, made through the real service.</summary>
internal static class CampaignScreens
{
    public static async Task<CampaignDetails> CreateAsync(this CoreServices core, Actor by, CampaignInput input)
    {
        var campaigns = core.Get<CampaignService>();
        var (result, id) = await campaigns.CreateAsync(by, input);
        Assert.True(result.Succeeded, result.Error);
        return (await campaigns.GetAsync(by, id!.Value))!;
    }

    public static CampaignInput Sms(string name = "Webinar reminder") =>
        new() { Name = name, Channel = CampaignChannel.Sms, Status = CampaignStatus.Draft, AudienceQuery = "" };
}
