using ChatCrm.Web.Components.Layout;

namespace ChatCrm.Tests.Unit.Layout;

/// <summary>Which menu entry a page marks as the one the person is in (NavMenu).</summary>
public sealed class AppSectionsTests
{
    [Theory]
    [InlineData("", "Dashboard")]
    [InlineData("?tab=1", "Dashboard")]
    [InlineData("chat", "Chat")]
    [InlineData("chat/0199e000-0000-7000-8000-000000000000", "Chat")]
    [InlineData("leads/new?from=board", "Leads")]
    [InlineData("Leads", "Leads")]
    [InlineData("tickets/", "Tickets")]
    [InlineData("admin/accounts/new", "Admin")]
    [InlineData("admin/mail#failed", "Mail queue")]
    public void APageMarksItsOwnSection(string relativePath, string section) =>
        Assert.Equal(section, AppSections.At(relativePath)?.Title);

    [Theory]
    [InlineData("account/profile")]
    [InlineData("chatter")]
    [InlineData("admin")]
    [InlineData("not-found")]
    public void APageOfNoSectionMarksNone(string relativePath) => Assert.Null(AppSections.At(relativePath));
}
