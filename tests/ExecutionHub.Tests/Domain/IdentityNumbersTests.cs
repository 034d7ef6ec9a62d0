using ExecutionHub.Web.Domain;

namespace ExecutionHub.Tests.Domain;

public sealed class IdentityNumbersTests
{
    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("110101199003074477")]
    public void Valid_resident_ids_pass_the_check_digit(string id) => Assert.True(IdentityNumbers.IsResidentId(id));

    [Theory]
    [InlineData("110105194912310021")]
    [InlineData("11010519491231002")]
    [InlineData("1101051949123100XX")]
    public void Resident_ids_with_a_wrong_check_digit_or_length_fail(string id) => Assert.False(IdentityNumbers.IsResidentId(id));

    [Fact]
    public void Published_credit_code_passes_and_a_changed_one_fails()
    {
        Assert.True(IdentityNumbers.IsCreditCode("91350100M000100Y43"));
        Assert.False(IdentityNumbers.IsCreditCode("91350100M000100Y44"));
    }
}
