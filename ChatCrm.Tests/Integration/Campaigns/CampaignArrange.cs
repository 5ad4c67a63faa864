using ChatCrm.Core.Campaigns;
using ChatCrm.Core.Data;
using ChatCrm.Core.Leads;
using ChatCrm.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Tests.Integration.Campaigns;

/// <summary>Arranges leads straight in the database (campaign tests need leads, not the lead screens) and reads rows back.</summary>
internal static class CampaignArrange
{
    public static async Task<Lead> LeadAsync(IServiceProvider services, string name, LeadStatus status = LeadStatus.New, string? source = null,
        string[]? tags = null, string? email = null)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var lead = new Lead
        {
            Name = name,
            Email = email ?? $"lead-{Guid.NewGuid():N}"[..20] + "@example.test",
            Status = status,
            Source = source,
            CreatedAt = now,
            UpdatedAt = now,
            Tags = (tags ?? []).Select(t => new LeadTag { Value = t }).ToList(),
        };
        lead.RefreshDerived();
        await using var db = await Db(services);
        db.Leads.Add(lead);
        await db.SaveChangesAsync();
        return lead;
    }

    public static async Task<List<CampaignRecipient>> RecipientsAsync(IServiceProvider services, Guid campaignId)
    {
        await using var db = await Db(services);
        return await db.CampaignRecipients.AsNoTracking().Where(r => r.CampaignId == campaignId).ToListAsync();
    }

    public static async Task<T> WithDbAsync<T>(IServiceProvider services, Func<ChatCrmDbContext, Task<T>> action)
    {
        await using var db = await Db(services);
        return await action(db);
    }

    public static CampaignInput Email(string audience, string name = "Autumn offer") => new()
    {
        Name = name,
        Channel = CampaignChannel.Email,
        Status = CampaignStatus.Draft,
        AudienceQuery = audience,
        Subject = "An offer for {{name}}",
        Body = "Hello {{name}},\n\nWe have something for you.",
    };

    private static Task<ChatCrmDbContext> Db(IServiceProvider services) =>
        services.GetRequiredService<IDbContextFactory<ChatCrmDbContext>>().CreateDbContextAsync();
}
