using ChatCrm.Core.Accounts;
using ChatCrm.Core.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatCrm.Core.Data.Configurations;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> meeting)
    {
        meeting.ToTable("meetings");
        meeting.Property(m => m.Title).HasMaxLength(Meeting.TitleMax);
        meeting.Property(m => m.Location).HasMaxLength(Meeting.LocationMax);
        meeting.Property(m => m.Notes).HasMaxLength(Meeting.NotesMax);
        meeting.Property(m => m.Version).IsConcurrencyToken();
        // The calendar asks for a date window.
        meeting.HasIndex(m => new { m.StartAt, m.EndAt });
        meeting.HasOne<AppUser>().WithMany().HasForeignKey(m => m.OrganizerId).OnDelete(DeleteBehavior.SetNull);
        meeting.HasMany(m => m.Participants).WithOne().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingParticipantConfiguration : IEntityTypeConfiguration<MeetingParticipant>
{
    public void Configure(EntityTypeBuilder<MeetingParticipant> participant)
    {
        participant.ToTable("meeting_participants");
        participant.HasKey(p => new { p.MeetingId, p.ParticipantId });
        participant.Property(p => p.Kind).HasConversion<string>().HasMaxLength(8);
        participant.Property(p => p.Name).HasMaxLength(120);
        participant.Property(p => p.Email).HasMaxLength(254);
        // "Meetings I am in" and "is this person already booked then?" both start from the participant.
        participant.HasIndex(p => new { p.ParticipantId, p.StartAt });
    }
}
