namespace ChatCrm.Tests.Integration.Chat;

/// <summary>
/// A fresh Core container on its own SQLite file for each test, with three people (Ann, Bob, Cy) who are not yet in
/// any chat. Settings tune chat limits for the class (page size, member limit, delete window).
/// </summary>
public abstract class ChatTestBase(IReadOnlyDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    protected ChatHarness Chat { get; private set; } = null!;

    protected Person Ann { get; private set; } = null!;

    protected Person Bob { get; private set; } = null!;

    protected Person Cy { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Chat = await ChatHarness.StartAsync(settings);
        Ann = await Chat.PersonAsync("Ann");
        Bob = await Chat.PersonAsync("Bob");
        Cy = await Chat.PersonAsync("Cy");
    }

    public async Task DisposeAsync() => await Chat.DisposeAsync();
}
