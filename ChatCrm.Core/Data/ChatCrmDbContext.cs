using ChatCrm.Core.Accounts;
using ChatCrm.Core.Email;
using ChatCrm.Core.Campaigns;
using ChatCrm.Core.Chat;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Meetings;
using ChatCrm.Core.Tickets;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Data;

/// <summary>
/// One context for every collection. Tables are named after the MongoDB collections the data was shaped from
/// (<c>users</c>, <c>sessions</c>, <c>otp_codes</c>, ...), so a document provider can map the same aggregates later.
/// </summary>
public sealed class ChatCrmDbContext(DbContextOptions<ChatCrmDbContext> options)
    : IdentityDbContext<AppUser, AppRole, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>The key ring that signs cookies and anti-forgery tokens, one for every server (Web's KeyRing).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The first admin's setup link while no admin exists (<see cref="FirstAdminSetup"/>).</summary>
    public DbSet<SetupToken> SetupTokens => Set<SetupToken>();

    public DbSet<EmailCode> EmailCodes => Set<EmailCode>();

    public DbSet<UserSession> Sessions => Set<UserSession>();

    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<Participant> Participants => Set<Participant>();

    public DbSet<Message> Messages => Set<Message>();

    public DbSet<Reaction> Reactions => Set<Reaction>();

    public DbSet<Lead> Leads => Set<Lead>();

    public DbSet<LeadTag> LeadTags => Set<LeadTag>();

    public DbSet<LeadActivity> LeadActivities => Set<LeadActivity>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<CampaignRecipient> CampaignRecipients => Set<CampaignRecipient>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<MeetingParticipant> MeetingParticipants => Set<MeetingParticipant>();

    public DbSet<Ticket> Tickets => Set<Ticket>();

    public DbSet<TicketComment> TicketComments => Set<TicketComment>();

    public DbSet<OutboxMail> OutboxMails => Set<OutboxMail>();

    /// <summary>Set when a mail was queued in this context, so its commit wakes the sender (see <c>MailOutboxWakeUp</c>).</summary>
    internal bool QueuedMail { get; set; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ChatCrmDbContext).Assembly);
        IdentityTables.Configure(builder);
        DatabaseProviders.ConfigureModel(Database.ProviderName, builder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        DatabaseProviders.ConfigureConventions(Database.ProviderName, configurationBuilder);
    }
}
