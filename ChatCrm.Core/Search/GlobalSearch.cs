using ChatCrm.Core.Accounts;
using ChatCrm.Core.Campaigns;
using ChatCrm.Core.Chat;
using ChatCrm.Core.Common;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Meetings;
using ChatCrm.Core.Tickets;

namespace ChatCrm.Core.Search;

/// <summary>The kinds the search finds, in the order it shows them.</summary>
public enum SearchKind
{
    Chat = 1,
    Person = 2,
    Message = 3,
    Ticket = 4,
    Meeting = 5,
    Lead = 6,
    Campaign = 7,
}

/// <summary>One thing found: what it is called, a line about it (or a time, shown in the reader's zone), and where it opens.</summary>
public sealed record SearchHit(SearchKind Kind, Guid Id, string Title, string? Detail, string Href, DateTimeOffset? When = null);

/// <summary>
/// One search over everything a person may open (Ctrl+K): chats, people, messages, tickets, meetings, leads and
/// campaigns, a few of each. It asks each feature's own service, so each kind keeps its own rules of who sees what:
/// a client finds their own chats, the staff they may write to, their messages, their own tickets and the meetings
/// they are in, and nothing of leads or campaigns.
/// </summary>
public sealed class GlobalSearch(
    ConversationService chats,
    MessageService messages,
    TicketService tickets,
    MeetingService meetings,
    LeadService leads,
    CampaignService campaigns)
{
    public const int PerKind = 5;

    /// <summary>Fewer characters than this find nothing (every row would match).</summary>
    public const int MinLength = 2;

    /// <summary>
    /// Records (messages, tickets, meetings, leads, campaigns) need this many: their text indexes hold three-character
    /// pieces, and two letters match most of a large CRM anyway. Chats and people, a short list, come from two.
    /// </summary>
    public const int RecordsMinLength = MessageService.SearchMinLength;

    public const int MaxLength = 100;

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(Actor actor, string query, CancellationToken cancellationToken = default)
    {
        // The kinds are independent (each service opens its own database context), so they run at once, each on a
        // pool thread (SQLite's "async" calls complete synchronously, so awaiting them together alone would not).
        var found = await Task.WhenAll(Steps(actor, query).Select(step => Task.Run(() => step.FindAsync(cancellationToken), cancellationToken)));
        return [.. found.SelectMany(hits => hits)];
    }

    /// <summary>One kind's part of a search; the benchmark times each on its own.</summary>
    public sealed record KindSearch(SearchKind Kind, Func<CancellationToken, Task<IEnumerable<SearchHit>>> FindAsync);

    /// <summary>What a search for <paramref name="query"/> asks each kind, in the order the results show.</summary>
    public IReadOnlyList<KindSearch> Steps(Actor actor, string query)
    {
        var term = query.Trim();
        if (term.Length < MinLength) return [];
        if (term.Length > MaxLength) term = term[..MaxLength];
        List<KindSearch> steps =
        [
            new(SearchKind.Chat, async ct => (await chats.ListAsync(actor, term, ct)).Take(PerKind)
                .Select(c => new SearchHit(SearchKind.Chat, c.Id, c.Title, c.Preview, $"/chat/{c.Id}"))),
            new(SearchKind.Person, async ct => (await chats.SearchPeopleAsync(actor, term, PerKind, ct))
                .Select(p => new SearchHit(SearchKind.Person, p.Id, p.DisplayName, p.UserName is null ? null : "@" + p.UserName, $"/chat?with={p.Id}"))),
        ];
        if (term.EnumerateRunes().Count() < RecordsMinLength) return steps;
        steps.AddRange(
        [
            new(SearchKind.Message, async ct => (await messages.SearchAsync(actor, term, null, PerKind, ct))
                .Select(m => new SearchHit(SearchKind.Message, m.MessageId, m.Snippet, $"{m.SenderName} in {m.ChatTitle}", $"/chat/{m.ConversationId}?at={m.Seq}"))),
            new(SearchKind.Ticket, async ct => (await tickets.ListAsync(actor, new TicketFilter { Search = term }, new PageRequest(0, PerKind), ct)).Items
                .Select(t => new SearchHit(SearchKind.Ticket, t.Id, $"#{t.Number} {t.Subject}", TicketText.Status(t.Status), $"/tickets/{t.Id}"))),
            new(SearchKind.Meeting, async ct => (await meetings.ListAsync(actor, new PageRequest(0, PerKind, term), MeetingWhen.All, ct)).Items
                .Select(m => new SearchHit(SearchKind.Meeting, m.Id, m.Title, m.Location, $"/meetings?meeting={m.Id}", m.StartAt))),
        ]);
        if (actor.IsStaff)
        {
            steps.Add(new(SearchKind.Lead, async ct => (await leads.ListAsync(actor, new LeadFilter { Search = term }, take: PerKind, cancellationToken: ct)).Items
                .Select(l => new SearchHit(SearchKind.Lead, l.Id, l.Name, l.Company is null ? l.Email : $"{l.Company} · {l.Email}", $"/leads/{l.Id}"))));
            steps.Add(new(SearchKind.Campaign, async ct => (await campaigns.ListAsync(actor, new PageRequest(0, PerKind, term), cancellationToken: ct)).Items
                .Select(c => new SearchHit(SearchKind.Campaign, c.Id, c.Name, c.Status.ToString(), $"/campaigns/{c.Id}"))));
        }
        return steps;
    }
}
