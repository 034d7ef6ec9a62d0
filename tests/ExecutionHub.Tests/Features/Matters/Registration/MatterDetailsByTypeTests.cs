using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters.Registration;
using ExecutionHub.Web.Infrastructure.Localization;

namespace ExecutionHub.Tests.Features.Matters.Registration;

/// <summary>A matter's details carry the fields of its type only: one of another type is refused naming it.</summary>
public sealed class MatterDetailsByTypeTests
{
    /// <summary>Each type with the detail fields its registration form shows.</summary>
    private static readonly Dictionary<MatterType, string[]> Asked = new()
    {
        [MatterType.DebtorWhereabouts] = ["LastKnownAddresses", "CourtAlreadyTried"],
        [MatterType.AssetClueVerification] = ["ClueKind", "VehiclePlate", "VehicleModel", "Employer", "Position", "ClueDescription"],
        [MatterType.HouseholdSurvey] = [],
        [MatterType.PropertyClueTransfer] = ["ClueDescription"],
        [MatterType.JudicialRelief] = ["ApplicantHardship", "AmountRequested"],
        [MatterType.ResumeExecution] = ["NewAssetClue"],
        [MatterType.EntrustedInvestigation] = ["RequestingCourt", "RequestingCaseNumber", "LetterReference"],
    };

    private static readonly string[] AllFields = typeof(MatterDetails).GetProperties().Select(p => p.Name).ToArray();

    public static TheoryData<MatterType, string> FieldsNotAsked()
    {
        var data = new TheoryData<MatterType, string>();
        foreach (var (type, asked) in Asked)
        {
            foreach (var field in AllFields.Except(asked))
            {
                data.Add(type, field);
            }
        }

        return data;
    }

    public static TheoryData<MatterType, string> FieldsAsked()
    {
        var data = new TheoryData<MatterType, string>();
        foreach (var (type, asked) in Asked)
        {
            foreach (var field in asked)
            {
                data.Add(type, field);
            }
        }

        return data;
    }

    [Fact]
    public void Every_type_is_listed()
    {
        Assert.Equal(Enum.GetValues<MatterType>().Order(), Asked.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(FieldsNotAsked))]
    public async Task Should_refuse_a_detail_the_matters_type_does_not_ask_for_naming_it_by_its_label(MatterType type, string field)
    {
        var result = await new RegisterMatterValidator().ValidateAsync(Registration(type, field));

        var refusal = Assert.Single(result.Errors, e => e.ErrorMessage == NotForType(type, field));
        Assert.Equal(field, refusal.PropertyName);
        Assert.Contains(UiText.Get("Details." + field), refusal.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(FieldsAsked))]
    public async Task Should_take_a_detail_the_matters_type_asks_for(MatterType type, string field)
    {
        var result = await new RegisterMatterValidator().ValidateAsync(Registration(type, field));

        Assert.DoesNotContain(result.Errors, e => e.ErrorMessage == NotForType(type, field));
    }

    [Fact]
    public void Should_empty_the_fields_of_another_type_when_the_form_sends_its_type()
    {
        var details = new MatterDetails { LastKnownAddresses = "平凉路100弄3号", VehiclePlate = "沪A12345", ClueKind = AssetClueKind.Vehicle, AmountRequested = 100m };

        details.KeepOnlyFieldsOf(MatterType.DebtorWhereabouts);

        Assert.Equal("LastKnownAddresses", Assert.Single(details.FilledFields()));
    }

    private static string NotForType(MatterType type, string field) =>
        UiText.Format("Validation.DetailNotForType", UiText.Get("Details." + field), UiText.Get("MatterType." + type));

    private static RegisterMatter Registration(MatterType type, string field)
    {
        var registration = new RegisterMatter { Type = type, CaseNumber = "(2025)沪0110执1234号", Request = "请核实", TargetName = "孙有财" };
        var property = typeof(MatterDetails).GetProperty(field)!;
        object value = property.PropertyType == typeof(string) ? "值"
            : Nullable.GetUnderlyingType(property.PropertyType) == typeof(AssetClueKind) ? AssetClueKind.Other
            : 100m;
        property.SetValue(registration.Details, value);
        return registration;
    }
}
