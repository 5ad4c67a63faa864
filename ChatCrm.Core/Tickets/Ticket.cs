using ChatCrm.Core.Common;

namespace ChatCrm.Core.Tickets;

public enum TicketPriority
{
    Low = 1,
    Medium = 2,
    High = 3,
    Urgent = 4,
}

public enum TicketStatus
{
    Open = 1,
    InProgress = 2,
    Waiting = 3,
    Resolved = 4,
    Closed = 5,
}

/// <summary>A support request: the <c>tickets</c> document; its comment thread is the child <c>ticket_comments</c>.</summary>
public sealed class Ticket : IVersioned
{
    public const int SubjectMax = 150;
    public const int DescriptionMax = 8000;

    public Guid Id { get; set; } = Ids.New();

    /// <summary>A short number people can say on the phone ("ticket 1042"); unique.</summary>
    public int Number { get; set; }

    public string Subject { get; set; } = "";

    public string Description { get; set; } = "";

    public TicketPriority Priority { get; set; } = TicketPriority.Medium;

    public TicketStatus Status { get; set; } = TicketStatus.Open;

    /// <summary>Who asked. No foreign key: a deleted client's tickets stay, shown as "Deleted user".</summary>
    public Guid RequesterId { get; set; }

    /// <summary>The agent working it; null while unassigned.</summary>
    public Guid? AssigneeId { get; set; }

    /// <summary>When the SLA for the priority runs out; moved when the priority changes.</summary>
    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }

    public bool IsDone => Status is TicketStatus.Resolved or TicketStatus.Closed;
}

/// <summary>One entry of a ticket's thread.</summary>
public sealed class TicketComment
{
    public const int BodyMax = 8000;

    public Guid Id { get; set; } = Ids.New();

    public Guid TicketId { get; set; }

    /// <summary>No foreign key, like chat messages: a deleted author's comments stay.</summary>
    public Guid AuthorId { get; set; }

    public string Body { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
