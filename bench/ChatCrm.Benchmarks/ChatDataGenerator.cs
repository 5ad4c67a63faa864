using System.Diagnostics;
using ChatCrm.Core.Accounts;
using ChatCrm.Core.Chat;
using ChatCrm.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Benchmarks;

/// <summary>
/// Fills a ChatCrm database with a year of chat among the CRM's people, through EF Core (either engine, exactly the
/// rows the app writes, the text index kept by its own triggers): every pair of agents and every client with two agents
/// in one-to-one chats, agent teams in groups and a few client groups, and the messages spread over them in time order
/// (busier in groups), everything read. Deterministic (seeded random) so runs compare.
/// </summary>
internal sealed class ChatDataGenerator(IDbContextFactory<ChatCrmDbContext> contexts)
{
    private const int Batch = 5_000;

    // Each message is one line from each list joined, with a number now and then: every word of a list is in about
    // one message in len(list), and an order number in only a few, so searches range from thousands of hits to none.
    private static readonly string[] Openers = ["Hi", "Hello", "Morning", "Quick one", "Update", "FYI", "Thanks", "Sorry", "Heads up", "Good news", "Question", "Reminder"];
    private static readonly string[] Subjects = ["the invoice", "the renewal", "our onboarding call", "the export", "the pricing sheet", "the API keys", "the dashboard",
        "the contract draft", "the WhatsApp channel", "the import file", "the refund", "the trial account", "the shipping label", "the webinar", "the SSO setup", "the quarterly report"];
    private static readonly string[] Verbs = ["is ready", "needs a second look", "went out", "is blocked", "looks good", "was approved", "is late", "came back with questions",
        "is on hold", "was signed", "needs your input", "is scheduled for Friday"];
    private static readonly string[] Tails = ["", "", "", "let me know", "see the ticket", "call me if needed", "I will follow up tomorrow", "can we talk at 3?",
        "the customer is waiting", "no rush", "the client asked twice", "before the board meeting"];

    public sealed record Result(int Chats, int Messages, TimeSpan Took);

    public async Task<Result> GenerateAsync(int messageCount, IReadOnlyList<Actor> agents, IReadOnlyList<Actor> clients, CancellationToken cancellationToken = default)
    {
        var clockwatch = Stopwatch.StartNew();
        var random = new Random(20261204);
        var start = DateTimeOffset.UtcNow.AddDays(-365);
        var chats = Conversations(agents, clients, random, start);
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            db.Conversations.AddRange(chats);
            await db.SaveChangesAsync(cancellationToken);
        }

        // Groups are busier than one-to-one chats: a group takes 20 shares of the messages, a one-to-one chat 1.
        var weights = chats.Select(c => c.Kind == ConversationKind.Group ? 20 : 1).ToArray();
        var total = weights.Sum();
        var step = TimeSpan.FromDays(365) / messageCount;
        for (var first = 0; first < messageCount; first += Batch)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = first; i < Math.Min(messageCount, first + Batch); i++)
            {
                var chat = chats[Pick(weights, total, random)];
                var at = start + step * i;
                chat.LastSeq++;
                chat.LastActivityAt = at;
                var sender = chat.Participants[random.Next(chat.Participants.Count)].UserId;
                chat.LastMessageSenderId = sender;
                db.Messages.Add(new Message
                {
                    ConversationId = chat.Id, Seq = chat.LastSeq, SenderId = sender, Kind = MessageKind.Text, Text = Line(random), CreatedAt = at,
                });
            }
            await db.SaveChangesAsync(cancellationToken);
        }

        // Each chat's snapshot of its newest message, and everyone has read everything.
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            foreach (var chat in chats)
            {
                await db.Conversations.Where(c => c.Id == chat.Id).ExecuteUpdateAsync(set => set
                    .SetProperty(c => c.LastSeq, chat.LastSeq)
                    .SetProperty(c => c.LastActivityAt, chat.LastActivityAt)
                    .SetProperty(c => c.LastMessageSenderId, chat.LastMessageSenderId)
                    .SetProperty(c => c.LastMessagePreview, "(generated)"), cancellationToken);
                await db.Participants.Where(p => p.ConversationId == chat.Id).ExecuteUpdateAsync(set => set
                    .SetProperty(p => p.LastReadSeq, chat.LastSeq)
                    .SetProperty(p => p.DigestedUpToSeq, chat.LastSeq), cancellationToken);
            }
        }
        return new Result(chats.Count, messageCount, clockwatch.Elapsed);
    }

    private static List<Conversation> Conversations(IReadOnlyList<Actor> agents, IReadOnlyList<Actor> clients, Random random, DateTimeOffset start)
    {
        var chats = new List<Conversation>();
        Conversation Chat(ConversationKind kind, string? name, IEnumerable<Actor> people)
        {
            var members = people.Distinct().ToList();
            var chat = new Conversation
            {
                Kind = kind, Name = name, CreatedBy = members[0].UserId, CreatedAt = start, LastActivityAt = start,
                DirectKey = kind == ConversationKind.Direct ? Conversation.DirectKeyFor(members[0].UserId, members[1].UserId) : null,
            };
            chat.Participants.AddRange(members.Select((m, i) => new Participant
            {
                ConversationId = chat.Id, UserId = m.UserId, IsOwner = kind == ConversationKind.Group && i == 0, JoinedAt = start,
            }));
            chats.Add(chat);
            return chat;
        }

        for (var a = 0; a < agents.Count; a++)
        {
            for (var b = a + 1; b < agents.Count; b++) Chat(ConversationKind.Direct, null, [agents[a], agents[b]]);
        }
        foreach (var client in clients)
        {
            var first = random.Next(agents.Count);
            var second = (first + 1 + random.Next(agents.Count - 1)) % agents.Count;
            Chat(ConversationKind.Direct, null, [client, agents[first]]);
            Chat(ConversationKind.Direct, null, [client, agents[second]]);
        }
        for (var g = 0; g < 30; g++)
        {
            Chat(ConversationKind.Group, $"Team {g + 1}", agents.OrderBy(_ => random.Next()).Take(random.Next(4, 12)));
        }
        for (var g = 0; g < 20; g++)
        {
            Chat(ConversationKind.Group, $"Project {g + 1}", [clients[g], .. agents.OrderBy(_ => random.Next()).Take(random.Next(2, 4))]);
        }
        return chats;
    }

    private static int Pick(int[] weights, int total, Random random)
    {
        var n = random.Next(total);
        for (var i = 0; i < weights.Length; i++)
        {
            if ((n -= weights[i]) < 0) return i;
        }
        return weights.Length - 1;
    }

    private static string Line(Random random)
    {
        var line = $"{Openers[random.Next(Openers.Length)]}, {Subjects[random.Next(Subjects.Length)]} {Verbs[random.Next(Verbs.Length)]}";
        if (random.Next(4) == 0) line += $" (order {random.Next(10_000, 100_000)})";
        var tail = Tails[random.Next(Tails.Length)];
        return tail.Length == 0 ? line + "." : $"{line}, {tail}.";
    }
}
