using ChatCrm.Core.Chat;
using Microsoft.AspNetCore.Components;

namespace ChatCrm.Web.Components.Pages.Chat;

/// <summary>
/// Read ticks, live: when someone else in the chat reads further, their mark moves in <see cref="Receipts"/> and the
/// message list is told to draw the ticks again. No markup of its own (the shape of eShop's OrdersRefreshOnStatusChange).
/// </summary>
public sealed class ReadTicks : ChatLiveComponent
{
    private Guid _me;

    [Parameter, EditorRequired] public Guid ConversationId { get; set; }

    [Parameter, EditorRequired] public ReadReceipts Receipts { get; set; } = default!;

    /// <summary>For the names of readers the page has no mark for yet.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<MemberView> Members { get; set; } = [];

    [Parameter] public EventCallback Changed { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _me = (await GetActorAsync()).UserId;
        Listen(_me);
    }

    protected override bool ShouldRender() => false;

    protected override async Task OnChatEventAsync(ChatEvent chatEvent)
    {
        if (chatEvent is ReadAdvanced read && read.ConversationId == ConversationId && read.ReaderId != _me && Receipts.Advance(read, Members))
            await Changed.InvokeAsync();
    }
}
