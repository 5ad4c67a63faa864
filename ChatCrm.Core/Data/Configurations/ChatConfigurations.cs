using ChatCrm.Core.Chat;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Core.Data.Configurations;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> chat)
    {
        chat.ToTable("chats");
        chat.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        chat.Property(c => c.Name).HasMaxLength(Conversation.NameMax);
        chat.Property(c => c.AvatarFile).HasMaxLength(64);
        chat.Property(c => c.DirectKey).HasMaxLength(80);
        chat.Property(c => c.LastMessagePreview).HasMaxLength(Conversation.PreviewMax);
        chat.HasIndex(c => c.DirectKey).IsUnique();
        chat.HasIndex(c => c.LastActivityAt);
        chat.HasMany(c => c.Participants).WithOne().HasForeignKey(p => p.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> participant)
    {
        participant.ToTable("chat_participants");
        participant.HasKey(p => new { p.ConversationId, p.UserId });
        participant.Ignore(p => p.IsMember);
        // A column added to existing rows needs a default on SQLite.
        participant.Property(p => p.Muted).HasDefaultValue(false);
        participant.Property(p => p.DigestedUpToSeq).HasDefaultValue(0L);
        // "My chats" is the hottest query: find a person's memberships without scanning chats.
        participant.HasIndex(p => new { p.UserId, p.ConversationId });
        // No foreign key to users, as for messages: a deleted account's place in a chat (and what it had read) stays;
        // Chat/ChatAccountDeletion marks it as gone.
    }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> message)
    {
        message.ToTable("messages");
        message.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        message.Property(m => m.Text).HasMaxLength(Message.TextMax);
        // History pages by key: (chat, seq) is both the order and the cursor, and it is unique.
        message.HasIndex(m => new { m.ConversationId, m.Seq }).IsUnique();
        message.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        // No foreign key to users: a deleted account's messages stay, shown as "Deleted user".
        message.OwnsOne(m => m.Attachment, attachment =>
        {
            attachment.Property(a => a.StoredName).HasMaxLength(64).HasColumnName("AttachmentStoredName");
            attachment.Property(a => a.FileName).HasMaxLength(Attachment.FileNameMax).HasColumnName("AttachmentFileName");
            attachment.Property(a => a.ContentType).HasMaxLength(100).HasColumnName("AttachmentContentType");
            attachment.Property(a => a.Size).HasColumnName("AttachmentSize");
        });
        // A chat's pinned list reads only its pinned messages.
        message.HasIndex(m => new { m.ConversationId, m.PinnedAt });
    }
}

internal sealed class ReactionConfiguration : IEntityTypeConfiguration<Reaction>
{
    public void Configure(EntityTypeBuilder<Reaction> reaction)
    {
        reaction.ToTable("message_reactions");
        // One of each emoji per person: reacting again takes it back.
        reaction.HasKey(r => new { r.MessageId, r.UserId, r.Emoji });
        reaction.Property(r => r.Emoji).HasMaxLength(16);
        reaction.HasOne<Message>().WithMany().HasForeignKey(r => r.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}
