using ChatCrm.Core.Accounts;
using ChatCrm.Core.Chat;

namespace ChatCrm.Core.Demo;

/// <summary>A few believable conversations between the demo people, sent through the real chat services.</summary>
internal sealed class DemoChats(ConversationService conversations, MessageService messages)
{
    private static readonly (int From, int To, string[] Lines)[] Direct =
    [
        (3, 0, ["Hi Maria, the invoice for October shows two licences, we only have one.", "Could you check?"]),
        (0, 3, ["Hi Samuel! You're right, I see a duplicate seat.", "I've credited it; the corrected invoice comes tomorrow."]),
        (3, 0, ["Perfect, thank you 🙏"]),
        (1, 2, ["Did the Lisbon lead reply?", "They asked for a demo next week."]),
        (2, 1, ["Yes, Thursday 10:00 works for them. I'll send the invite."]),
        (4, 1, ["Hello Tom, is the WhatsApp channel included in the Pro plan?"]),
        (1, 4, ["Hi Lena, yes, WhatsApp and SMS are both in Pro. Details: https://example.com/pricing"]),
    ];

    public async Task SeedAsync(IReadOnlyList<Actor> people, CancellationToken cancellationToken)
    {
        foreach (var (from, to, lines) in Direct)
        {
            var chat = await conversations.OpenDirectAsync(people[from], people[to].UserId, cancellationToken);
            foreach (var line in lines) await messages.SendTextAsync(people[from], chat, line, cancellationToken);
        }

        var team = await conversations.CreateGroupAsync(people[0], "Support team", [people[1].UserId, people[2].UserId], cancellationToken);
        await messages.SendTextAsync(people[0], team, "Morning all, queue is at 14 open tickets.", cancellationToken);
        await messages.SendTextAsync(people[2], team, "I'll take the billing ones.", cancellationToken);
        await messages.SendTextAsync(people[1], team, "I'm on the two urgent onboarding tickets.", cancellationToken);
    }
}
