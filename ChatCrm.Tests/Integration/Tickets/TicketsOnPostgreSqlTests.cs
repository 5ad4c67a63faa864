using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Core.Tickets;
using ChatCrm.Tests.Fixtures;

namespace ChatCrm.Tests.Integration.Tickets;

/// <summary>
/// Tickets on PostgreSQL, where creators really overlap (read committed: two may read the same highest number) and
/// the list's CASE sort, lower() search and time comparisons go through another SQL dialect.
/// </summary>
[Collection(PostgresClusterGroup.Name)]
public sealed class TicketsOnPostgreSqlTests(PostgresFixture postgres) : IAsyncLifetime
{
    private CoreServices _core = null!;
    private Actor _client = null!;
    private Actor _agent = null!;

    private TicketService Tickets => _core.Get<TicketService>();

    public async Task InitializeAsync()
    {
        _core = await CoreServices.StartAsync(settings: await postgres.SettingsAsync());
        _client = new Actor((await _core.CreateUserAsync("Cleo Client", TestAddresses.New("cleo"), null)).Id, Roles.Client);
        _agent = new Actor((await _core.CreateUserAsync("Alex Agent", TestAddresses.New("alex"), null, Roles.Agent)).Id, Roles.Agent);
    }

    public async Task DisposeAsync() => await _core.DisposeAsync();

    [Fact]
    public async Task NumbersStayUniqueWhenManyOpenTicketsAtOnce()
    {
        var creations = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            Task.Run(() => Tickets.CreateAsync(i % 2 == 0 ? _client : _agent, new TicketDraft { Subject = $"Ticket {i}", Description = "At once." }))));

        Assert.All(creations, c => Assert.True(c.Succeeded, c.Error));
        Assert.Equal(Enumerable.Range(TicketService.FirstNumber, 24), creations.Select(c => c.Number).Order());
    }

    [Fact]
    public async Task ListSortsByPrioritySearchesAndFindsOverdueTickets()
    {
        var low = await Tickets.OpenTicketAsync(_client, "Printer jammed", TicketPriority.Low);
        var urgent = await Tickets.OpenTicketAsync(_client, "Server DOWN", TicketPriority.Urgent);
        var high = await Tickets.OpenTicketAsync(_client, "Login slow", TicketPriority.High);

        var sorted = await Tickets.ListAsync(_agent, new TicketFilter(), new PageRequest(0, 10, SortBy: nameof(TicketRow.Priority), Descending: true));
        Assert.Equal([urgent.Id, high.Id, low.Id], sorted.Items.Select(r => r.Id));
        Assert.Equal([urgent.Id], (await Tickets.AllAsync(_agent, new TicketFilter { Search = "server down" })).Select(r => r.Id));

        _core.Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal([urgent.Id], (await Tickets.AllAsync(_client, new TicketFilter { OverdueOnly = true })).Select(r => r.Id));
    }
}
