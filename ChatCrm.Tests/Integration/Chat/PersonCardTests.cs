using ChatCrm.Core.Accounts;
using ChatCrm.Core.Chat;
using ChatCrm.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Tests.Integration.Chat;

/// <summary>Person cards (Core/Chat/PersonCards): what they show, and that a client finds no other client through one.</summary>
public sealed class PersonCardTests : ChatTestBase
{
    private PersonCards Cards => Chat.Core.Get<PersonCards>();

    [Fact]
    public async Task ACardShowsTheNameUserNameStatusBioAndTimeZoneThePersonGaveThemselves()
    {
        await Chat.Core.WithDbAsync(db => db.Users.Where(u => u.Id == Bob.Id).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.StatusText, "On the road until Friday")
            .SetProperty(u => u.Bio, "Key accounts, Iberia.")
            .SetProperty(u => u.TimeZone, "Europe/Lisbon")));

        var card = await Cards.GetAsync(Ann.Actor, Bob.Id);

        Assert.Equal((Bob.Name, "On the road until Friday", "Key accounts, Iberia.", "Europe/Lisbon"), (card.DisplayName, card.StatusText, card.Bio, card.TimeZone));
        Assert.StartsWith("bob.", card.UserName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClientSeesStaffAndThePeopleOfTheirOwnChatsButNoOtherClient()
    {
        var client = await Chat.PersonAsync("Cleo", Roles.Client);
        var otherClient = await Chat.PersonAsync("Dora", Roles.Client);

        Assert.Equal(Ann.Name, (await Cards.GetAsync(client.Actor, Ann.Id)).DisplayName);
        Assert.Equal(otherClient.Name, (await Cards.GetAsync(Ann.Actor, otherClient.Id)).DisplayName);
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => Cards.GetAsync(client.Actor, otherClient.Id));
        Assert.Equal(PersonCards.NotFound, refused.Message);
        await Assert.ThrowsAsync<ForbiddenException>(() => Cards.GetAsync(client.Actor, Guid.NewGuid()));

        // In one group together, they may know each other.
        await Chat.GroupAsync(Ann, "Onboarding", client, otherClient);
        Assert.Equal(otherClient.Name, (await Cards.GetAsync(client.Actor, otherClient.Id)).DisplayName);
    }

    [Fact]
    public async Task SearchesFoldTheCaseOfAccentedLettersOnSqliteAsOnPostgreSql()
    {
        // SQLite's own upper() folds A-Z only: "Inês" would be "INêS" and never match "inÊs" (Core/Data/SqliteConnectionSetup).
        var ines = await Chat.PersonAsync("Inês");
        var group = await Chat.GroupAsync(Ann, "Lisboa", ines);

        Assert.Contains(await Chat.Chats.SearchPeopleAsync(Ann.Actor, "inÊs"), p => p.Id == ines.Id);
        Assert.Equal([ines.Id], (await Chat.Core.Get<Mentions>().SuggestAsync(Ann.Actor, group, "INÊ")).Select(p => p.Id));
        await Chat.SayAsync(ines, group, "Olá, ÉQUIPE");
        Assert.Single(await Chat.Messages.SearchAsync(Ann.Actor, "équipe", group));
    }
}
