using Bunit;
using ChatCrm.Core.Leads;
using ChatCrm.Web.Components.Pages.Leads;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ChatCrm.Tests.Components.Leads;

/// <summary>The board's moves: what a drop or the Move button does to the columns before the service answers.</summary>
public sealed class LeadBoardTests
{
    private static readonly LeadCard Ana = Card("Ana New");
    private static readonly LeadCard Ben = Card("Ben New");
    private static readonly LeadCard Cy = Card("Cy Won");

    [Fact]
    public void AMovedCardLeavesItsColumnForTheTopOfTheOtherAndBothCountsFollow()
    {
        var board = Board();

        var moved = board.Move(Ben.Id, LeadStatus.Won);

        Assert.Equal(new BoardItem(Ben, LeadStatus.New), moved);
        Assert.Equal([Ana.Id], Cards(board, LeadStatus.New));
        Assert.Equal([Ben.Id, Cy.Id], Cards(board, LeadStatus.Won));
        Assert.Equal(6, board.CountOf(LeadStatus.New));
        Assert.Equal(2, board.CountOf(LeadStatus.Won));
        // The New column still has five leads the board shows no card for.
        Assert.Equal(5, board.MoreIn(LeadStatus.New));
    }

    [Fact]
    public void ADropOnItsOwnColumnOrOfACardNoLongerThereAsksNothing()
    {
        var board = Board();

        Assert.Null(board.Move(Ana.Id, LeadStatus.New));
        Assert.Null(board.Move(Guid.NewGuid(), LeadStatus.Won));
        Assert.Null(board.Move(Ana.Id, LeadStatus.Lost));  // a column the filter left off the board

        Assert.Equal([Ana.Id, Ben.Id], Cards(board, LeadStatus.New));
        Assert.Equal(7, board.CountOf(LeadStatus.New));
    }

    [Fact]
    public async Task TheMoveButtonOffersEveryOtherStatusAndMovesTheCardToTheOneChosen()
    {
        await using var context = new BunitContext();
        context.UseMudBlazor();
        var board = Board();
        (LeadCard Card, LeadStatus To)? asked = null;

        var columns = context.Render<MudDropContainer<BoardItem>>(p => p
            .Add(c => c.Items, board.Items)
            .Add(c => c.ItemsSelector, (item, zone) => item.Zone == zone)
            .AddChildContent<BoardColumn>(column => column
                .Add(c => c.Status, LeadStatus.New)
                .Add(c => c.Board, board)
                .Add(c => c.Move, EventCallback.Factory.Create<(LeadCard, LeadStatus)>(new object(), move => asked = move))));

        var section = columns.Find("[role=region]");
        Assert.Equal("New", section.GetAttribute("aria-label"));
        Assert.Equal("7 leads", columns.Find(".board-column-count").GetAttribute("aria-label"));
        Assert.Equal("5 more in the list", columns.Find(".board-column-more").TextContent);
        Assert.Equal(["Ana New", "Ben New"], columns.FindAll("article.board-card").Select(a => a.GetAttribute("aria-label")));

        columns.Find("button[aria-label='Move Ben New']").Click();

        var choices = columns.FindAll("ul[aria-label='Move Ben New to'] button").Select(b => b.TextContent.Trim()).ToList();
        Assert.Equal(["Contacted", "Qualified", "Won", "Lost"], choices);
        columns.Find("button[aria-label='Move Ben New to Won']").Click();
        Assert.Equal((Ben, LeadStatus.Won), asked);
        Assert.Empty(columns.FindAll("ul[aria-label='Move Ben New to']"));
    }

    private static LeadBoardModel Board() => new(
    [
        new LeadBoardColumn(LeadStatus.New, 7, [Ana, Ben]),
        new LeadBoardColumn(LeadStatus.Won, 1, [Cy]),
    ]);

    private static List<Guid> Cards(LeadBoardModel board, LeadStatus status) =>
        board.Items.Where(i => i.Status == status).Select(i => i.Card.Id).ToList();

    private static LeadCard Card(string name) => new(Guid.CreateVersion7(), name, null, null, 1, DateTimeOffset.UnixEpoch);
}
