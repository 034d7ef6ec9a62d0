using ExecutionHub.Web.Domain;

namespace ExecutionHub.Tests.Domain;

public sealed class PersonalDataTests
{
    [Fact]
    public void Id_number_keeps_region_and_last_four() =>
        Assert.Equal("310110********1234", PersonalData.MaskIdentityNumber("310110199001011234"));

    [Fact]
    public void Phone_keeps_prefix_and_last_four() =>
        Assert.Equal("138****5678", PersonalData.MaskPhone("13812345678"));

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("张三丰", "张*丰")]
    [InlineData("欧阳明月", "欧**月")]
    public void Name_keeps_first_and_last_character(string name, string masked) =>
        Assert.Equal(masked, PersonalData.MaskName(name));

    [Fact]
    public void Address_hides_everything_from_the_house_number_on() =>
        Assert.Equal("上海市杨浦区平凉路****", PersonalData.MaskAddress("上海市杨浦区平凉路1234弄5号302室"));

    [Fact]
    public void Too_short_values_are_masked_entirely() =>
        Assert.Equal("*****", PersonalData.MaskPhone("12345"));

    [Theory]
    [InlineData("𠮷野家", "𠮷*家")]
    [InlineData("张𠮷", "张*")]
    [InlineData("王小😀", "王*😀")]
    [InlineData("李👨‍👩‍👧明", "李*明")]
    public void Should_mask_a_name_by_what_a_reader_sees_as_one_character_never_splitting_a_surrogate_pair(string name, string masked)
    {
        var result = PersonalData.MaskName(name);

        Assert.Equal(masked, result);
        Assert.DoesNotContain('\uFFFD', result);
        Assert.All(result, c => Assert.False(char.IsSurrogate(c) && !IsPaired(result, c)));
    }

    [Fact]
    public void Should_keep_a_character_outside_the_basic_plane_whole_when_it_sits_where_the_visible_part_ends() =>
        Assert.Equal("13😀****5678", PersonalData.MaskPhone("13😀12345678"));

    private static bool IsPaired(string text, char c) =>
        Enumerable.Range(0, text.Length - 1).Any(i => char.IsSurrogatePair(text[i], text[i + 1]) && (text[i] == c || text[i + 1] == c));
}
