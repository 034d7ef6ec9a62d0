using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Localization;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ExecutionHub.Web.Infrastructure.Mediator;

namespace ExecutionHub.Web.Features.Reports;

/// <summary>The coordinator writes or edits a draft's governance suggestions.</summary>
[Allowed(Roles.Coordinator, Roles.Administrator)]
public sealed record EditReportSuggestions(int ReportId, [property: FieldLabel("Reports.SuggestionsLabel")] string Suggestions, int Version) : ICommand<int>, IReportRequest;

public sealed class EditReportSuggestionsValidator : AbstractValidator<EditReportSuggestions>
{
    public EditReportSuggestionsValidator() => RuleFor(x => x.Suggestions).NotNull().MaximumLength(Report.MaxSuggestionsLength);
}

public sealed class EditReportSuggestionsHandler(IDbContextFactory<AppDbContext> dbFactory) : ICommandHandler<EditReportSuggestions, int>
{
    public async ValueTask<int> Handle(EditReportSuggestions command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var report = await ReportEdits.LoadAsync(db, command.ReportId, command.Version, cancellationToken);
        report.EditSuggestions(command.Suggestions);
        await db.SaveChangesAsync(cancellationToken);
        return report.Version;
    }
}
