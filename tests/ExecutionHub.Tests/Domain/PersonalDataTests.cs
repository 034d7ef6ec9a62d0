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
}
