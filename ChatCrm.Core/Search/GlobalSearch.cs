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

    public const int MaxLength = 100;

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(Actor actor, string query, CancellationToken cancellationToken = default)
    {
        var term = query.Trim();
        if (term.Length < MinLength) return [];
        if (term.Length > MaxLength) term = term[..MaxLength];
        var hits = new List<SearchHit>();

        var chatList = await chats.ListAsync(actor, term, cancellationToken);
        hits.AddRange(chatList.Take(PerKind).Select(c => new SearchHit(SearchKind.Chat, c.Id, c.Title, c.Preview, $"/chat/{c.Id}")));

        var people = await chats.SearchPeopleAsync(actor, term, PerKind, cancellationToken);
        hits.AddRange(people.Select(p => new SearchHit(SearchKind.Person, p.Id, p.DisplayName, p.UserName is null ? null : "@" + p.UserName, $"/chat?with={p.Id}")));

        var found = await messages.SearchAsync(actor, term, null, cancellationToken);
        hits.AddRange(found.Take(PerKind).Select(m => new SearchHit(SearchKind.Message, m.MessageId, m.Snippet, $"{m.SenderName} in {m.ChatTitle}",
            $"/chat/{m.ConversationId}?at={m.Seq}")));

        var ticketPage = await tickets.ListAsync(actor, new TicketFilter { Search = term }, new PageRequest(0, PerKind), cancellationToken);
        hits.AddRange(ticketPage.Items.Select(t => new SearchHit(SearchKind.Ticket, t.Id, $"#{t.Number} {t.Subject}", TicketText.Status(t.Status), $"/tickets/{t.Id}")));

        var meetingPage = await meetings.ListAsync(actor, new PageRequest(0, PerKind, term), MeetingWhen.All, cancellationToken);
        hits.AddRange(meetingPage.Items.Select(m => new SearchHit(SearchKind.Meeting, m.Id, m.Title, m.Location, $"/meetings?meeting={m.Id}", m.StartAt)));

        if (actor.IsStaff)
        {
            var leadPage = await leads.ListAsync(actor, new LeadFilter { Search = term }, take: PerKind, cancellationToken: cancellationToken);
            hits.AddRange(leadPage.Items.Select(l => new SearchHit(SearchKind.Lead, l.Id, l.Name, l.Company is null ? l.Email : $"{l.Company} · {l.Email}", $"/leads/{l.Id}")));
            var campaignPage = await campaigns.ListAsync(actor, new PageRequest(0, PerKind, term), cancellationToken: cancellationToken);
            hits.AddRange(campaignPage.Items.Select(c => new SearchHit(SearchKind.Campaign, c.Id, c.Name, c.Status.ToString(), $"/campaigns/{c.Id}")));
        }
        return hits;
    }
}
