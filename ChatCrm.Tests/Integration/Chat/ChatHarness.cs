using ChatCrm.Core.Accounts;
using ChatCrm.Core.Chat;
using ChatCrm.Core.Data;
using ChatCrm.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Tests.Integration.Chat;

/// <summary>A person in a chat test: their account id, display name and the actor the services see.</summary>
public sealed record Person(Guid Id, string Name, Actor Actor);

/// <summary>
/// The real Core container (<see cref="CoreServices"/>) with the chat services at hand and quick ways to arrange
/// people and chats. On SQLite by default; <see cref="StartOnPostgreSqlAsync"/> runs the same on PostgreSQL.
/// </summary>
public sealed class ChatHarness : IAsyncDisposable
{
    // A complete, valid 1x1 PNG image.
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private readonly List<EventLog> _logs = [];
    private int _people;

    private ChatHarness(CoreServices core) => Core = core;

    public CoreServices Core { get; }

    public ConversationService Chats => Core.Get<ConversationService>();

    public MessageService Messages => Core.Get<MessageService>();

    public ChatEvents Events => Core.Get<ChatEvents>();

    public ShiftableClock Clock => Core.Clock;

    /// <summary>Where chat attachments land on disk.</summary>
    public string ChatUploads => Path.Combine(Core.DataFolder, "uploads", "chat");

    public static async Task<ChatHarness> StartAsync(IReadOnlyDictionary<string, string?>? settings = null) =>
        new(await CoreServices.StartAsync(settings: settings));

    public static async Task<ChatHarness> StartOnPostgreSqlAsync(PostgresFixture postgres, IReadOnlyDictionary<string, string?>? settings = null)
    {
        return new ChatHarness(await CoreServices.StartAsync(settings: await postgres.SettingsAsync(settings)));
    }

    /// <summary>A confirmed account without a password (no hashing: these tests never sign in).</summary>
    public async Task<Person> PersonAsync(string firstName, string role = Roles.Agent, bool confirmed = true)
    {
        var name = $"{firstName} {(char)('A' + Interlocked.Increment(ref _people) % 26)}";
        var mailbox = new string(firstName.Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant();
        var user = await Core.CreateUserAsync(name, TestAddresses.New(mailbox), null, role, confirmed);
        return new Person(user.Id, user.DisplayName, new Actor(user.Id, role));
    }

    public Task<Guid> GroupAsync(Person owner, string name, params Person[] members) =>
        Chats.CreateGroupAsync(owner.Actor, name, members.Select(m => m.Id).ToList());

    public Task<Guid> DirectAsync(Person from, Person to) => Chats.OpenDirectAsync(from.Actor, to.Id);

    public Task<MessageView> SayAsync(Person who, Guid chat, string text) => Messages.SendTextAsync(who.Actor, chat, text);

    public Task<MessageView> SendPngAsync(Person who, Guid chat, string fileName = "photo.png") =>
        Messages.SendFileAsync(who.Actor, chat, new MemoryStream(Png), fileName);

    /// <summary>Subscribes as one open page of <paramref name="person"/> would; unsubscribed when the harness ends.</summary>
    public EventLog Listen(Person person)
    {
        var log = new EventLog(Events, person.Id);
        lock (_logs) _logs.Add(log);
        return log;
    }

    /// <summary>Everything the person may see of a chat, oldest first, loaded page by page as the page scrolls up.</summary>
    public async Task<List<MessageView>> WholeHistoryAsync(Person who, Guid chat)
    {
        var pages = new List<IReadOnlyList<MessageView>>();
        long? before = null;
        while (true)
        {
            var page = await Messages.GetPageAsync(who.Actor, chat, before);
            pages.Insert(0, page.Messages);
            if (!page.HasOlder) break;
            before = page.Messages[0].Seq;
        }
        return pages.SelectMany(p => p).ToList();
    }

    /// <summary>The stored rows, read straight from the database, bypassing every rule.</summary>
    public async Task<List<Message>> StoredMessagesAsync(Guid chat)
    {
        await using var db = await Db().CreateDbContextAsync();
        return await db.Messages.AsNoTracking().Where(m => m.ConversationId == chat).OrderBy(m => m.Seq).ToListAsync();
    }

    public async Task<Conversation?> StoredChatAsync(Guid chat)
    {
        await using var db = await Db().CreateDbContextAsync();
        return await db.Conversations.AsNoTracking().Include(c => c.Participants).FirstOrDefaultAsync(c => c.Id == chat);
    }

    public string[] StoredFiles() => Directory.Exists(ChatUploads) ? Directory.GetFiles(ChatUploads) : [];

    public async ValueTask DisposeAsync()
    {
        lock (_logs)
        {
            foreach (var log in _logs) log.Dispose();
        }
        await Core.DisposeAsync();
    }

    private IDbContextFactory<ChatCrmDbContext> Db() => Core.Get<IDbContextFactory<ChatCrmDbContext>>();
}
