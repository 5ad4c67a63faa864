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

    /// <summary>Why a draft cannot be saved, or null when it can: the first of <see cref="ValidateFields"/>.</summary>
    public static string? Validate(TicketDraft draft) =>
        ValidateSubject(draft.Subject) ?? ValidateDescription(draft.Description) ?? ValidatePriority(draft.Priority);

    /// <summary>Every field's problem, keyed by <see cref="TicketDraft"/> property name, so a form shows each beside its field.</summary>
    public static Dictionary<string, string> ValidateFields(TicketDraft draft)
    {
        var errors = new Dictionary<string, string>();
        if (ValidateSubject(draft.Subject) is { } subject) errors[nameof(TicketDraft.Subject)] = subject;
        if (ValidateDescription(draft.Description) is { } description) errors[nameof(TicketDraft.Description)] = description;
        if (ValidatePriority(draft.Priority) is { } priority) errors[nameof(TicketDraft.Priority)] = priority;
        return errors;
    }

    public static string? ValidateComment(string? body)
    {
        var text = body?.Trim() ?? "";
        if (text.Length == 0) return "Write a reply first.";
        if (text.Length > TicketComment.BodyMax) return $"Keep a reply to {TicketComment.BodyMax} characters.";
        return null;
    }

    /// <summary><see cref="ValidateComment"/> keyed by <see cref="TicketReply"/> property name, for the reply form.</summary>
    public static Dictionary<string, string> ValidateReply(TicketReply reply) =>
        ValidateComment(reply.Body) is { } error ? new() { [nameof(TicketReply.Body)] = error } : [];

    /// <summary>What a status change cannot be, keyed by <see cref="TicketUpdate"/> property name (who may make it is the service's check).</summary>
    public static Dictionary<string, string> ValidateUpdate(TicketUpdate update)
    {
        var errors = new Dictionary<string, string>();
        if (!Enum.IsDefined(update.Status)) errors[nameof(TicketUpdate.Status)] = "Choose a status from the list.";
        if (ValidatePriority(update.Priority) is { } priority) errors[nameof(TicketUpdate.Priority)] = priority;
        return errors;
    }

    private static string? ValidateSubject(string? subject)
    {
        var text = subject?.Trim() ?? "";
        if (text.Length == 0) return "Enter a subject.";
        if (text.Length > Ticket.SubjectMax) return $"Keep the subject to {Ticket.SubjectMax} characters.";
        return null;
    }

    private static string? ValidateDescription(string? description)
    {
        var text = description?.Trim() ?? "";
        if (text.Length == 0) return "Describe the problem.";
        if (text.Length > Ticket.DescriptionMax) return $"Keep the description to {Ticket.DescriptionMax} characters.";
        return null;
    }

    private static string? ValidatePriority(TicketPriority priority) => Enum.IsDefined(priority) ? null : "Choose a priority.";
}
