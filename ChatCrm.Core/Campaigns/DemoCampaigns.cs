using ChatCrm.Core.Data;
using ChatCrm.Core.Demo;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Campaigns;

/// <summary>
/// Four demo campaigns, one per state, with believable results. None of them sends: the finished email campaign has
/// its numbers written directly, and the scheduled and running ones are WhatsApp and SMS, which the sender ignores.
/// </summary>
internal sealed class DemoCampaigns(IDbContextFactory<ChatCrmDbContext> dbFactory, TimeProvider clock) : IDemoRecords
{
    public int Order => 20;

    public async Task SeedAsync(IReadOnlyList<DemoPerson> people, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        Guid Agent(int index) => people[Math.Min(index, people.Count - 1)].Actor.UserId;
        Campaign Make(string name, CampaignChannel channel, CampaignStatus status, int agent, int daysAgo) => new()
        {
            Name = name,
            Channel = channel,
            Status = status,
            OwnerId = Agent(agent),
            CreatedAt = now.AddDays(-daysAgo),
            UpdatedAt = now.AddDays(-daysAgo / 2.0),
        };

        var spring = Make("Spring product update", CampaignChannel.Email, CampaignStatus.Completed, 0, 30);
        spring.AudienceQuery = "status=Contacted,Qualified";
        spring.Subject = "What is new this spring, {{name}}";
        spring.Body = "Hello {{name}},\n\nWe have shipped shared inboxes and faster search this spring.\n\nReply to this mail to book a short demo.\n\nMaria";
        spring.ScheduledAt = spring.SendStartedAt = now.AddDays(-20);
        spring.SendCompletedAt = now.AddDays(-20).AddMinutes(12);
        (spring.Sent, spring.Delivered, spring.Opened, spring.Replied, spring.Converted) = (412, 398, 187, 41, 12);
        spring.Notes = "Sent to contacted and qualified leads.";

        var reminder = Make("Webinar reminder", CampaignChannel.Sms, CampaignStatus.Completed, 1, 14);
        reminder.AudienceQuery = "tag=webinar";
        reminder.ScheduledAt = now.AddDays(-7);
        (reminder.Sent, reminder.Delivered, reminder.Opened, reminder.Replied, reminder.Converted) = (120, 117, 117, 23, 9);

        var followUp = Make("Trial follow-up", CampaignChannel.WhatsApp, CampaignStatus.Running, 2, 5);
        followUp.AudienceQuery = "status=Qualified";
        followUp.ScheduledAt = now.AddDays(-1);
        (followUp.Sent, followUp.Delivered, followUp.Opened, followUp.Replied, followUp.Converted) = (64, 61, 48, 15, 3);
        followUp.Notes = "Numbers copied from the WhatsApp Business dashboard each morning.";

        var newsletter = Make("Summer newsletter", CampaignChannel.Email, CampaignStatus.Draft, 0, 2);
        newsletter.AudienceQuery = "status=New,Contacted";
        newsletter.Subject = "Summer news for {{name}}";
        newsletter.Body = "Hello {{name}},\n\nHere is what happened at our company this summer.";

        var flashSale = Make("Flash sale announcement", CampaignChannel.WhatsApp, CampaignStatus.Scheduled, 1, 1);
        flashSale.AudienceQuery = "status=Won";
        flashSale.ScheduledAt = now.AddDays(3);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Campaigns.AddRange(spring, reminder, followUp, newsletter, flashSale);
        await db.SaveChangesAsync(cancellationToken);
    }
}
