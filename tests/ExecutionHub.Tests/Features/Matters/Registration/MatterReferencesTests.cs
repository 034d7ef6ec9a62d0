using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Matters.Registration;

namespace ExecutionHub.Tests.Features.Matters.Registration;

/// <summary>The numbering every way in shares (registration, window visits, ledger imports, demo data).</summary>
public sealed class MatterReferencesTests
{
    [Fact]
    public async Task Should_number_a_batch_in_order_on_from_the_highest_numbered_reference_of_the_year_in_shanghai()
    {
        await using var app = await TestApp.CreateAsync();
        var data = await new HandBuiltData(app).WithOrganisationAsync();
        var @case = await data.AddCaseAsync(data.Judge);
        var numbered = await data.AddMatterAsync(@case, TestApp.Start.UtcDateTime);
        var otherScheme = await data.AddMatterAsync(@case, TestApp.Start.UtcDateTime);
        await using (var db = await app.DbAsync())
        {
            db.Matters.AttachRange(numbered, otherScheme);
            numbered.Reference = "ZX-2026-00041";
            otherScheme.Reference = "ZX-2026-B0999999"; // a bulk-loaded scheme that sorts above the digits
            await db.SaveChangesAsync();
        }

        await using var read = await app.DbAsync();
        var references = await MatterReferences.NextAsync(read, TestApp.Start.UtcDateTime, 3, CancellationToken.None);

        Assert.Equal(["ZX-2026-00042", "ZX-2026-00043", "ZX-2026-00044"], references);
        Assert.Equal("ZX-2027-00001", await MatterReferences.NextAsync(read, new DateTime(2026, 12, 31, 16, 0, 0, DateTimeKind.Utc), CancellationToken.None));
    }
}
