namespace ChatCrm.Core.Tickets;

/// <summary>The words people read for a ticket's fields, shared by the pages and the mails.</summary>
public static class TicketText
{
    public const string NotFound = "That ticket does not exist or is not yours to see.";

    public const string DeletedUser = "Deleted user";

    public static string Status(TicketStatus status) => status switch
    {
        TicketStatus.InProgress => "In progress",
        _ => status.ToString(),
    };

    public static string Number(int number) => $"#{number}";

    /// <summary>Why a draft cannot be saved, or null when it can.</summary>
    public static string? Validate(TicketDraft draft)
    {
        var subject = draft.Subject?.Trim() ?? "";
        var description = draft.Description?.Trim() ?? "";
        if (subject.Length == 0) return "Enter a subject.";
        if (subject.Length > Ticket.SubjectMax) return $"Keep the subject to {Ticket.SubjectMax} characters.";
        if (description.Length == 0) return "Describe the problem.";
        if (description.Length > Ticket.DescriptionMax) return $"Keep the description to {Ticket.DescriptionMax} characters.";
        if (!Enum.IsDefined(draft.Priority)) return "Choose a priority.";
        return null;
    }

    public static string? ValidateComment(string? body)
    {
        var text = body?.Trim() ?? "";
        if (text.Length == 0) return "Write a reply first.";
        if (text.Length > TicketComment.BodyMax) return $"Keep a reply to {TicketComment.BodyMax} characters.";
        return null;
    }
}
