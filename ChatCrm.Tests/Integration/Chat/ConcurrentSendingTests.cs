using Xunit.Abstractions;

namespace ChatCrm.Tests.Integration.Chat;

/// <summary>Many senders at once in one chat on the embedded SQLite file (the same on PostgreSQL: <see cref="ChatOnPostgreSqlTests"/>).</summary>
public sealed class ConcurrentSendingTests(ITestOutputHelper output) : IAsyncLifetime
{
    private ChatHarness _chat = null!;

    public async Task InitializeAsync() => _chat = await ChatHarness.StartAsync();

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    [Fact]
    public async Task ConcurrentSendersEachMessageStoredOnceInOneOrderForEveryone()
    {
        var outOfOrder = await ConcurrentSending.AssertEveryMessageStoredOnceInOneOrderForEveryoneAsync(_chat, senders: 8, messagesEach: 25);

        output.WriteLine($"SQLite: events that reached a page out of sequence order: {outOfOrder}.");
    }
}
