using ExecutionHub.Web.Domain;

namespace ExecutionHub.Tests.Domain;

public sealed class SuppressedCountTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "<3")]
    [InlineData(2, "<3")]
    [InlineData(3, "3")]
    [InlineData(1500, "1,500")]
    public void Counts_below_three_are_never_shown(int value, string shown) =>
        Assert.Equal(shown, new SuppressedCount(value).ToString());
}
