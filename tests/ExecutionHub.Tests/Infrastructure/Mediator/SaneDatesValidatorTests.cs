using System.Reflection;
using System.Runtime.CompilerServices;
using ExecutionHub.Tests.Features.Cases;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Features.Cases;
using ExecutionHub.Web.Infrastructure.Mediator;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExecutionHub.Tests.Infrastructure.Mediator;

/// <summary>Every date a request carries is refused outside 1980-01-01 .. tomorrow (.. ten years ahead when it plans).</summary>
public sealed class SaneDatesValidatorTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(TestApp.Start.UtcDateTime.AddHours(8));

    /// <summary>Each request type with the dates it carries directly (what the validator reads), found by reflection.</summary>
    public static TheoryData<string> DatedRequests()
    {
        var data = new TheoryData<string>();
        foreach (var type in RequestTypes().Where(t => DateProperties(t).Any()))
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DatedRequests))]
    public async Task Should_refuse_the_first_and_the_last_day_of_the_calendar_in_every_date_a_request_carries_and_take_today(string requestType)
    {
        await using var app = await TestApp.CreateAsync();
        var type = typeof(AppDbContext).Assembly.GetType(requestType)!;
        foreach (var property in DateProperties(type))
        {
            foreach (var absurd in new[] { DateOnly.MinValue, DateOnly.MaxValue, new DateOnly(1979, 12, 31) })
            {
                var failures = await ValidateAsync(app, type, property, absurd);
                Assert.True(failures.Contains(property.Name), $"{type.Name}.{property.Name} = {absurd:yyyy-MM-dd} was not refused");
            }

            Assert.DoesNotContain(property.Name, await ValidateAsync(app, type, property, Today));
            var planned = SaneDateFields.MayLieAhead(type, property);
            Assert.Equal(!planned, (await ValidateAsync(app, type, property, Today.AddDays(2))).Contains(property.Name));
            Assert.Equal(!planned, (await ValidateAsync(app, type, property, Today.AddYears(1))).Contains(property.Name));
        }
    }

    [Fact]
    public void Should_find_the_dates_of_the_known_requests__a_walk_that_found_none_would_test_nothing()
    {
        var dated = RequestTypes().Where(t => DateProperties(t).Any()).Select(t => t.FullName!).ToList();

        Assert.Contains(typeof(RecordMilestone).FullName!, dated);
        Assert.Contains(typeof(Web.Features.Window.LogWindowVisit).FullName!, dated);
        Assert.True(SaneDateFields.IsPlanned(typeof(Web.Features.Matters.Tasks.TaskAssignment).GetProperty("DueAtUtc")!));
        Assert.True(SaneDateFields.IsPlanned(typeof(Web.Features.Matters.Lifecycle.ExtendMatter).GetProperty("NewDueAtUtc")!));
        Assert.False(SaneDateFields.IsPlanned(typeof(RecordMilestone).GetProperty(nameof(RecordMilestone.OccurredOn))!));
    }

    [Fact]
    public async Task Should_refuse_a_milestone_dated_0001_01_01_naming_the_field_by_its_label_and_save_nothing()
    {
        await using var app = await TestApp.CreateAsync(demoData: true);
        var scenario = await MilestoneScenario.TwoApplicantCaseAsync(app);
        await app.SignInAsAsync("judge.wang");
        await using var before = await app.DbAsync();
        var milestones = await before.Milestones.CountAsync();

        var refused = await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(scenario.Milestone(MilestoneKind.CreditBlacklisting, on: DateOnly.MinValue)));

        var failure = Assert.Single(refused.Errors);
        Assert.Equal(nameof(RecordMilestone.OccurredOn), failure.PropertyName);
        Assert.StartsWith("发生日期须在 1980-01-01 至 ", failure.ErrorMessage, StringComparison.Ordinal);
        await using var after = await app.DbAsync();
        Assert.Equal(milestones, await after.Milestones.CountAsync());
    }

    [Fact]
    public async Task Should_check_the_dates_on_the_items_of_a_list_a_request_carries()
    {
        await using var app = await TestApp.CreateAsync();
        var request = new Web.Features.Mediation.RecordMediation { Instalments = [new() { DueOn = Today.AddMonths(6) }, new() { DueOn = DateOnly.MaxValue }] };

        var result = await Validator<Web.Features.Mediation.RecordMediation>(app).ValidateAsync(request);

        Assert.Equal(["Instalments[1].DueOn"], result.Errors.Select(e => e.PropertyName));
    }

    private static IValidator<T> Validator<T>(TestApp app) =>
        app.Services.CreateScope().ServiceProvider.GetServices<IValidator<T>>().OfType<SaneDatesValidator<T>>().Single();

    /// <summary>The names of the properties the validators registered for the request refuse, with one date set.</summary>
    private static async Task<List<string>> ValidateAsync(TestApp app, Type type, PropertyInfo property, DateOnly date)
    {
        var request = RuntimeHelpers.GetUninitializedObject(type);
        var underlying = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var value = underlying == typeof(DateOnly) ? (object)date
            : underlying == typeof(DateTimeOffset) ? (object)new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero)
            : property.Name.EndsWith("Utc", StringComparison.Ordinal) ? (object)DateTime.SpecifyKind(date.ToDateTime(new TimeOnly(4, 0)), DateTimeKind.Utc)
            : (object)date.ToDateTime(new TimeOnly(12, 0));
        property.SetValue(request, value);
        using var scope = app.Services.CreateScope();
        var validatorType = typeof(IValidator<>).MakeGenericType(type);
        var sane = scope.ServiceProvider.GetServices(validatorType).OfType<IValidator>().Single(v => v.GetType().IsGenericType && v.GetType().GetGenericTypeDefinition() == typeof(SaneDatesValidator<>));
        var result = await sane.ValidateAsync(new ValidationContext<object>(request));
        return result.Errors.Select(e => e.PropertyName).ToList();
    }

    private static IEnumerable<Type> RequestTypes() => typeof(AppDbContext).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false } && typeof(IMessage).IsAssignableFrom(t));

    private static IEnumerable<PropertyInfo> DateProperties(Type type) => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite || p.SetMethod is not null)
        .Where(p => (Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType) is var t && (t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset)));
}
