using ChatCrm.Core.Accounts;

namespace ChatCrm.Core.Demo;

/// <summary>A demo person, in the order of <see cref="DemoDataSeeder"/>'s list: agents first (0–2), then clients (3–8).</summary>
public sealed record DemoPerson(Actor Actor, string Name, string Email);

/// <summary>
/// A feature's demo records (leads, tickets, ...), seeded once after the demo people exist. Each feature registers its
/// own, so adding a feature's demo data touches only that feature's folder.
/// </summary>
public interface IDemoRecords
{
    /// <summary>Lower runs first (leads before campaigns and meetings, which refer to leads).</summary>
    int Order { get; }

    Task SeedAsync(IReadOnlyList<DemoPerson> people, CancellationToken cancellationToken);
}
