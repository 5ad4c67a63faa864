using ChatCrm.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Core.Data.Configurations;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> ticket)
    {
        ticket.ToTable("tickets");
        ticket.Property(t => t.Subject).HasMaxLength(Ticket.SubjectMax);
        ticket.Property(t => t.Description).HasMaxLength(Ticket.DescriptionMax);
        ticket.Property(t => t.Priority).HasConversion<string>().HasMaxLength(16);
        ticket.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        ticket.Property(t => t.Version).IsConcurrencyToken();
        ticket.Ignore(t => t.IsDone);
        ticket.HasIndex(t => t.Number).IsUnique();
        // A client's own list, an agent's queue, and the overdue filter (open and past due).
        ticket.HasIndex(t => new { t.RequesterId, t.UpdatedAt });
        ticket.HasIndex(t => new { t.AssigneeId, t.UpdatedAt });
        ticket.HasIndex(t => new { t.Status, t.DueAt });
        ticket.HasIndex(t => new { t.Priority, t.Status });
        ticket.HasIndex(t => t.UpdatedAt);
        ticket.HasIndex(t => t.CreatedAt);
        // No foreign keys to users: a deleted requester's tickets stay; the assignee is handed over on deletion.
    }
}

internal sealed class TicketCommentConfiguration : IEntityTypeConfiguration<TicketComment>
{
    public void Configure(EntityTypeBuilder<TicketComment> comment)
    {
        comment.ToTable("ticket_comments");
        comment.Property(c => c.Body).HasMaxLength(TicketComment.BodyMax);
        comment.HasIndex(c => new { c.TicketId, c.CreatedAt });
        comment.HasOne<Ticket>().WithMany().HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}
