using System.Text;
using ExecutionHub.Web.Data;
using ExecutionHub.Web.Domain;
using ExecutionHub.Web.Infrastructure.Auth;
using ExecutionHub.Web.Infrastructure.Localization;
using ExecutionHub.Web.Infrastructure.Mediator;
using ExecutionHub.Web.Infrastructure.Time;
using FluentValidation;
using Mediator;
using MiniExcelLibs;
using Microsoft.EntityFrameworkCore;

namespace ExecutionHub.Web.Features.Imports;

/// <summary>The ledger template: the header row and one example row in the coordinator's own street, as CSV or XLSX.</summary>
[Allowed(Roles.Coordinator)]
public sealed record GetLedgerTemplate(LedgerFormat Format) : IQuery<LedgerTemplate>;

public sealed record LedgerTemplate(string FileName, string ContentType, byte[] Content);

public sealed class GetLedgerTemplateValidator : AbstractValidator<GetLedgerTemplate>
{
    public GetLedgerTemplateValidator() => RuleFor(x => x.Format).IsInEnum();
}

public sealed class GetLedgerTemplateHandler(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
    : IQueryHandler<GetLedgerTemplate, LedgerTemplate>
{
    public async ValueTask<LedgerTemplate> Handle(GetLedgerTemplate query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var example = await LedgerExample.ForAsync(db, await currentUser.GetAsync(), ChinaTime.Today(clock), cancellationToken);
        var stamp = ChinaTime.Today(clock).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        return query.Format == LedgerFormat.Xlsx
            ? new LedgerTemplate($"ledger-template-{stamp}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", await XlsxAsync(example, cancellationToken))
            : new LedgerTemplate($"ledger-template-{stamp}.csv", "text/csv", Csv(example));
    }

    /// <summary>UTF-8 with a byte-order mark, so Excel opens the Chinese text correctly; every field quoted.</summary>
    public static byte[] Csv(IReadOnlyList<string> example)
    {
        static string Line(IEnumerable<string> cells) => string.Join(',', cells.Select(c => "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
        var text = Line(LedgerFile.Columns) + "\r\n" + Line(example) + "\r\n";
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
    }

    /// <summary>
    /// The ledger sheet (header and example row; the import reads the first sheet) and a second sheet that says, in the
    /// user's language, what each column is called and takes.
    /// </summary>
    public static async Task<byte[]> XlsxAsync(IReadOnlyList<string> example, CancellationToken cancellationToken = default)
    {
        var row = new Dictionary<string, object?>();
        for (var i = 0; i < LedgerFile.Columns.Count; i++)
        {
            row[LedgerFile.Columns[i]] = example[i];
        }

        var guide = LedgerGuide.Columns(example).Select(c => new Dictionary<string, object?>
        {
            [UiText.Get("Import.Guide.Key")] = c.Key,
            [UiText.Get("Import.Guide.Name")] = c.Name,
            [UiText.Get("Import.Guide.Required")] = c.Required ? UiText.Get("Common.Yes") : UiText.Get("Common.No"),
            [UiText.Get("Import.Guide.Rule")] = c.Rule,
            [UiText.Get("Import.Guide.Example")] = c.Example,
        }).ToArray();
        var sheets = new Dictionary<string, object>
        {
            ["ledger"] = new[] { row },
            [UiText.Get("Import.Guide.Sheet")] = guide,
        };
        using var output = new MemoryStream();
        await MiniExcel.SaveAsAsync(output, sheets, printHeader: true, excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
        return output.ToArray();
    }
}
