namespace ChatCrm.Core.Tickets;

/// <summary>One line of the ticket list.</summary>
public sealed record TicketRow(Guid Id, int Number, string Subject, TicketPriority Priority, TicketStatus Status,
    Guid RequesterId, string RequesterName, Guid? AssigneeId, string? AssigneeName,
    DateTimeOffset DueAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, bool IsOverdue);

/// <summary>A ticket as its page shows it; <see cref="Version"/> goes back with an edit.</summary>
public sealed record TicketDetails(Guid Id, int Number, string Subject, string Description, TicketPriority Priority, TicketStatus Status,
    Guid RequesterId, string RequesterName, Guid? AssigneeId, string? AssigneeName,
    DateTimeOffset DueAt, DateTimeOffset? ResolvedAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, bool IsOverdue, int Version);

/// <summary>One entry of the thread. <see cref="ByRequester"/> tells the client's words from the staff's answers.</summary>
public sealed record TicketCommentView(Guid Id, Guid AuthorId, string AuthorName, bool ByRequester, string Body, DateTimeOffset CreatedAt);

/// <summary>Someone a ticket can be assigned to (an Agent or Admin).</summary>
public sealed record TicketAssignee(Guid Id, string Name);

/// <summary>What the person types to open a ticket.</summary>
public sealed class TicketDraft
{
    public string Subject { get; set; } = "";

    public string Description { get; set; } = "";

    public TicketPriority Priority { get; set; } = TicketPriority.Medium;

    /// <summary>Staff opening a ticket for a client (from a chat message); null for one's own ticket.</summary>
    public Guid? RequesterId { get; set; }
}

/// <summary>A reply as it is typed (<see cref="TicketService.CommentAsync"/> takes its body).</summary>
public sealed class TicketReply
{
    public string Body { get; set; } = "";
}

/// <summary>The staff side panel: status, priority and assignee together, saved against the version loaded.</summary>
public sealed record TicketUpdate(TicketStatus Status, TicketPriority Priority, Guid? AssigneeId);

/// <summary>The outcome of opening a ticket: its id and number, or why it was refused.</summary>
public sealed record TicketCreation(bool Succeeded, string? Error, Guid Id, int Number)
{
    public static TicketCreation Fail(string error) => new(false, error, Guid.Empty, 0);
}

/// <summary>Whose tickets the list shows by assignee. Ignored for clients, who only ever see their own.</summary>
public enum TicketAssigneeFilter
{
    Anyone,
    Mine,
    Unassigned,
    Person,
}

/// <summary>The list's filter; every part is applied in the query.</summary>
public sealed record TicketFilter
{
    /// <summary>Words of the subject, or a ticket number ("1042" or "#1042").</summary>
    public string? Search { get; init; }

    /// <summary>Any of these statuses; empty means all.</summary>
    public IReadOnlyCollection<TicketStatus> Statuses { get; init; } = [];

    public TicketPriority? Priority { get; init; }

    public TicketAssigneeFilter Assignee { get; init; } = TicketAssigneeFilter.Anyone;

    /// <summary>With <see cref="TicketAssigneeFilter.Person"/>.</summary>
    public Guid? AssigneeId { get; init; }

    /// <summary>Past due and not yet resolved or closed.</summary>
    public bool OverdueOnly { get; init; }
}
