namespace ChatCrm.Core.Chat;

/// <summary>The group name field of the new-group and group-info forms; checked by <see cref="GroupRules"/>.</summary>
public sealed class GroupNameInput
{
    public string Name { get; set; } = "";
}

/// <summary>
/// The rule a group's name follows, stated once: <see cref="ConversationService"/> refuses a name that breaks it, and
/// the forms show the same sentence beside the field as it is typed.
/// </summary>
public static class GroupRules
{
    public static readonly string NameRule = $"Give the group a name of 1 to {Conversation.NameMax} characters.";

    /// <returns>The sentence to show, or null when the name will do.</returns>
    public static string? NameProblem(string? name) =>
        (name?.Trim().Length ?? 0) is >= 1 and <= Conversation.NameMax ? null : NameRule;

    public static IReadOnlyDictionary<string, string> Validate(GroupNameInput input) =>
        NameProblem(input.Name) is { } problem
            ? new Dictionary<string, string> { [nameof(GroupNameInput.Name)] = problem }
            : new Dictionary<string, string>();
}
