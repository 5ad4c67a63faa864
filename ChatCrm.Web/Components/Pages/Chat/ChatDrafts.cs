namespace ChatCrm.Web.Components.Pages.Chat;

/// <summary>Unsent text per chat for this tab (scoped: one per circuit), so switching chats keeps what was typed.</summary>
internal sealed class ChatDrafts
{
    private readonly Dictionary<Guid, string> _drafts = [];

    public string Get(Guid conversationId) => _drafts.GetValueOrDefault(conversationId, "");

    public void Set(Guid conversationId, string? text)
    {
        if (string.IsNullOrEmpty(text)) _drafts.Remove(conversationId);
        else _drafts[conversationId] = text;
    }
}
