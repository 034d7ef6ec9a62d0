using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Export;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ExecutionHub.Web.Features.Reports;

/// <summary>A file made from a report, ready to hand to the browser.</summary>
public sealed record ReportFile(string FileName, string ContentType, byte[] Content);

/// <summary>The report as an editable Word/WPS document, in the sender's UI language, from its stored figures.</summary>
[Allowed(Roles.Coordinator, Roles.StreetOfficer, Roles.Judge, Roles.Administrator)]
public sealed record ExportReportDocx(int ReportId) : IQuery<ReportFile>, IReportRequest;

/// <summary>The report's tables as a workbook, one sheet per table, from its stored figures.</summary>
[Allowed(Roles.Coordinator, Roles.StreetOfficer, Roles.Judge, Roles.Administrator)]
public sealed record ExportReportXlsx(int ReportId) : IQuery<ReportFile>, IReportRequest;

public sealed class ExportReportDocxHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, IStringLocalizer<SharedResource> localizer)
    : IQueryHandler<ExportReportDocx, ReportFile>
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public async ValueTask<ReportFile> Handle(ExportReportDocx query, CancellationToken cancellationToken)
    {
        var report = await ReportFiles.LoadAsync(dbFactory, currentUser, query.ReportId, cancellationToken);
        return new ReportFile(ReportFiles.Name(report, ".docx", localizer), ContentType, ReportDocument.Write(report, localizer));
    }
}

public sealed class ExportReportXlsxHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, IStringLocalizer<SharedResource> localizer)
    : IQueryHandler<ExportReportXlsx, ReportFile>
{
    public async ValueTask<ReportFile> Handle(ExportReportXlsx query, CancellationToken cancellationToken)
    {
        var report = await ReportFiles.LoadAsync(dbFactory, currentUser, query.ReportId, cancellationToken);
        return new ReportFile(ReportFiles.Name(report, ExportFormat.Xlsx.Extension(), localizer), ExportFormat.Xlsx.ContentType(),
            await ReportWorkbook.WriteAsync(report, localizer, cancellationToken));
    }
}

internal static class ReportFiles
{
    public static async Task<ReportView> LoadAsync(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, int reportId, CancellationToken cancellationToken)
    {
        var me = await currentUser.GetAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ReportViews.LoadAsync(db, me, reportId, cancellationToken);
    }

    /// <summary>"平凉路街道_2026年10月_区域涉执社情画像报告_草稿.docx": what it is, and a draft says so.</summary>
    public static string Name(ReportView report, string extension, IStringLocalizer localizer)
    {
        var title = report.Title(localizer).Replace(' ', '_');
        var name = report.IsDraft ? $"{title}_{localizer["ReportState.Draft"]}" : title;
        var invalid = Path.GetInvalidFileNameChars().Concat(":*?\"<>|\\/").ToHashSet();
        return new string(name.Select(c => invalid.Contains(c) ? '_' : c).ToArray()) + extension;
    }
}
