using ChatCrm.Core.Leads;

namespace ChatCrm.Web.Components.Pages.Leads;

/// <summary>A card on the board with the column it is in (MudDropContainer's item; the zone is the status).</summary>
public sealed record BoardItem(LeadCard Card, LeadStatus Status)
{
    public string Zone => Status.ToString();
}

/// <summary>
/// What the board shows: a column per status with its count, and the cards as one list for MudDropContainer. A move
/// shows at once (the card changes column and both counts change); the page then asks the service and reloads what
/// is stored, whatever the answer.
/// </summary>
public sealed class LeadBoardModel
{
    private readonly Dictionary<LeadStatus, int> _counts;

    public LeadBoardModel(IReadOnlyList<LeadBoardColumn> columns)
    {
        Statuses = columns.Select(c => c.Status).ToList();
        _counts = columns.ToDictionary(c => c.Status, c => c.Count);
        Items = columns.SelectMany(c => c.Cards.Select(card => new BoardItem(card, c.Status))).ToList();
    }

    public IReadOnlyList<LeadStatus> Statuses { get; }

    public List<BoardItem> Items { get; }

    /// <summary>Every lead of the status, not only the cards shown.</summary>
    public int CountOf(LeadStatus status) => _counts.GetValueOrDefault(status);

    public int ShownIn(LeadStatus status) => Items.Count(i => i.Status == status);

    /// <summary>Leads of the status the board has no card for (the list shows them).</summary>
    public int MoreIn(LeadStatus status) => Math.Max(0, CountOf(status) - ShownIn(status));

    /// <summary>Moves a card to the column <paramref name="to"/>.</summary>
    /// <returns>The card as it was, or null when it is not on the board or already in that column (nothing to ask).</returns>
    public BoardItem? Move(Guid cardId, LeadStatus to)
    {
        var index = Items.FindIndex(i => i.Card.Id == cardId);
        if (index < 0 || Items[index].Status == to || !_counts.TryGetValue(to, out var toCount)) return null;
        var item = Items[index];
        // First in its new column: the board shows the most recently changed leads first, so the reload keeps it there.
        Items.RemoveAt(index);
        Items.Insert(0, item with { Status = to });
        _counts[item.Status] = Math.Max(0, _counts[item.Status] - 1);
        _counts[to] = toCount + 1;
        return item;
    }
}
