using ExecutionHub.Web.Domain;

namespace ExecutionHub.Tests.Domain;

public sealed class CasePartyTests
{
    private static CaseParty Applicant(params string[] phones) =>
        new() { Role = PartyRole.Applicant, Name = "李四", IdentityNumber = "310110199001011234", Phones = [.. phones] };

    [Fact]
    public void Should_text_a_mobile_number_even_when_a_landline_is_listed_first()
    {
        Assert.Equal("13812345678", Applicant("021-65432100", " 13812345678 ").SmsNumber());
    }

    [Fact]
    public void Should_fall_back_to_the_first_phone_without_a_mobile_and_to_none_without_a_phone()
    {
        Assert.Equal("021-65432100", Applicant(" ", "021-65432100").SmsNumber());
        Assert.Null(Applicant().SmsNumber());
    }
}
