using ChatCrm.Web.Components.Pages.Dashboard;

namespace ChatCrm.Tests.Unit.Dashboard;

public sealed class CountAxisTests
{
    [Theory]
    [InlineData(0, 1, 3)]
    [InlineData(1, 1, 3)]
    [InlineData(3, 1, 3)]
    [InlineData(5, 1, 5)]
    [InlineData(6, 2, 6)]
    [InlineData(7, 2, 8)]
    [InlineData(18, 5, 20)]
    [InlineData(412, 100, 500)]
    [InlineData(1_001, 500, 1_500)]
    public void CountsGetWholeRoundStepsAndAtMostFiveOfThem(int largest, int step, int top)
    {
        var axis = CountAxis.For(largest);

        Assert.Equal((step, top), (axis.Step, axis.Top));
        Assert.True(axis.Top / axis.Step <= 5);
        Assert.True(axis.Top >= largest);
    }
}
