namespace ChatCrm.Web.Components.Pages.Chat;

/// <summary>
/// The chat open on this page (one per circuit), so <see cref="ChatAlerts"/> leaves its messages to the page itself.
/// Whether the tab is in front is for the browser to say (wwwroot/js/alerts.js).
/// </summary>
public sealed class ChatInView
{
    public Guid? ConversationId { get; private set; }

    public void Open(Guid conversationId) => ConversationId = conversationId;

    /// <summary>Only the chat that is leaving clears it: the next one may already have opened.</summary>
    public void Close(Guid conversationId)
    {
        if (ConversationId == conversationId) ConversationId = null;
    }
}
