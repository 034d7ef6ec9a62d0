using ExecutionHub.Web.Domain;

namespace ExecutionHub.Tests.Domain;

public sealed class CommunityMatchTests
{
    private static readonly (int Id, string Name)[] Communities = [(1, "平凉一居委"), (2, "河间路居委"), (3, "齐齐哈尔路居委"), (4, "定海一居委")];

    [Theory]
    [InlineData("上海市杨浦区河间路200弄3号", 2)]
    [InlineData("上海市杨浦区平凉路1399弄5号", 1)]
    [InlineData("上海市杨浦区齐齐哈尔路88号", 3)]
    public void The_committee_named_after_the_addresss_road_is_suggested(string address, int expected) =>
        Assert.Equal(expected, CommunityMatch.Suggest(address, Communities));

    [Theory]
    [InlineData("上海市虹口区四川北路1号")]
    [InlineData("")]
    [InlineData(null)]
    public void An_address_on_no_known_road_gets_no_suggestion(string? address) =>
        Assert.Null(CommunityMatch.Suggest(address, Communities));
}
