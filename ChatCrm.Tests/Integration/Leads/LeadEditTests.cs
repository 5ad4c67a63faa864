using ChatCrm.Core.Common;
using ChatCrm.Core.Leads;

namespace ChatCrm.Tests.Integration.Leads;

public sealed class LeadEditTests : LeadTestBase
{
    [Fact]
    public async Task EveryBadFieldGetsItsOwnMessageAndNothingIsSaved()
    {
        var input = new LeadInput
        {
            Name = "  ",
            Email = "not-an-email",
            Phone = "call me maybe",
            Company = new string('c', Lead.CompanyMax + 1),
            Source = new string('s', Lead.SourceMax + 1),
            Notes = new string('n', Lead.NotesMax + 1),
            Status = (LeadStatus)42,
            OwnerId = Client.UserId,
            Tags = [.. Enumerable.Range(0, Lead.MaxTags + 1).Select(i => $"tag{i}")],
        };

        var saved = await Leads.CreateAsync(Agent, input);

        Assert.False(saved.Succeeded);
        Assert.Equal("Name is required.", saved.Errors[nameof(LeadInput.Name)]);
        Assert.EndsWith("is not a valid address.", saved.Errors[nameof(LeadInput.Email)]);
        Assert.Contains("6 to 32 characters", saved.Errors[nameof(LeadInput.Phone)]);
        Assert.Contains($"{Lead.CompanyMax}", saved.Errors[nameof(LeadInput.Company)]);
        Assert.Contains($"{Lead.SourceMax}", saved.Errors[nameof(LeadInput.Source)]);
        Assert.Contains($"{Lead.NotesMax}", saved.Errors[nameof(LeadInput.Notes)]);
        Assert.Equal("Choose a status.", saved.Errors[nameof(LeadInput.Status)]);
        Assert.Contains("agents and admins", saved.Errors[nameof(LeadInput.OwnerId)]);
        Assert.Contains($"at most {Lead.MaxTags} tags", saved.Errors[nameof(LeadInput.Tags)]);
        Assert.Equal(0, (await Leads.ListAsync(Agent, new LeadFilter())).TotalCount);
    }

    [Theory]
    [InlineData("", "Email is required.")]
    [InlineData("ann@localhost", "Email 'ann@localhost' is not a valid address.")]
    [InlineData("Ann <ann@example.com>", "Email 'Ann <ann@example.com>' is not a valid address.")]
    public async Task EmailIsRequiredAndMustBeAnAddress(string email, string message)
    {
        var saved = await Leads.CreateAsync(Agent, Input("Ann", email));

        Assert.Equal(message, saved.Errors[nameof(LeadInput.Email)]);
    }

    [Theory]
    [InlineData("+44 (20) 7946-0958", true)]
    [InlineData("030.1234.5678", true)]
    [InlineData("12345", false)]
    [InlineData("+49 30 1234 ext 5", false)]
    [InlineData("123456789012345678901234567890123", false)]
    public async Task PhoneAllowsDigitsSpacesAndPunctuationOfSixToThirtyTwoCharacters(string phone, bool valid)
    {
        var saved = await Leads.CreateAsync(Agent, Input("Ann", phone: phone));

        Assert.Equal(valid, !saved.Errors.ContainsKey(nameof(LeadInput.Phone)));
    }

    [Fact]
    public async Task CreateNormalizesTagsAndWritesTheCreatedLine()
    {
        var id = await AddAsync(Input("  Ann Example ", "Ann@Example.COM", "Acme", owner: OtherAgent.UserId, tags: [" VIP", "vip", "Trade Fair", ""]));

        var lead = await DetailsAsync(id);
        Assert.Equal(("Ann Example", "Ann@Example.COM", "Olga Agent"), (lead.Name, lead.Email, lead.OwnerName));
        Assert.Equal(["trade fair", "vip"], lead.Tags);
        var line = Assert.Single(await Leads.TimelineAsync(Agent, id));
        Assert.Equal((LeadActivityKind.Created, Agent.UserId, "Alex Agent"), (line.Kind, line.ActorId, line.ActorName));
    }

    [Fact]
    public async Task EditWritesStatusOwnerAndFieldLinesWithWhoDidIt()
    {
        var id = await AddAsync(Input("Ann", "ann@example.test", "Acme", owner: Agent.UserId, tags: ["vip"]));
        var loaded = await DetailsAsync(id);
        var input = loaded.ToInput();
        input.Company = "Globex";
        input.Status = LeadStatus.Contacted;
        input.OwnerId = OtherAgent.UserId;
        input.Tags = ["vip", "renewal"];
        Clock.Advance(TimeSpan.FromMinutes(5));

        var saved = await Leads.UpdateAsync(OtherAgent, id, input, loaded.Version);

        Assert.True(saved.Succeeded);
        var after = await DetailsAsync(id);
        Assert.Equal(("Globex", LeadStatus.Contacted, OtherAgent.UserId, loaded.Version + 1), (after.Company, after.Status, after.OwnerId, after.Version));
        Assert.True(after.UpdatedAt > loaded.UpdatedAt);
        var timeline = await Leads.TimelineAsync(Agent, id);
        Assert.Equal("New → Contacted", timeline.Single(a => a.Kind == LeadActivityKind.StatusChanged).Text);
        Assert.Equal("Alex Agent → Olga Agent", timeline.Single(a => a.Kind == LeadActivityKind.OwnerChanged).Text);
        Assert.Equal("Company: Acme → Globex; Tags: vip → renewal, vip", timeline.Single(a => a.Kind == LeadActivityKind.Edited).Text);
        Assert.All(timeline.Where(a => a.Kind != LeadActivityKind.Created), a => Assert.Equal("Olga Agent", a.ActorName));
        Assert.Equal(LeadActivityKind.Created, timeline[^1].Kind);
    }

    [Fact]
    public async Task AStaleSaveIsAConflictAndOverwritesNothing()
    {
        var id = await AddAsync("Ann", company: "Acme");
        var loaded = await DetailsAsync(id);
        var first = loaded.ToInput();
        first.Company = "First";
        var second = loaded.ToInput();
        second.Company = "Second";

        Assert.True((await Leads.UpdateAsync(Agent, id, first, loaded.Version)).Succeeded);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Leads.UpdateAsync(OtherAgent, id, second, loaded.Version));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Leads.MoveAsync(OtherAgent, id, LeadStatus.Lost, loaded.Version));

        var stored = await DetailsAsync(id);
        Assert.Equal(("First", LeadStatus.New), (stored.Company, stored.Status));
        Assert.DoesNotContain(await Leads.TimelineAsync(Agent, id), a => a.Text?.Contains("Second", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task DuplicateEmailIsFoundWhateverTheCaseButNotForTheLeadItself()
    {
        var first = await AddAsync("Ann One", "ann@example.test");

        var duplicate = await Leads.FindByEmailAsync(Agent, "  ANN@Example.test ");
        var itself = await Leads.FindByEmailAsync(Agent, "ann@example.test", excludeId: first);
        // A duplicate warns; it does not stop the save.
        var second = await AddAsync("Ann Two", "Ann@example.test");

        Assert.Equal(new LeadDuplicate(first, "Ann One"), duplicate);
        Assert.Null(itself);
        Assert.Equal(first, (await Leads.FindByEmailAsync(Agent, "ann@example.test", excludeId: second))?.Id);
        Assert.Null(await Leads.FindByEmailAsync(Agent, "nobody@example.test"));
    }

    [Fact]
    public async Task MoveChangesTheStatusAndWritesTheLine()
    {
        var id = await AddAsync("Ann");
        var version = (await DetailsAsync(id)).Version;

        Assert.True((await Leads.MoveAsync(Agent, id, LeadStatus.Qualified, version)).Succeeded);

        Assert.Equal(LeadStatus.Qualified, (await DetailsAsync(id)).Status);
        var line = (await Leads.TimelineAsync(Agent, id))[0];
        Assert.Equal((LeadActivityKind.StatusChanged, "New → Qualified", "Alex Agent"), (line.Kind, line.Text, line.ActorName));
    }

    [Fact]
    public async Task NotesGoOnTheTimelineNewestFirstWithoutMakingAnOpenFormStale()
    {
        var id = await AddAsync("Ann");
        var loaded = await DetailsAsync(id);

        Assert.Equal("Write the note first.", (await Leads.AddNoteAsync(Agent, id, "   ")).Error);
        Assert.Contains($"{LeadActivity.TextMax}", (await Leads.AddNoteAsync(Agent, id, new string('x', LeadActivity.TextMax + 1))).Error);
        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await Leads.AddNoteAsync(Agent, id, "Called, no answer")).Succeeded);
        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await Leads.AddNoteAsync(OtherAgent, id, "Called back: wants a demo")).Succeeded);

        var timeline = await Leads.TimelineAsync(Agent, id);
        Assert.Equal(["Called back: wants a demo", "Called, no answer", null], timeline.Select(a => a.Text));
        Assert.Equal("Olga Agent", timeline[0].ActorName);
        var edit = loaded.ToInput();
        edit.Company = "Still saves";
        Assert.True((await Leads.UpdateAsync(Agent, id, edit, loaded.Version)).Succeeded);
    }

    [Fact]
    public async Task DeleteRemovesTheLeadAndItsTimeline()
    {
        var id = await AddAsync("Ann", tags: ["vip"]);
        await Leads.AddNoteAsync(Agent, id, "note");

        Assert.True((await Leads.DeleteAsync(Agent, id)).Succeeded);

        Assert.Null(await Leads.GetAsync(Agent, id));
        Assert.Empty(await Leads.TimelineAsync(Agent, id));
        Assert.Empty(await Leads.TagsAsync(Agent));
    }
}
