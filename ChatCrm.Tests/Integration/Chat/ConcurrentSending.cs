using ChatCrm.Core.Chat;

namespace ChatCrm.Tests.Integration.Chat;

/// <summary>
/// Several people sending at once into one chat, run the same way on each database engine. Every member's open page
/// (and a second tab of one of them) is subscribed before the group exists, so each should be told of every message.
/// </summary>
internal static class ConcurrentSending
{
    /// <returns>How many events reached a page out of sequence order (allowed: the page places them by Seq).</returns>
    public static async Task<int> AssertEveryMessageStoredOnceInOneOrderForEveryoneAsync(ChatHarness chat, int senders, int messagesEach)
    {
        var members = new List<Person>();
        for (var i = 0; i < senders; i++) members.Add(await chat.PersonAsync($"Sender{i}"));
        var pages = members.Select(m => (Person: m, Log: chat.Listen(m))).Append((Person: members[0], Log: chat.Listen(members[0]))).ToList();
        var group = await chat.GroupAsync(members[0], "Rush hour", [.. members.Skip(1)]);

        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sending = members.Select(member => Task.Run(async () =>
        {
            await go.Task;
            var sent = new List<MessageView>();
            for (var i = 0; i < messagesEach; i++) sent.Add(await chat.SayAsync(member, group, $"{member.Name} #{i}"));
            return sent;
        })).ToList();
        go.SetResult();
        var sentBySender = await Task.WhenAll(sending);

        // Stored: the creation line plus every message exactly once, numbered 1..N without gaps or repeats.
        var total = senders * messagesEach + 1;
        var stored = await chat.StoredMessagesAsync(group);
        Assert.Equal(Enumerable.Range(1, total).Select(i => (long)i), stored.Select(m => m.Seq));
        var expectedTexts = members.SelectMany(m => Enumerable.Range(0, messagesEach).Select(i => $"{m.Name} #{i}"));
        Assert.Equal(expectedTexts.Order(StringComparer.Ordinal), stored.Where(m => m.Kind == MessageKind.Text).Select(m => m.Text!).Order(StringComparer.Ordinal));
        Assert.Equal(total, (await chat.StoredChatAsync(group))!.LastSeq);
        // What each sender was told matches what was stored, and their own messages keep the order they sent them in.
        var storedById = stored.ToDictionary(m => m.Id);
        foreach (var sent in sentBySender)
        {
            Assert.All(sent, v => Assert.Equal((v.Seq, v.Text), (storedById[v.Id].Seq, storedById[v.Id].Text)));
            Assert.Equal(sent.Select(v => v.Seq).Order(), sent.Select(v => v.Seq));
        }

        var storedOrder = stored.Select(m => (m.Id, m.Seq, m.SenderId, m.Text)).ToList();
        var outOfOrder = 0;
        foreach (var (person, log) in pages)
        {
            var told = log.Posted(group);
            // Told of every message exactly once...
            Assert.Equal(total, told.Count);
            Assert.Equal(total, told.Select(m => m.Id).Distinct().Count());
            Assert.Equal(Enumerable.Range(1, total).Select(i => (long)i), told.Select(m => m.Seq).Order());
            // ...and, placed by sequence, the page shows exactly the stored order.
            Assert.Equal(storedOrder, told.OrderBy(m => m.Seq).Select(m => (m.Id, m.Seq, m.SenderId, m.Text)));
            outOfOrder += told.Zip(told.Skip(1)).Count(pair => pair.First.Seq > pair.Second.Seq);

            // A page opened afterwards, scrolled to the top, shows the same.
            Assert.Equal(storedOrder, (await chat.WholeHistoryAsync(person, group)).Select(m => (m.Id, m.Seq, m.SenderId, m.Text)));
        }
        return outOfOrder;
    }
}
