using System.Security.Cryptography;
using ChatCrm.Core.Accounts;
using ChatCrm.Core.Chat;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatCrm.Core.Demo;

/// <summary>
/// Fills an empty install with believable people (ChatCrm:DemoData=true) so a newcomer can look around. Runs once:
/// it does nothing when the demo accounts exist. Features add their own records through <see cref="IDemoRecords"/>.
/// </summary>
public sealed partial class DemoDataSeeder(IServiceScopeFactory scopes, ConversationService conversations, MessageService messages, TimeProvider clock,
    IEnumerable<IDemoRecords> featureRecords, ILogger<DemoDataSeeder> logger)
{
    public const string Domain = "demo.chatcrm.local";

    private static readonly (string Name, string Role)[] People =
    [
        ("Maria Lopez", Roles.Agent), ("Tom Becker", Roles.Agent), ("Aiko Tanaka", Roles.Agent),
        ("Samuel Okafor", Roles.Client), ("Lena Fischer", Roles.Client), ("Priya Natarajan", Roles.Client),
        ("Jonas Berg", Roles.Client), ("Chloe Martin", Roles.Client), ("Diego Alvarez", Roles.Client),
    ];

    private static readonly string[] Statuses = ["On a call until 3", "Working from Lisbon", "Ask me about pricing", "", "Back Monday"];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(EmailOf(People[0].Name)) is not null) return;

        // One random password for all demo people, printed once; "Email me a code" with the outbox works as well.
        var password = "demo-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
        var now = clock.GetUtcNow();
        var actors = new List<Actor>();
        var people = new List<DemoPerson>();
        for (var i = 0; i < People.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (name, role) = People[i];
            var (user, created) = await ConfirmedAccount.CreateAsync(users, name, EmailOf(name), role, password, now.AddDays(-60 + i * 5),
                userName: name.ToLowerInvariant().Replace(' ', '.'));
            if (!created.Succeeded) continue;
            actors.Add(new Actor(user.Id, role));
            people.Add(new DemoPerson(actors[^1], name, EmailOf(name)));
            user.StatusText = Statuses[i % Statuses.Length] is { Length: > 0 } s ? s : null;
            user.Bio = role == Roles.Agent ? "Customer success at ChatCrm demo." : null;
            await users.UpdateAsync(user);
        }
        if (actors.Count == People.Length)
        {
            await new DemoChats(conversations, messages).SeedAsync(actors, cancellationToken);
            foreach (var records in featureRecords.OrderBy(r => r.Order)) await records.SeedAsync(people, cancellationToken);
        }
        LogSeeded(People.Length, Domain, password);
    }

    private static string EmailOf(string name) => $"{name.ToLowerInvariant().Replace(' ', '.')}@{Domain}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo data: created {Count} people at @{Domain}; their password is {Password}")]
    private partial void LogSeeded(int count, string domain, string password);
}
